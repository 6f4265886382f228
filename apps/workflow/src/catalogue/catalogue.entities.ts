import type { OfficePeriod } from '@motcua/calendar';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeskRule, ProcedureDocument, StepDefinition } from '@motcua/catalogue';

/** Địa bàn hành chính: an area with its official statistics-office code. */
@Entity({ name: 'administrative_area' })
export class AdministrativeArea {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  level: string;

  @Column({ type: 'text', nullable: true })
  parentCode: string | null;
}

/** Cơ quan/đơn vị: a unit that receives or processes dossiers. Levels are data, not code. */
@Entity({ name: 'agency' })
export class Agency {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  /** What the unit is (people_committee, justice_division, department_transport…): step rules name it. */
  @Column('text')
  kind: string;

  @Column('text')
  level: string;

  @Column({ type: 'text', nullable: true })
  parentCode: string | null;

  @Column('text')
  areaCode: string;

  @Column('boolean')
  hasDesk: boolean;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', nullable: true })
  successorCode: string | null;

  /** The agency's own office hours (`[{ start: 'HH:MM', end: 'HH:MM' }, …]`); null: the national default. */
  @Column({ type: 'jsonb', nullable: true })
  officeHours: OfficePeriod[] | null;

  /** The desk's street address, as the post writes it on a waybill; null where the catalogue has none. */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** The desk's phone, for the postman. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;
}

/** Thủ tục hành chính from the national catalogue. */
@Entity({ name: 'procedure' })
export class Procedure {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  field: string;

  @Column('text')
  level: string;

  @Column('integer')
  legalTimeValue: number;

  @Column('text')
  legalTimeUnit: string;

  @Column({ type: 'text', nullable: true })
  fee: string | null;

  /** The fee in đồng when it is one fixed amount; null otherwise (free, by the page, by a council's resolution). */
  @Column({ type: 'integer', nullable: true })
  feeAmountVnd: number | null;

  /** When the fee is paid: at receipt, or at return (the postman collects it on delivery of a result sent by post). */
  @Column({ type: 'text', nullable: true })
  feePaidAt: 'receipt' | 'return' | null;

  @Column({ type: 'smallint', array: true })
  channels: number[];

  @Column('boolean')
  active: boolean;

  @Column('jsonb')
  desks: DeskRule[];

  @Column('jsonb')
  documents: ProcedureDocument[];

  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;

  /** What in this entry is not verified against an official source. */
  @Column({ type: 'text', array: true })
  unverified: string[];

  /** From when no dossier of it is received: those received before are still routed. */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}

/** A published process: dossiers are pinned to the version in force when they were received. */
@Entity({ name: 'process_version' })
export class ProcessVersion {
  @PrimaryColumn('text')
  procedureCode: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('timestamptz')
  publishedAt: Date;

  @Column('jsonb')
  steps: StepDefinition[];
}

/** Cán bộ, công chức: an officer, identified by the token subject. */
@Entity({ name: 'officer' })
export class Officer {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  fullName: string;

  @Column('text')
  status: 'active' | 'on_leave';
}

/** One role of an officer at one agency. */
@Entity({ name: 'officer_role' })
export class OfficerRole {
  @PrimaryColumn('text')
  officerId: string;

  @PrimaryColumn('text')
  agencyCode: string;

  @PrimaryColumn('text')
  role: string;
}
