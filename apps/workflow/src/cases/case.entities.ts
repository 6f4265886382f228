import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type CaseStatus = 'in_progress' | 'awaiting_supplement' | 'closed';

/** One dossier's processing, pinned to the process version in force at receipt. */
@Entity({ name: 'dossier_case' })
export class Case {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  dossierCode: string;

  @Column('text')
  procedureCode: string;

  @Column('integer')
  processVersion: number;

  @Column('text')
  receivingAgencyCode: string;

  @Column('text')
  applicantAreaCode: string;

  /** Đầu mối xuyên suốt: the desk officer who accepted the dossier answers to the applicant until its return. */
  @Column('text')
  coordinatorId: string;

  @Column('integer')
  currentStep: number;

  @Column('text')
  status: CaseStatus;

  /** Workflow's per-dossier event sequence: the `sequence` of the last dossier event it published. */
  @Column('integer')
  eventSequence: number;

  @Column('timestamptz')
  receivedAt: Date;

  @Column('timestamptz')
  openedAt: Date;

  @Column('integer')
  version: number;

  /** The step whose owner signed the result: from then on the dossier is processed (9) until it is returned. */
  @Column({ type: 'integer', nullable: true })
  signedStep: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** returned, processed, stopped or withdrawn, once closed. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  /** The appointment printed on the receipt. */
  @Column({ type: 'timestamptz', nullable: true })
  appointmentAt: Date | null;

  /** Supplement requests so far: more than one counts against the on-time score. */
  @Column('integer')
  supplementRounds: number;
}

export type TaskStatus = 'open' | 'done';

/**
 * One step of one case. One task, one owner: at most one open task per case (a partial unique index), and an
 * open task is either in its agency's queue (no owner) or owned by exactly one officer.
 */
@Entity({ name: 'task' })
export class Task {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('text')
  dossierCode: string;

  @Column('text')
  procedureCode: string;

  @Column('integer')
  stepNumber: number;

  @Column('text')
  stepName: string;

  @Column('text')
  agencyCode: string;

  @Column('text')
  role: string;

  @Column({ type: 'text', nullable: true })
  ownerId: string | null;

  @Column('text')
  status: TaskStatus;

  @Column('timestamptz')
  createdAt: Date;

  @Column('integer')
  version: number;

  /** The dossier's national status while this task is open. */
  @Column('smallint')
  nationalStatus: number;

  /** Who handed the dossier over to this step (the owner who completed the step before; null for the first). */
  @Column({ type: 'text', nullable: true })
  givenBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  ownedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  completedBy: string | null;

  /** The action that completed it. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The step's deadline: its budget in working hours from its hand-over. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;
}

/** Append-only log of what happened to tasks: the process-control slip is derived from it. */
@Entity({ name: 'task_event' })
export class TaskEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  taskId: string;

  @Column('uuid')
  caseId: string;

  @Column('text')
  kind: string;

  @Column({ type: 'text', nullable: true })
  actorId: string | null;

  @Column('timestamptz')
  at: Date;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}
