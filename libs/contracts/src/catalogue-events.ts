import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN } from './dossier-events';

/**
 * The catalogue as workflow owns it and other services replicate it (architecture §2): every change carries the
 * catalogue's revision, a number that grows with each change, so a replica applies an entry only when it is newer
 * than the one it holds and messages may arrive late, twice or out of order.
 */
export class CatalogueArea {
  @IsString()
  @MaxLength(20)
  code: string;

  @IsString()
  name: string;

  @IsString()
  level: string;

  @IsOptional()
  @IsString()
  parentCode: string | null;
}

/** One period of an agency's office day, `HH:MM` in Vietnam time (libs/calendar OfficePeriod). */
export class CatalogueOfficePeriod {
  @Matches(/^\d{2}:\d{2}$/)
  start: string;

  @Matches(/^\d{2}:\d{2}$/)
  end: string;
}

export class CatalogueAgency {
  @Matches(AGENCY_CODE_PATTERN)
  code: string;

  @IsString()
  name: string;

  @IsString()
  kind: string;

  @IsString()
  level: string;

  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  parentCode: string | null;

  @IsString()
  areaCode: string;

  @IsBoolean()
  hasDesk: boolean;

  /** YYYY-MM-DD */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validFrom: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validTo: string | null;

  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  successorCode: string | null;

  /** The agency's own office hours; null or absent: the national default (07:30–11:30, 13:00–17:00). */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CatalogueOfficePeriod)
  officeHours?: CatalogueOfficePeriod[] | null;

  /** The desk's street address, as the post writes it on a waybill (added in a compatible way: absent before). */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  /** The desk's phone, for the postman (added in a compatible way). */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string | null;
}

/** A procedure with what a desk needs to receive it and the process version in force. */
export class CatalogueProcedure {
  @Matches(/^\d+\.\d+$/)
  code: string;

  @IsString()
  name: string;

  @IsString()
  field: string;

  @IsString()
  level: string;

  @IsInt()
  @Min(1)
  legalTimeValue: number;

  @IsIn(['working_hours', 'working_days', 'calendar_days'])
  legalTimeUnit: 'working_hours' | 'working_days' | 'calendar_days';

  @IsOptional()
  @IsString()
  fee: string | null;

  /** The fee as an amount in đồng, when it is one fixed amount (added in a compatible way). */
  @IsOptional()
  @IsInt()
  @Min(0)
  feeAmountVnd?: number | null;

  /** When the fee is paid: at receipt, or when the result is returned (then the post collects it on delivery). */
  @IsOptional()
  @IsIn(['receipt', 'return'])
  feePaidAt?: 'receipt' | 'return' | null;

  @IsInt({ each: true })
  channels: number[];

  @IsBoolean()
  active: boolean;

  /** DeskRule[] (libs/catalogue): which desks may receive it. */
  @IsArray()
  @IsObject({ each: true })
  desks: object[];

  /** ProcedureDocument[]: the dossier's documents, required or not. */
  @IsArray()
  @IsObject({ each: true })
  documents: object[];

  @IsOptional()
  @IsString()
  legalBasis: string | null;

  @IsInt()
  @Min(1)
  processVersion: number;

  /** StepDefinition[] of that version. */
  @IsArray()
  @IsObject({ each: true })
  steps: object[];
}

/** workflow.catalog.snapshot — the whole catalogue at one revision: how a replica is filled or repaired. */
export class CatalogueSnapshot {
  static readonly type = 'workflow.catalog.snapshot';
  static readonly version = 1;

  @IsInt()
  @Min(1)
  revision: number;

  @IsISO8601({ strict: true })
  takenAt: string;

  @ValidateNested({ each: true })
  @Type(() => CatalogueArea)
  areas: CatalogueArea[];

  @ValidateNested({ each: true })
  @Type(() => CatalogueAgency)
  agencies: CatalogueAgency[];

  @ValidateNested({ each: true })
  @Type(() => CatalogueProcedure)
  procedures: CatalogueProcedure[];

  /** The official yearly schedules administrators published (libs/calendar OfficialSchedule); absent before them. */
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  schedules?: object[];
}

/** workflow.catalog.schedule-published — an administrator published a year's official schedule of days off. */
export class CatalogueSchedulePublished {
  static readonly type = 'workflow.catalog.schedule-published';
  static readonly version = 1;

  @IsInt()
  @Min(1)
  revision: number;

  @IsInt()
  @Min(2000)
  year: number;

  /** OfficialSchedule (libs/calendar), as published. */
  @IsObject()
  schedule: object;
}

/** workflow.catalog.agency-changed — an administrator changed an agency (its office hours). */
export class CatalogueAgencyChanged {
  static readonly type = 'workflow.catalog.agency-changed';
  static readonly version = 1;

  @IsInt()
  @Min(1)
  revision: number;

  @ValidateNested()
  @Type(() => CatalogueAgency)
  agency: CatalogueAgency;
}

/** workflow.catalog.procedure-changed — a process version was published, or the procedure deactivated. */
export class CatalogueProcedureChanged {
  static readonly type = 'workflow.catalog.procedure-changed';
  static readonly version = 1;

  @IsInt()
  @Min(1)
  revision: number;

  @ValidateNested()
  @Type(() => CatalogueProcedure)
  procedure: CatalogueProcedure;
}

/**
 * catalog.replica.resync-requested — a service holding a replica asks workflow for a snapshot: on start, and
 * again while its replica is still empty (the first start of a suite, before workflow has ever run).
 */
export class CatalogueResyncRequested {
  static readonly type = 'catalog.replica.resync-requested';
  static readonly version = 1;

  @IsString()
  @MaxLength(50)
  service: string;

  /** The newest revision the replica holds (0 when empty). */
  @IsInt()
  @Min(0)
  revision: number;
}
