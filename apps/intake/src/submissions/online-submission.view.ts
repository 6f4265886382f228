import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import { type Applicant, type DocumentItem, NationalStatus, type OnlineDocument, type PostalAddress, nationalStatusName } from '@motcua/contracts';
import type { OnlineSubmissionRecord, SubmissionState } from './online-submission';

const NATIONAL_STATUS: Record<SubmissionState, NationalStatus> = {
  new: NationalStatus.NewlyFiled,
  accepted: NationalStatus.Accepted,
  refused: NationalStatus.RefusedAtReceipt,
};

/** An online submission as the portal adapter and the desk read it: times in Vietnam with their offset. */
export class OnlineSubmissionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'G22.99-261207-000123', description: 'MaHoSoQG' }) portalReference: string;
  @ApiProperty({ example: '1.001193' }) procedureCode: string;
  @ApiProperty({ nullable: true, type: String }) procedureName: string | null;
  @ApiProperty({ example: '004.01.20.H26' }) receivingAgencyCode: string;
  @ApiProperty({ nullable: true, type: String }) receivingAgencyName: string | null;
  @ApiProperty() applicant: Applicant;
  @ApiProperty() documents: OnlineDocument[];
  @ApiProperty() returnMethod: string;
  @ApiProperty({ nullable: true }) deliveryAddress: PostalAddress | null;
  @ApiProperty({ enum: ['new', 'accepted', 'refused'] }) state: SubmissionState;
  @ApiProperty({ enum: [1, 2, 3] }) nationalStatus: number;
  @ApiProperty({ example: 'Mới đăng ký' }) nationalStatusName: string;
  @ApiProperty({ description: 'NgayNopHoSo' }) filedAt: string;
  @ApiProperty({ description: 'When the desk’s time started: the filing in office hours, else the next opening' }) countsFrom: string;
  @ApiProperty({ description: 'The end of the next working day: the desk accepts or refuses by then' }) decideBy: string;
  @ApiProperty({ nullable: true, type: String, description: 'Accepted: the dossier it became' }) dossierCode: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['refused', 'incomplete'] }) outcome: 'refused' | 'incomplete' | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true }) missing: DocumentItem[] | null;
  @ApiProperty() createdAt: string;
}

export class OnlineSubmissionPage {
  @ApiProperty({ type: [OnlineSubmissionView] }) items: OnlineSubmissionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
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
