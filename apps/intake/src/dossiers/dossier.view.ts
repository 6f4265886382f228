import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import { NationalStatus, ReturnMethod, nationalStatusKey, nationalStatusName } from '@motcua/contracts';
import { ApiNullableProperty } from '@motcua/http';
import type { Dossier } from './dossier.entity';
import type { DossierStatusChange } from './dossier-status-change.entity';
import { PostalStateView, postalStateName } from './postal-state';

/** The national statuses (TrangThaiHoSo), 1 to 10. */
export const NATIONAL_STATUSES = Object.values(NationalStatus).filter((v): v is NationalStatus => typeof v === 'number');

/** Where the view finds the names beside the codes: intake's replica of the catalogue. */
export interface CatalogueNames {
  procedure(code: string): { readonly name: string } | undefined;
  agency(code: string): { readonly name: string } | undefined;
}

/** Người nộp hồ sơ: the applicant as the desk recorded them. */
@ApiSchema({ name: 'Applicant' })
export class ApplicantView {
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'ChuHoSo: the applicant’s full name' })
  fullName: string;
  @ApiPropertyOptional({ example: '001190012345', description: 'Số định danh cá nhân, or a business’s tax code' })
  idNumber?: string;
  @ApiPropertyOptional({ example: '0912345678' })
  phone?: string;
  @ApiPropertyOptional({ example: 'lan.nguyen@example.vn' })
  email?: string;
  @ApiPropertyOptional({ example: 'Số 12 phố Phó Đức Chính, phường Trúc Bạch, quận Ba Đình, Hà Nội' })
  address?: string;
  @ApiProperty({ example: '00004', description: 'Statistics-office code of the applicant’s ward or commune (routing uses it)' })
  wardCode: string;
}

/** A document the desk received with the dossier, as the receipt lists it. */
@ApiSchema({ name: 'ReceivedDocument' })
export class ReceivedDocumentView {
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  name: string;
  @ApiPropertyOptional({ example: 'TK-KS', description: 'The document’s code in the procedure’s list, when matched' })
  code?: string;
  @ApiPropertyOptional({ example: 1 })
  copies?: number;
}

/** A document asked for or supplied: its code in the procedure’s list when matched, and its name. */
@ApiSchema({ name: 'DocumentItem' })
export class DocumentItemView {
  @ApiPropertyOptional({ example: 'GCS' })
  code?: string;
  @ApiProperty({ example: 'Giấy chứng sinh' })
  name: string;
}

/** Địa chỉ nhận kết quả: where the post delivers the result (Decision 45/2016). */
@ApiSchema({ name: 'PostalAddress' })
export class PostalAddressView {
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'Who receives the result' })
  recipient: string;
  @ApiProperty({ example: '0912345678', description: 'A phone the postman calls' })
  phone: string;
  @ApiProperty({ example: 'Số 12 phố Phó Đức Chính', description: 'House number, street, hamlet' })
  street: string;
  @ApiProperty({ example: '00004', description: 'Statistics-office code of the ward or commune' })
  wardCode: string;
}

/** The step under way and the agency whose queue holds it (a local sub-state beside the national status). */
@ApiSchema({ name: 'CurrentStep' })
export class CurrentStepView {
  @ApiProperty({ example: 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch' })
  name: string;
  @ApiProperty({ example: '004.01.20.H26' })
  agencyCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ủy ban nhân dân phường Trúc Bạch', description: 'Null when the replica does not know the code' })
  agencyName: string | null;
}

/** Yêu cầu bổ sung: what the competent body asked the applicant for, and why (status 5). */
@ApiSchema({ name: 'SupplementRequest' })
export class SupplementRequestView {
  @ApiProperty({ example: 1, description: 'The how-many-th request of this dossier' })
  round: number;
  @ApiProperty({ example: 'Giấy chứng sinh là bản sao không có chứng thực' })
  reason: string;
  @ApiProperty({ type: [DocumentItemView], description: 'Everything asked for, at once' })
  missing: DocumentItemView[];
  @ApiProperty({ example: 2, description: 'The step of the process that asked' })
  stepNumber: number;
  @ApiProperty({ example: '004.01.20.H26', description: 'The agency that asked' })
  agencyCode: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-07T03:15:00.000Z' })
  requestedAt: string;
}

/** One fact of the dossier's status history, with the agency where it happened (names beside codes, ADR 007). */
@ApiSchema({ name: 'DossierStatusChange' })
export class DossierStatusChangeView {
  @ApiProperty({ enum: NATIONAL_STATUSES, example: NationalStatus.Accepted, description: 'TrangThaiHoSo after this fact' })
  nationalStatus: number;
  @ApiProperty({ example: 'Đã tiếp nhận' })
  nationalStatusName: string;
  @ApiProperty({ example: 'Accepted' })
  nationalStatusKey: string;
  @ApiProperty({ enum: ['intake', 'workflow'], example: 'intake', description: 'The service that recorded it' })
  source: string;
  @ApiProperty({ type: String, nullable: true, example: '004.01.20.H26' })
  agencyCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Ủy ban nhân dân phường Trúc Bạch' })
  agencyName: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  note: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:30:00.000+07:00' })
  occurredAt: string;
}

/**
 * What REST clients see of a dossier: times in Vietnam with their offset, the national status with its Vietnamese
 * name (and its stable English key for programs), the procedure's and agencies' names beside their codes (null when
 * the replica does not know the code).
 */
@ApiSchema({ name: 'Dossier', description: 'Hồ sơ: the officers’ view of one dossier, with its status history' })
export class DossierView {
  @ApiProperty({ example: '004.01.20.H26-261207-0001', description: 'Mã hồ sơ, unique nationwide' })
  code: string;
  @ApiProperty({ example: '1.001193', description: 'National procedure code' })
  procedureCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Thủ tục đăng ký khai sinh' })
  procedureName: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 1, description: 'The process version workflow pinned the dossier to (null until processing started)' })
  processVersion: number | null;
  @ApiProperty({ enum: [1, 2, 3], example: 1, description: 'KenhThucHien: 1 in person, 2 online (National Portal), 3 by public post' })
  channel: number;
  @ApiProperty({ example: '004.01.20.H26' })
  receivingAgencyCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ủy ban nhân dân phường Trúc Bạch' })
  receivingAgencyName: string | null;
  @ApiProperty({ example: 'officer-truc-bach-01', description: 'Đầu mối: the desk officer accountable to the applicant' })
  coordinatorId: string;
  /** The coordinator's full name (null until workflow has named them). */
  @ApiProperty({ type: String, nullable: true, example: 'Trần Văn Bình', description: 'Null until workflow has named them' })
  coordinatorName: string | null;
  @ApiProperty({ type: () => ApplicantView })
  applicant: ApplicantView;
  @ApiProperty({ type: [ReceivedDocumentView] })
  documents: ReceivedDocumentView[];
  @ApiProperty({ enum: ReturnMethod, example: ReturnMethod.Post })
  returnMethod: ReturnMethod;
  /** Where the post delivers the result (a post return only; null otherwise, and on dossiers received before). */
  @ApiNullableProperty(() => PostalAddressView, { description: 'Where the post delivers the result: a post return only, null otherwise' })
  deliveryAddress: PostalAddressView | null;
  /** Channel 3: the waybill of the pick-up order the post collected the dossier under (null when none was given). */
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Channel 3: the waybill of the pick-up order the post collected the dossier under' })
  pickupWaybill: string | null;
  /** Channel 2: the National Portal's reference of the online dossier (MaHoSoQG), null otherwise. */
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Channel 2: MaHoSoQG, the National Portal’s reference' })
  portalReference: string | null;
  /** Channel 2: when the applicant filed it on the portal (NgayNopHoSo), null otherwise. */
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'Channel 2: NgayNopHoSo, when the applicant filed it on the portal',
  })
  filedAt: string | null;
  /** The result's shipment beside the national status: null until the post has it. */
  @ApiNullableProperty(() => PostalStateView, { description: 'Trạng thái bưu chính of the result’s shipment: null until the post has it' })
  postal: PostalStateView | null;
  @ApiProperty({ enum: NATIONAL_STATUSES, example: NationalStatus.Accepted, description: 'TrangThaiHoSo, the national status' })
  nationalStatus: number;
  /** `Đang xử lý`: as the desk and the applicant read it. */
  @ApiProperty({ example: 'Đã tiếp nhận', description: 'As the desk and the applicant read it' })
  nationalStatusName: string;
  /** `InProgress`: stable, for programs. */
  @ApiProperty({ example: 'Accepted', description: 'Stable, for programs' })
  nationalStatusKey: string;
  @ApiNullableProperty(() => CurrentStepView, { description: 'The step under way, null when none is (before processing, at the applicant, closed)' })
  currentStep: CurrentStepView | null;
  /** While the dossier waits for the applicant (status 5): everything asked for, and why. */
  @ApiNullableProperty(() => SupplementRequestView, { description: 'While the dossier waits for the applicant (status 5)' })
  supplementRequest: SupplementRequestView | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:30:00.000+07:00' })
  receivedAt: string;
  /** The appointment on the receipt: hour, minute and date, in Vietnam time. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-08T09:30:00.000+07:00', description: 'Hẹn trả kết quả, current' })
  appointmentAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-08T09:30:00.000+07:00',
    description: 'The appointment printed on the receipt',
  })
  originalAppointmentAt: string | null;
  @ApiProperty({ example: 0, description: 'Extensions with an apology so far' })
  extensionCount: number;
  /** What happened, in the order it happened; each fact with the agency where it happened, where it names one. */
  @ApiPropertyOptional({ type: [DossierStatusChangeView], description: 'What happened, in the order it happened' })
  history?: DossierStatusChangeView[];
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the dossier as received, with the secret printed on the receipt. */
@ApiSchema({ name: 'DossierReceipt', description: 'The receipt: the dossier as received, with the lookup secret printed on it (shown once)' })
export class DossierReceiptView extends DossierView {
  @ApiProperty({
    example: 'q3X9vB7kLm2P',
    description: 'Mã tra cứu: with the dossier code, lets the applicant look the dossier up and supply documents without an account. Shown here only',
  })
  lookupSecret: string;
}

/** The schemas the views reach by `$ref` only (the nullable ones): controllers that answer them name them in `@ApiExtraModels`. */
export const DOSSIER_VIEW_MODELS = [PostalAddressView, PostalStateView, CurrentStepView, SupplementRequestView];

export function toDossierView(
  dossier: Dossier,
  catalogue: CatalogueNames,
  history?: Pick<DossierStatusChange, 'nationalStatus' | 'source' | 'agencyCode' | 'note' | 'occurredAt'>[],
): DossierView {
  const agencyName = (code: string) => catalogue.agency(code)?.name ?? null;
  return {
    code: dossier.code,
    procedureCode: dossier.procedureCode,
    procedureName: catalogue.procedure(dossier.procedureCode)?.name ?? null,
    processVersion: dossier.processVersion,
    channel: dossier.channel,
    receivingAgencyCode: dossier.receivingAgencyCode,
    receivingAgencyName: agencyName(dossier.receivingAgencyCode),
    coordinatorId: dossier.coordinatorId,
    coordinatorName: dossier.coordinatorName ?? null,
    applicant: dossier.applicant,
    documents: dossier.documents,
    returnMethod: dossier.returnMethod,
    deliveryAddress: dossier.deliveryAddress ?? null,
    pickupWaybill: dossier.pickupWaybill ?? null,
    portalReference: dossier.portalReference ?? null,
    filedAt: dossier.filedAt ? toVietnamIso(dossier.filedAt) : null,
    postal: postalView(dossier),
    nationalStatus: dossier.nationalStatus,
    nationalStatusName: nationalStatusName(dossier.nationalStatus),
    nationalStatusKey: nationalStatusKey(dossier.nationalStatus),
    currentStep:
      dossier.currentStep && dossier.currentAgencyCode
        ? { name: dossier.currentStep, agencyCode: dossier.currentAgencyCode, agencyName: agencyName(dossier.currentAgencyCode) }
        : null,
    supplementRequest: dossier.supplementRequest,
    receivedAt: toVietnamIso(dossier.receivedAt),
    appointmentAt: dossier.appointmentAt ? toVietnamIso(dossier.appointmentAt) : null,
    originalAppointmentAt: dossier.originalAppointmentAt ? toVietnamIso(dossier.originalAppointmentAt) : null,
    extensionCount: dossier.extensionCount,
    history: history?.map((change) => ({
      nationalStatus: change.nationalStatus,
      nationalStatusName: nationalStatusName(change.nationalStatus),
      nationalStatusKey: nationalStatusKey(change.nationalStatus),
      source: change.source,
      agencyCode: change.agencyCode ?? null,
      agencyName: change.agencyCode ? agencyName(change.agencyCode) : null,
      note: change.note,
      occurredAt: toVietnamIso(change.occurredAt),
    })),
  };
}

/** The postal state as REST clients see it (the officer's view and the citizen's lookup alike). */
export function postalView(dossier: Pick<Dossier, 'postalWaybill' | 'postalState' | 'postalUpdatedAt'>): PostalStateView | null {
  if (!dossier.postalState || !dossier.postalUpdatedAt) return null;
  return {
    waybill: dossier.postalWaybill ?? null,
    state: dossier.postalState,
    stateName: postalStateName(dossier.postalState),
    updatedAt: toVietnamIso(dossier.postalUpdatedAt),
  };
}
