import { Type } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NationalStatus, ReturnMethod, SubmissionChannel } from './national-status';

/** Agency electronic identifier (QCVN 102:2016): opaque, ≤ 35 characters of digits, A–Z and dots. */
export const AGENCY_CODE_PATTERN = /^[0-9A-Z.]{1,35}$/;
/** Mã hồ sơ: `<agency code>-<YYMMDD>-<NNNN>` (Circular 01/2018 Art. 19). */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]{1,35}-\d{6}-[0-9A-Z]{4,}$/;

/**
 * What every dossier event carries, so any consumer can place it: the dossier code, the national status after
 * the event, and the producer's per-dossier sequence number (1, 2, 3… within one producer's stream) so a
 * consumer can ignore an update older than one it already applied.
 */
export abstract class DossierEvent {
  @Matches(DOSSIER_CODE_PATTERN)
  dossierCode: string;

  @IsEnum(NationalStatus)
  nationalStatus: NationalStatus;

  @IsInt()
  @IsPositive()
  sequence: number;

  @IsISO8601({ strict: true })
  occurredAt: string;
}

export class Applicant {
  /** ChuHoSo */
  @IsString()
  @MaxLength(200)
  fullName: string;

  /** Số định danh cá nhân (12-digit citizen id) or a business's tax code. */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  idNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  /** Official statistics-office code of the applicant's ward/commune: routing uses it. */
  @IsString()
  @Matches(/^\d{5}$/)
  wardCode: string;
}

/** A Vietnamese phone number as the post needs it to reach the receiver: 0 or +84, then 9 or 10 digits. */
export const PHONE_PATTERN = /^(0|\+84)\d{9,10}$/;

/**
 * Where the post delivers the result or collects the dossier (Decision 45/2016): the person who receives it, a
 * phone the postman calls, the street address (house number, street, hamlet) and the ward's statistics-office
 * code, from which the district and the province follow.
 */
export class PostalAddress {
  @IsString()
  @MaxLength(200)
  recipient: string;

  @Matches(PHONE_PATTERN)
  phone: string;

  @IsString()
  @MaxLength(300)
  street: string;

  @Matches(/^\d{5}$/)
  wardCode: string;
}

/** One document the applicant is asked for, or supplies: its code in the procedure's catalogue entry, when matched, and its name. */
export class DocumentItem {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  code?: string;

  @IsString()
  @MaxLength(300)
  name: string;
}

/** A document the desk received with the dossier, as the receipt lists it. */
export class ReceivedDocument extends DocumentItem {
  @IsOptional()
  @IsInt()
  @Min(1)
  copies?: number;
}

/** intake.dossier.accepted — the desk accepted a complete dossier: it has its code and is handed to processing. */
export class DossierAccepted extends DossierEvent {
  static readonly type = 'intake.dossier.accepted';
  static readonly version = 1;

  @IsString()
  @Matches(/^\d+\.\d+$/)
  procedureCode: string;

  @IsEnum(SubmissionChannel)
  channel: SubmissionChannel;

  /** The desk that formally received the dossier (may differ from the competent agency). */
  @Matches(AGENCY_CODE_PATTERN)
  receivingAgencyCode: string;

  /** Officer id of the desk officer who accepted it: the coordinator, accountable end to end. */
  @IsString()
  @MaxLength(100)
  coordinatorId: string;

  @ValidateNested()
  @Type(() => Applicant)
  applicant: Applicant;

  @IsEnum(ReturnMethod)
  returnMethod: ReturnMethod;

  @IsISO8601({ strict: true })
  receivedAt: string;

  /** The appointment printed on the receipt (added in a compatible way: absent from earlier events). */
  @IsOptional()
  @IsISO8601({ strict: true })
  appointmentAt?: string;

  /** The procedure's name, beside its code (added in a compatible way, like the other names: absent from earlier events). */
  @IsOptional()
  @IsString()
  procedureName?: string;

  /** The receiving agency's name, beside its code. */
  @IsOptional()
  @IsString()
  receivingAgencyName?: string;

  /** The documents received, as the receipt lists them (added in a compatible way: absent from earlier events). */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ReceivedDocument)
  documents?: ReceivedDocument[];

  /** Where the post delivers the result: present exactly when `returnMethod` is post (added in a compatible way). */
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddress)
  deliveryAddress?: PostalAddress;

  /** A dossier the post collected (channel 3): the pick-up order's waybill, so the pick-up is closed (added in a compatible way). */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  pickupWaybill?: string;

  /** An online dossier (channel 2): the National Portal's own reference of it, MaHoSoQG (added in a compatible way). */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  portalReference?: string;

  /** When the applicant filed it (NgayNopHoSo): an online dossier's filing on the portal; absent: `receivedAt` (added in a compatible way). */
  @IsOptional()
  @IsISO8601({ strict: true })
  filedAt?: string;
}

/** A document of an online dossier, as the portal holds it: a link and the SHA-256 of its bytes, never the bytes. */
export class OnlineDocument extends DocumentItem {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url: string;

  @Matches(/^[0-9a-f]{64}$/)
  checksum: string;
}

/**
 * What every event of an online submission carries before it is a dossier (it has no code yet): intake's id of it,
 * the portal's reference, the desk it was filed to, and a per-submission sequence.
 */
export abstract class SubmissionEvent {
  @IsUUID()
  submissionId: string;

  @IsString()
  @MaxLength(60)
  portalReference: string;

  @Matches(AGENCY_CODE_PATTERN)
  receivingAgencyCode: string;

  @IsString()
  @Matches(/^\d+\.\d+$/)
  procedureCode: string;

  @IsEnum(NationalStatus)
  nationalStatus: NationalStatus;

  @IsInt()
  @IsPositive()
  sequence: number;

  @IsISO8601({ strict: true })
  occurredAt: string;
}

/**
 * intake.submission.filed — an online dossier filed on the National Portal reached its desk: newly filed (1), to be
 * checked by the desk. Filed outside office hours, the desk's time counts from the next opening (`countsFrom`); the
 * desk accepts or refuses it by the end of the next working day (`decideBy`).
 */
export class SubmissionFiled extends SubmissionEvent {
  static readonly type = 'intake.submission.filed';
  static readonly version = 1;

  @ValidateNested()
  @Type(() => Applicant)
  applicant: Applicant;

  @ValidateNested({ each: true })
  @Type(() => OnlineDocument)
  documents: OnlineDocument[];

  @IsEnum(ReturnMethod)
  returnMethod: ReturnMethod;

  @IsISO8601({ strict: true })
  filedAt: string;

  @IsISO8601({ strict: true })
  countsFrom: string;

  @IsISO8601({ strict: true })
  decideBy: string;
}

/**
 * intake.submission.refused — the desk refused an online submission (3): not admissible (`refused`), or incomplete,
 * the applicant asked to complete it and file again (`incomplete`, with everything missing at once).
 */
export class SubmissionRefused extends SubmissionEvent {
  static readonly type = 'intake.submission.refused';
  static readonly version = 1;

  @IsIn(['refused', 'incomplete'])
  outcome: 'refused' | 'incomplete';

  @IsString()
  @MaxLength(2000)
  reason: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DocumentItem)
  missing?: DocumentItem[];

  @IsString()
  @MaxLength(100)
  actorId: string;

  @IsISO8601({ strict: true })
  filedAt: string;
}

/** workflow.task.created — a step's task waits in an agency's queue for its one owner. */
export class TaskCreated extends DossierEvent {
  static readonly type = 'workflow.task.created';
  static readonly version = 1;

  @IsUUID()
  taskId: string;

  @IsUUID()
  caseId: string;

  @IsInt()
  @Min(1)
  stepNumber: number;

  @IsString()
  @MaxLength(200)
  stepName: string;

  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  @IsString()
  role: string;

  /** The process version the case is pinned to. */
  @IsInt()
  @Min(1)
  processVersion: number;

  /** The dossier's coordinator (added in a compatible way: absent from events of the first version). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  coordinatorId?: string;

  /**
   * On the task of the step that resumes after the applicant's supplement: the round of the request answered
   * (1 for the first). Absent on every other task, and from earlier events (added in a compatible way).
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  resumedAfterSupplementRound?: number;

  /**
   * On the resumed step's task: the appointment as it stands once the pause has moved it — the one to tell the
   * applicant, whatever order a consumer sees the pause's appointment change in (added in a compatible way).
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  appointmentAt?: string;

  /** The agency's name, beside its code (added in a compatible way, like the other names). */
  @IsOptional()
  @IsString()
  agencyName?: string;

  /** The coordinator's full name. */
  @IsOptional()
  @IsString()
  coordinatorName?: string;
}
