import type { CaseRecord } from '../cases/case';

/** A step's task as its store reads it: one owner at a time, a version for compare-and-set, the step's deadline. */
export interface TaskRecord {
  readonly id: string;
  readonly caseId: string;
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly stepNumber: number;
  readonly stepName: string;
  readonly agencyCode: string;
  /** The role the step asks of its owner. */
  readonly role: string;
  readonly ownerId: string | null;
  /** When the owner took it (null while it waits in the queue). */
  readonly ownedAt: Date | null;
  readonly status: 'open' | 'done';
  readonly version: number;
  /** The dossier's national status while this task is open. */
  readonly nationalStatus: number;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
  /** The step's deadline: its budget in working hours from the hand-over. */
  readonly dueAt: Date | null;
  readonly outcome: string | null;
}

/** A task with its case, as a command reads them (in one row) and decides on them. */
export type TaskInCase = TaskRecord & CaseRecord;

/** What a command decided on, for the compare-and-set of its statement. */
export interface Expected {
  readonly taskVersion: number;
  readonly caseVersion: number;
  readonly caseSequence: number;
}

/** What changing a task's owner needs to know of it and its case. */
export type OwnedTask = Pick<TaskInCase, 'id' | 'caseId' | 'dossierCode' | 'agencyCode' | 'role' | 'stepNumber' | 'nationalStatus' | 'coordinatorId'>;
