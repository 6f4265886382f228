/**
 * What the National Portal checks in a record it is sent (docs/national-portal.md): the dossier (HoSo) of
 * `DongBoHoSoMC` and the progress row (TienDo) of `CapNhatTienDoHoSoMC`. Pure functions, no server: each answers the
 * first problem of a record as the portal's message, naming the field (`NgayNopHoSo: …`), or null.
 */

export type PortalRecord = Readonly<Record<string, unknown>>;

/** A field's check: null when the value is right, else why not (the field's name is put before it). */
type Check = (value: unknown) => string | null;

/** Every date of the protocol: `yyyyMMddHHmmss`, Vietnam time (the zone cannot be told from the digits). */
const PORTAL_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** A real instant written `yyyyMMddHHmmss`: not 20260230…, not 25 o'clock. */
export function isPortalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = PORTAL_DATE.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  // day 0 of the next month is the last day of this one
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** An instant as the portal writes it: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const portalDate = (ms: number): string => new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');

/** The dossier code (`<unit>-<YYMMDD>-<NNNN>`): the unit's electronic identifier (QCVN 102:2016), the day, a serial. */
export const DOSSIER_CODE = /^[0-9A-Z.]{1,35}-\d{6}-[0-9A-Z]{4,}$/;
/** A national procedure code (`1.001193`). */
const PROCEDURE_CODE = /^\d+\.\d+$/;

const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'phải là một chuỗi không rỗng');
const date: Check = (v) => (isPortalDate(v) ? null : 'phải là một ngày có thật dạng yyyyMMddHHmmss');
const oneOf =
  (least: number, most: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= least && (v as number) <= most ? null : `phải là một số nguyên từ ${least} đến ${most}`;
const matching =
  (pattern: RegExp): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? null : `không đúng mẫu ${pattern.source}`;
const wholeAmount: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : 'phải là một số nguyên không âm (đồng)');
const positive: Check = (v) => (Number.isInteger(v) && (v as number) >= 1 ? null : 'phải là một số nguyên dương');

/** A field: its name, whether it must be there, its check. Absent means missing or null. */
type Field = readonly [name: string, required: boolean, check: Check];

/** The first problem of an object's fields, as `<path>: <why>`, or null. */
function problemOf(record: PortalRecord, fields: readonly Field[], path = ''): string | null {
  for (const [name, required, check] of fields) {
    const value = record[name];
    if (value === undefined || value === null) {
      if (required) return `${path}${name}: bắt buộc, không có`;
      continue;
    }
    const why = check(value);
    // a list's problem starts with the item's index: `TaiLieuNop[1].TenTaiLieu: …`
    if (why) return `${path}${name}${why.startsWith('[') ? '' : ': '}${why}`;
  }
  return null;
}

/** A list of objects whose items each pass `fields`; a problem starts with the item's index. */
const listOf =
  (fields: readonly Field[]): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'phải là một danh sách';
    for (const [i, item] of v.entries()) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return `[${i}] phải là một đối tượng`;
      const problem = problemOf(item as PortalRecord, fields, `[${i}].`);
      if (problem) return problem;
    }
    return null;
  };

const DOCUMENT: readonly Field[] = [
  ['MaThanhPhanHoSo', true, text],
  ['TenTaiLieu', true, text],
  ['SoBan', false, positive],
  ['DuongDan', false, text],
  ['MaKiemTra', false, text],
];
const FEE: readonly Field[] = [
  ['TenPhiLePhi', true, text],
  ['MucPhi', true, wholeAmount],
];
const SUPPLEMENT: readonly Field[] = [
  ['NgayYeuCauBoSung', true, date],
  ['NoiDungBoSung', true, text],
  ['NgayHenTraTruoc', true, date],
  ['NgayHenTraMoi', true, date],
  ['NgayBoSung', false, date],
];
const RESULT_PAPER: readonly Field[] = [
  ['TenGiayTo', true, text],
  ['MaGiayTo', false, text],
];

/** The HoSo table of docs/national-portal.md, in its order; `MaHoSo` is checked first, apart (see `dossierProblem`). */
const DOSSIER: readonly Field[] = [
  ['MaHoSoQG', false, text],
  ['MaTTHC', true, matching(PROCEDURE_CODE)],
  ['TenTTHC', true, text],
  ['MaLinhVuc', false, text],
  ['KenhThucHien', true, oneOf(1, 3)],
  ['ChuHoSo', true, text],
  ['LoaiDoiTuong', false, oneOf(1, 2)],
  ['SoGiayToChuHoSo', false, text],
  ['SoDienThoai', false, text],
  ['Email', false, text],
  ['DiaChi', false, text],
  ['NgayNopHoSo', true, date],
  ['NgayTiepNhan', false, date],
  ['NgayHenTra', false, date],
  ['TrangThaiHoSo', true, oneOf(1, 10)],
  ['NgayKetThucXuLy', false, date],
  ['NgayTra', false, date],
  ['HinhThuc', false, oneOf(0, 1)],
  ['DonViXuLy', false, text],
  ['TaiLieuNop', false, listOf(DOCUMENT)],
  ['LePhi', false, listOf(FEE)],
  ['DanhSachHoSoBoSung', false, listOf(SUPPLEMENT)],
  ['DanhSachGiayToKetQua', false, listOf(RESULT_PAPER)],
  ['LyDo', false, text],
];

/**
 * An online dossier the desk refused before giving it a code (3, keyed by `MaHoSoQG` alone): the portal holds its
 * content since it was filed there, so the refusal carries only the reference, the status and the reason.
 */
export const isOnlineRefusal = (hoSo: PortalRecord): boolean =>
  hoSo.TrangThaiHoSo === 3 && (hoSo.MaHoSo === undefined || hoSo.MaHoSo === null) && typeof hoSo.MaHoSoQG === 'string';

/** The fields the portal still checks on a refusal keyed by `MaHoSoQG`: the rest may be absent, not wrong. */
const ONLINE_REFUSAL: readonly Field[] = DOSSIER.map(([name, required, check]): Field => [name, required && name === 'TrangThaiHoSo', check]);

/** Statuses whose version must say why: a refusal (3) and a stop (8) are explained to the applicant. */
const REASON_NEEDED = new Set([3, 8]);

/** The first problem of a HoSo, or null. */
export function dossierProblem(hoSo: PortalRecord): string | null {
  const online = isOnlineRefusal(hoSo);
  if (!online) {
    if (hoSo.MaHoSo === undefined || hoSo.MaHoSo === null) return 'MaHoSo: bắt buộc, không có';
    if (typeof hoSo.MaHoSo !== 'string' || !DOSSIER_CODE.test(hoSo.MaHoSo)) return `MaHoSo: không đúng mẫu ${DOSSIER_CODE.source}`;
  }
  const problem = problemOf(hoSo, online ? ONLINE_REFUSAL : DOSSIER);
  if (problem) return problem;
  if (REASON_NEEDED.has(hoSo.TrangThaiHoSo as number) && hoSo.LyDo == null) return `LyDo: bắt buộc khi TrangThaiHoSo là ${hoSo.TrangThaiHoSo as number}`;
  if (hoSo.TrangThaiHoSo === 10 && hoSo.NgayTra == null) return 'NgayTra: bắt buộc khi TrangThaiHoSo là 10';
  return null;
}

/** The TienDo row of `CapNhatTienDoHoSoMC` (the doc's progress table). */
const PROGRESS: readonly Field[] = [
  ['MaHoSo', true, matching(DOSSIER_CODE)],
  ['NguoiXuLy', true, text],
  ['ChucDanh', false, text],
  ['ThoiDiemXuLy', true, date],
  ['PhongBanXuLy', false, text],
  ['NoiDungXuLy', true, text],
  ['TrangThai', true, oneOf(1, 10)],
  ['NgayBatDau', false, date],
  ['NgayKetThucTheoQuyDinh', false, date],
];

/** The first problem of a progress row, or null. */
export const progressProblem = (row: PortalRecord): string | null => problemOf(row, PROGRESS);

/**
 * How far along its life a national status puts a dossier. A later version may stay in its phase or move on, never
 * go back: 4, 5 and 6 alternate while it is processed (a supplement asked, a fee to pay, back to processing), 7, 8
 * and 9 end processing, 10 hands the result back. A version in an earlier phase than one already accepted (9 after
 * 10, 4 after 9, 1 after 2) was sent out of order.
 */
const PHASE: Readonly<Record<number, number>> = { 1: 0, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 3, 8: 3, 9: 3, 10: 4 };

export const phaseOf = (status: number): number => PHASE[status] ?? 0;
