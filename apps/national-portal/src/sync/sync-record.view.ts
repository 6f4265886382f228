import { ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';

/** A date as the portal writes it: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh. */
const PORTAL_DATE = { pattern: '^\\d{14}$', example: '20261207093000' } as const;

/** TaiLieuNop: a document of the dossier as the portal is told of it. */
@ApiSchema({ name: 'PortalDocument' })
export class PortalDocumentView {
  @ApiPropertyOptional({ example: 'TK-KS' }) MaThanhPhanHoSo?: string;
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' }) TenTaiLieu: string;
  @ApiPropertyOptional({ example: 1 }) SoBan?: number;
  @ApiPropertyOptional({ example: 'https://dichvucong.gov.vn/files/G22.99-261207-000123/tk-ks.pdf' }) DuongDan?: string;
  @ApiPropertyOptional({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) MaKiemTra?: string;
}

/** LePhi: a fee line. */
@ApiSchema({ name: 'PortalFee' })
export class PortalFeeView {
  @ApiProperty({ example: 'Lệ phí đăng ký khai sinh' }) TenPhiLePhi: string;
  @ApiProperty({ example: 0, description: 'đồng' }) MucPhi: number;
}

/** DanhSachHoSoBoSung: one supplement request, with the appointment before and after its pause. */
@ApiSchema({ name: 'PortalSupplement' })
export class PortalSupplementView {
  @ApiProperty(PORTAL_DATE) NgayYeuCauBoSung: string;
  @ApiProperty({ example: 'Bổ sung giấy chứng sinh bản chính' }) NoiDungBoSung: string;
  @ApiPropertyOptional(PORTAL_DATE) NgayHenTraTruoc?: string;
  @ApiPropertyOptional(PORTAL_DATE) NgayHenTraMoi?: string;
  @ApiPropertyOptional(PORTAL_DATE) NgayBoSung?: string;
}

/** DanhSachGiayToKetQua: a paper of the result. */
@ApiSchema({ name: 'PortalResultPaper' })
export class PortalResultPaperView {
  @ApiProperty({ example: 'Giấy khai sinh' }) TenGiayTo: string;
  @ApiPropertyOptional() MaGiayTo?: string;
}

/** HoSo: a dossier as DongBoHoSoMC sends it to the portal (absent fields are not sent). */
@ApiSchema({ name: 'PortalDossier', description: 'HoSo: a dossier as DongBoHoSoMC sends it (docs/national-portal.md)' })
export class PortalDossierView {
  @ApiPropertyOptional({ example: '004.01.20.H26-261207-0001', description: 'Absent only in a refusal of an online dossier before it had a code' })
  MaHoSo?: string;
  @ApiPropertyOptional({ example: 'G22.99-261207-000123' }) MaHoSoQG?: string;
  @ApiProperty({ example: '1.001193' }) MaTTHC: string;
  @ApiProperty({ example: 'Thủ tục đăng ký khai sinh' }) TenTTHC: string;
  @ApiPropertyOptional() MaLinhVuc?: string;
  @ApiProperty({ enum: [1, 2, 3], example: 1 }) KenhThucHien: 1 | 2 | 3;
  @ApiProperty({ example: 'Nguyễn Văn An' }) ChuHoSo: string;
  @ApiProperty({ enum: [1, 2], example: 1, description: '1 a citizen, 2 an organisation' }) LoaiDoiTuong: 1 | 2;
  @ApiPropertyOptional({ example: '001090012345' }) SoGiayToChuHoSo?: string;
  @ApiPropertyOptional({ example: '0912345678' }) SoDienThoai?: string;
  @ApiPropertyOptional() Email?: string;
  @ApiPropertyOptional() DiaChi?: string;
  @ApiProperty(PORTAL_DATE) NgayNopHoSo: string;
  @ApiPropertyOptional(PORTAL_DATE) NgayTiepNhan?: string;
  @ApiPropertyOptional(PORTAL_DATE) NgayHenTra?: string;
  @ApiProperty({ example: 2, description: 'The national status, 1 to 10' }) TrangThaiHoSo: number;
  @ApiPropertyOptional(PORTAL_DATE) NgayKetThucXuLy?: string;
  @ApiPropertyOptional(PORTAL_DATE) NgayTra?: string;
  @ApiProperty({ enum: [0, 1], example: 0, description: '0 at the desk, 1 by post' }) HinhThuc: 0 | 1;
  @ApiPropertyOptional({ example: 'Ủy ban nhân dân phường Trúc Bạch' }) DonViXuLy?: string;
  @ApiProperty({ type: [PortalDocumentView] }) TaiLieuNop: PortalDocumentView[];
  @ApiProperty({ type: [PortalFeeView] }) LePhi: PortalFeeView[];
  @ApiProperty({ type: [PortalSupplementView] }) DanhSachHoSoBoSung: PortalSupplementView[];
  @ApiProperty({ type: [PortalResultPaperView] }) DanhSachGiayToKetQua: PortalResultPaperView[];
  @ApiPropertyOptional() LyDo?: string;
}

/** TienDo: one progress row (a hand-over) as CapNhatTienDoHoSoMC sends it. */
@ApiSchema({ name: 'PortalProgress', description: 'TienDo: one hand-over as CapNhatTienDoHoSoMC sends it' })
export class PortalProgressView {
  @ApiProperty({ example: '004.01.20.H26-261207-0001' }) MaHoSo: string;
  @ApiProperty({ example: 'Trần Văn Bình' }) NguoiXuLy: string;
  @ApiPropertyOptional({ example: 'Công chức tư pháp – hộ tịch' }) ChucDanh?: string;
  @ApiProperty(PORTAL_DATE) ThoiDiemXuLy: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Trúc Bạch' }) PhongBanXuLy: string;
  @ApiProperty({ example: 'Kiểm tra hồ sơ, ghi sổ hộ tịch' }) NoiDungXuLy: string;
  @ApiProperty({ example: 4 }) TrangThai: number;
  @ApiProperty(PORTAL_DATE) NgayBatDau: string;
  @ApiPropertyOptional(PORTAL_DATE) NgayKetThucTheoQuyDinh?: string;
}

/**
 * A dossier's sync record as operators see it: keyed by the dossier code (or `QG:<MaHoSoQG>` for an online submission
 * refused before it had one), what of its queue is unsent, and how the last attempts went.
 */
@ApiSchema({ name: 'SyncRecord', description: 'One dossier’s sync with the National Portal' })
export class SyncRecordView {
  @ApiProperty({ example: '004.01.20.H26-261207-0001', description: 'The dossier code, or `QG:<MaHoSoQG>` before it had one' })
  key: string;
  @ApiProperty({ type: String, nullable: true, example: '004.01.20.H26-261207-0001' })
  dossierCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'MaHoSoQG of an online dossier' })
  portalReference: string | null;
  @ApiProperty({
    enum: ['pending', 'idle', 'parked'],
    description: 'pending: updates due; idle: nothing queued; parked: refused too often, waits for an operator',
  })
  state: 'pending' | 'idle' | 'parked';
  @ApiProperty({ description: 'The portal accepted a DongBoHoSoMC of it: later versions are updates, progress rows may go' })
  knownToPortal: boolean;
  @ApiProperty({ example: 1, description: 'Updates queued and not yet sent' })
  unsent: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the head of the queue is due' })
  nextAttemptAt: Date | null;
  @ApiProperty({ example: 0, description: 'The head’s failures in a row (unavailable or refused)' })
  failures: number;
  @ApiProperty({ example: 0, description: 'The head’s refusals by the portal (parked at the limit)' })
  refusals: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The last error, as the portal or the network said it' })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastErrorAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSentAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
  @ApiProperty({ format: 'uuid' })
  id: string;
}

@ApiSchema({ name: 'SyncRecordPage', description: 'A page of sync records, oldest first' })
export class SyncRecordPage {
  @ApiProperty({ type: [SyncRecordView] })
  items: SyncRecordView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last one' })
  nextCursor: string | null;
}

/** One update of the dossier's queue, as queued: a HoSo version or a progress row. */
@ApiSchema({ name: 'PortalUpdate' })
export class PortalUpdateView {
  @ApiProperty({ example: '42', description: 'Its place in the queue' })
  id: string;
  @ApiProperty({ enum: ['dossier', 'progress'], description: 'dossier: a DongBoHoSoMC version (HoSo); progress: a CapNhatTienDoHoSoMC row (TienDo)' })
  kind: 'dossier' | 'progress';
  @ApiProperty({ example: 'accepted#1', description: 'The event that made it: its kind and its producer’s sequence' })
  cause: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while unsent' })
  sentAt: Date | null;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(PortalDossierView) }, { $ref: getSchemaPath(PortalProgressView) }], description: 'What is sent' })
  body: PortalDossierView | PortalProgressView;
}

@ApiSchema({ name: 'SyncRecordDetail', description: 'One dossier’s sync record with its queue of updates, in order' })
export class SyncRecordDetailView extends SyncRecordView {
  @ApiProperty({ type: [PortalUpdateView] })
  queue: PortalUpdateView[];
}

/** Reached by `$ref` only: name them in the controller's `@ApiExtraModels`. */
export const SYNC_VIEW_MODELS = [PortalDossierView, PortalProgressView];
