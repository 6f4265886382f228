import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import {
  type Applicant,
  type DocumentItem,
  NationalStatus,
  type OnlineDocument,
  type PostalAddress,
  ReturnMethod,
  nationalStatusName,
} from '@motcua/contracts';
import { ApiNullableProperty } from '@motcua/http';
import { ApplicantView, DocumentItemView, DossierReceiptView, PostalAddressView } from '../dossiers/dossier.view';
import { SUBMISSION_STATES, type OnlineSubmissionRecord, type SubmissionState } from './online-submission';

const NATIONAL_STATUS: Record<SubmissionState, NationalStatus> = {
  new: NationalStatus.NewlyFiled,
  accepted: NationalStatus.Accepted,
  refused: NationalStatus.RefusedAtReceipt,
};

/** A document of an online dossier, as the portal holds it: a link and the SHA-256 of its bytes, never the bytes. */
@ApiSchema({ name: 'OnlineDocument' })
export class OnlineDocumentView {
  @ApiPropertyOptional({ example: 'TK-KS', description: 'MaThanhPhanHoSo, when the portal has it' })
  code?: string;
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  name: string;
  @ApiProperty({ example: 'https://dichvucong.gov.vn/files/G22.99-261207-000123/tk-ks.pdf', description: 'DuongDan' })
  url: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'MaKiemTra: SHA-256, lowercase hex' })
  checksum: string;
}

/** An online submission as the portal adapter and the desk read it: times in Vietnam with their offset. */
@ApiSchema({ name: 'OnlineSubmission', description: 'Hồ sơ nộp trực tuyến: an online dossier filed with its desk from the National Portal' })
export class OnlineSubmissionView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'G22.99-261207-000123', description: 'MaHoSoQG: the portal’s own reference' })
  portalReference: string;
  @ApiProperty({ example: '1.001193' })
  procedureCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Thủ tục đăng ký khai sinh' })
  procedureName: string | null;
  @ApiProperty({ example: '004.01.20.H26' })
  receivingAgencyCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ủy ban nhân dân phường Trúc Bạch' })
  receivingAgencyName: string | null;
  @ApiProperty({ type: () => ApplicantView })
  applicant: Applicant;
  @ApiProperty({ type: [OnlineDocumentView] })
  documents: OnlineDocument[];
  @ApiProperty({ enum: ReturnMethod, example: ReturnMethod.Electronic })
  returnMethod: ReturnMethod;
  @ApiNullableProperty(() => PostalAddressView, { description: 'Where the post delivers the result: a post return only, null otherwise' })
  deliveryAddress: PostalAddress | null;
  @ApiProperty({ enum: SUBMISSION_STATES, example: 'new', description: 'new: waiting for the desk; accepted: a dossier now; refused' })
  state: SubmissionState;
  @ApiProperty({ enum: [NationalStatus.NewlyFiled, NationalStatus.Accepted, NationalStatus.RefusedAtReceipt], example: NationalStatus.NewlyFiled })
  nationalStatus: number;
  @ApiProperty({ example: 'Mới đăng ký' })
  nationalStatusName: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-04T18:00:00.000+07:00', description: 'NgayNopHoSo' })
  filedAt: string;
  @ApiProperty({
    format: 'date-time',
    example: '2026-12-07T07:30:00.000+07:00',
    description: 'When the desk’s time started: the filing in office hours, else the next opening',
  })
  countsFrom: string;
  @ApiProperty({
    format: 'date-time',
    example: '2026-12-08T17:00:00.000+07:00',
    description: 'The end of the next working day: the desk accepts or refuses by then',
  })
  decideBy: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Accepted: the dossier it became' })
  dossierCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The officer who accepted or refused it' })
  decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  decidedAt: string | null;
  @ApiProperty({ enum: ['refused', 'incomplete', null], nullable: true, example: null, description: 'Refused: not admissible, or incomplete' })
  outcome: 'refused' | 'incomplete' | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Refused: why' })
  reason: string | null;
  @ApiProperty({ type: [DocumentItemView], nullable: true, example: null, description: 'Refused as incomplete: everything missing' })
  missing: DocumentItem[] | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-04T18:00:05.000+07:00' })
  createdAt: string;
}

@ApiSchema({ name: 'OnlineSubmissionPage', description: 'A page of online submissions, newest first' })
export class OnlineSubmissionPage {
  @ApiProperty({ type: [OnlineSubmissionView] })
  items: OnlineSubmissionView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last one' })
  nextCursor: string | null;
}

/** An online submission accepted: the submission, decided, and the receipt of the dossier it became. */
@ApiSchema({ name: 'AcceptedOnlineSubmission' })
export class AcceptedSubmission {
  @ApiProperty({ type: () => OnlineSubmissionView, description: 'The submission, now accepted, with the dossier code' })
  submission: OnlineSubmissionView;
  /** The receipt of the dossier it became (channel 2), as the desk's own receipt answers it. */
  @ApiProperty({ type: () => DossierReceiptView, description: 'The receipt of the dossier it became (channel 2), with its lookup secret' })
  dossier: DossierReceiptView;
}

/** Where the view finds the names beside the codes: intake's catalogue replica. */
export interface CatalogueNames {
  procedure(code: string): { readonly name: string } | undefined;
  agency(code: string): { readonly name: string } | undefined;
}

export function toOnlineSubmissionView(s: OnlineSubmissionRecord, catalogue: CatalogueNames): OnlineSubmissionView {
  const nationalStatus = NATIONAL_STATUS[s.state];
  return {
    id: s.id,
    portalReference: s.portalReference,
    procedureCode: s.procedureCode,
    procedureName: catalogue.procedure(s.procedureCode)?.name ?? null,
    receivingAgencyCode: s.receivingAgencyCode,
    receivingAgencyName: catalogue.agency(s.receivingAgencyCode)?.name ?? null,
    applicant: s.applicant,
    documents: s.documents,
    returnMethod: s.returnMethod,
    deliveryAddress: s.deliveryAddress,
    state: s.state,
    nationalStatus,
    nationalStatusName: nationalStatusName(nationalStatus),
    filedAt: toVietnamIso(s.filedAt),
    countsFrom: toVietnamIso(s.countsFrom),
    decideBy: toVietnamIso(s.decideBy),
    dossierCode: s.dossierCode,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt ? toVietnamIso(s.decidedAt) : null,
    outcome: s.outcome,
    reason: s.reason,
    missing: s.missing,
    createdAt: toVietnamIso(s.createdAt),
  };
}
