/** A date as the portal writes it: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (docs/national-portal.md). */
export type PortalDate = string;

/** HoSo: a dossier as DongBoHoSoMC sends it (docs/national-portal.md, field list). Absent fields are not sent. */
export interface HoSo {
  /** Absent only in a desk's refusal (3) of an online dossier before it had a code: keyed by `MaHoSoQG` alone. */
  MaHoSo?: string;
  MaHoSoQG?: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc?: string;
  KenhThucHien: 1 | 2 | 3;
  ChuHoSo: string;
  LoaiDoiTuong: 1 | 2;
  SoGiayToChuHoSo?: string;
  SoDienThoai?: string;
  Email?: string;
  DiaChi?: string;
  NgayNopHoSo: PortalDate;
  NgayTiepNhan?: PortalDate;
  NgayHenTra?: PortalDate;
  TrangThaiHoSo: number;
  NgayKetThucXuLy?: PortalDate;
  NgayTra?: PortalDate;
  HinhThuc: 0 | 1;
  DonViXuLy?: string;
  TaiLieuNop: { MaThanhPhanHoSo?: string; TenTaiLieu: string; SoBan?: number; DuongDan?: string; MaKiemTra?: string }[];
  LePhi: { TenPhiLePhi: string; MucPhi: number }[];
  DanhSachHoSoBoSung: SupplementEntry[];
  DanhSachGiayToKetQua: { TenGiayTo: string; MaGiayTo?: string }[];
  LyDo?: string;
}

/** One supplement request of a dossier, with the appointment before and after its pause. */
export interface SupplementEntry {
  NgayYeuCauBoSung: PortalDate;
  NoiDungBoSung: string;
  NgayHenTraTruoc?: PortalDate;
  NgayHenTraMoi?: PortalDate;
  NgayBoSung?: PortalDate;
}

/** TienDo: one progress row (a hand-over) as CapNhatTienDoHoSoMC sends it. */
export interface TienDo {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh?: string;
  ThoiDiemXuLy: PortalDate;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  TrangThai: number;
  NgayBatDau: PortalDate;
  NgayKetThucTheoQuyDinh?: PortalDate;
}

/** An online dossier filed on the portal, as `GET /HoSoTrucTuyen` serves it. */
export interface HoSoTrucTuyen {
  MaHoSoQG: string;
  MaTTHC: string;
  MaDonVi: string;
  ChuHoSo: string;
  SoGiayToChuHoSo?: string;
  SoDienThoai?: string;
  Email?: string;
  DiaChi?: string;
  MaXaPhuong: string;
  NgayNopHoSo: PortalDate;
  HinhThuc?: number;
  TaiLieuNop?: { MaThanhPhanHoSo?: string; TenTaiLieu: string; DuongDan: string; MaKiemTra: string }[];
}

/**
 * The portal's answer to a call: accepted; refused (an error_code other than "0"/"00", its message kept: the record
 * is wrong, retrying the same soon will not help); or unavailable for now (5xx, 429, no answer: retry later).
 */
export type PortalAnswer<T> =
  | { readonly kind: 'accepted'; readonly value: T }
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'transient'; readonly error: string; readonly retryAfterMs?: number };

/** DongBoHoSoMC's answer per dossier, in the call's order: accepted, or refused with the portal's message. */
export interface RecordResult {
  readonly maHoSo: string;
  readonly accepted: boolean;
  readonly message: string | null;
}

/** The National Public Service Portal behind its adapter (architecture §1): one interface, one implementation of the protocol. */
export abstract class NationalPortal {
  /** Creates (`isUpdating` false) or updates dossiers: one result per dossier (a batch may be accepted in part). */
  abstract syncDossiers(isUpdating: boolean, dossiers: readonly HoSo[]): Promise<PortalAnswer<RecordResult[]>>;
  /** Progress rows of dossiers the portal accepted: the whole call is accepted or refused. */
  abstract updateProgress(rows: readonly TienDo[]): Promise<PortalAnswer<null>>;
  /** New online dossiers not yet confirmed. */
  abstract onlineDossiers(limit: number): Promise<PortalAnswer<HoSoTrucTuyen[]>>;
  /** Confirms an online dossier was taken (it is not served again); confirming twice is accepted again. */
  abstract confirmOnline(portalReference: string): Promise<PortalAnswer<null>>;
}
