import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { Applicant, NationalStatus, PostalAddress, ReturnMethod, SubmissionChannel } from '@motcua/contracts';
import { DossierStatusChange } from './dossier-status-change.entity';

export interface SupplementRequest {
  round: number;
  reason: string;
  missing: { code?: string; name: string }[];
  stepNumber: number;
  agencyCode: string;
  requestedAt: string;
}

/** Hồ sơ: the public record of one dossier, as the applicant and the National Portal see it. */
@Entity({ name: 'dossier' })
export class Dossier {
  @PrimaryColumn('uuid')
  id: string;

  /** Mã hồ sơ, unique nationwide. */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  procedureCode: string;

  /** The process version workflow pinned the dossier to (known once processing has started). */
  @Column({ type: 'integer', nullable: true })
  processVersion: number | null;

  @Column({ type: 'smallint' })
  channel: SubmissionChannel;

  /** The desk that formally received the dossier. */
  @Column({ type: 'text' })
  receivingAgencyCode: string;

  /** Đầu mối: the desk officer accountable to the applicant from receipt to return. */
  @Column({ type: 'text' })
  coordinatorId: string;

  /** The coordinator's full name, as workflow's events name them (null until one does). */
  @Column({ type: 'text', nullable: true })
  coordinatorName: string | null;

  @Column({ type: 'jsonb' })
  applicant: Applicant;

  @Column({ type: 'jsonb' })
  documents: { name: string; code?: string; copies?: number }[];

  @Column({ type: 'text' })
  returnMethod: ReturnMethod;

  /** Where the post delivers the result: present exactly when it is returned by post (null on dossiers received before). */
  @Column({ type: 'jsonb', nullable: true })
  deliveryAddress: PostalAddress | null;

  /** A dossier the post brought (channel 3): the waybill of the pick-up order it was collected under, when given. */
  @Column({ type: 'text', nullable: true })
  pickupWaybill: string | null;

  /** An online dossier (channel 2): the National Portal's own reference of it (MaHoSoQG). */
  @Column({ type: 'text', nullable: true })
  portalReference: string | null;

  /** An online dossier: when the applicant filed it on the portal (NgayNopHoSo); the receipt is `receivedAt`. */
  @Column({ type: 'timestamptz', nullable: true })
  filedAt: Date | null;

  /** The result's shipment (trạng thái bưu chính): beside the national status, never setting it. Null until the post has it. */
  @Column({ type: 'uuid', nullable: true })
  postalShipmentId: string | null;

  @Column({ type: 'text', nullable: true })
  postalWaybill: string | null;

  @Column({ type: 'text', nullable: true })
  postalState: string | null;

  /** The shipment's highest sequence applied: an older or repeated postal event is ignored. */
  @Column({ type: 'integer', default: 0 })
  postalSequence: number;

  /** When the postal state last changed, by the carrier's clock. */
  @Column({ type: 'timestamptz', nullable: true })
  postalUpdatedAt: Date | null;

  @Column({ type: 'smallint' })
  nationalStatus: NationalStatus;

  /** Local sub-state beside the national code: the step under way and the agency whose queue holds it. */
  @Column({ type: 'text', nullable: true })
  currentStep: string | null;

  @Column({ type: 'text', nullable: true })
  currentAgencyCode: string | null;

  /** Highest workflow event sequence applied: older or repeated updates are ignored. */
  @Column({ type: 'integer', default: 0 })
  workflowSequence: number;

  /** Intake's own per-dossier event sequence (the `sequence` of the events it publishes). */
  @Column({ type: 'integer', default: 0 })
  eventSequence: number;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  /** Hẹn trả kết quả: from the procedure's legal time, in working time from the receipt (null before the calendar). */
  @Column({ type: 'timestamptz', nullable: true })
  appointmentAt: Date | null;

  /** The appointment first printed on the receipt, kept when pauses or extensions move the current one. */
  @Column({ type: 'timestamptz', nullable: true })
  originalAppointmentAt: Date | null;

  /** Extensions with an apology so far: a second one is flagged. */
  @Column({ type: 'integer', default: 0 })
  extensionCount: number;

  /** SHA-256 of the lookup secret printed on the receipt (the secret itself is never stored). */
  @Column({ type: 'text', nullable: true, select: false })
  lookupSecretHash?: string | null;

  /** While the dossier waits for a supplement (status 5): what was asked, why, by whom. */
  @Column({ type: 'jsonb', nullable: true })
  supplementRequest: SupplementRequest | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => DossierStatusChange, (change) => change.dossier)
  history?: DossierStatusChange[];
}
