import { Injectable } from '@nestjs/common';
import type { StepDefinition } from '@motcua/catalogue';
import { LRUCache } from 'lru-cache';
import type { Officer } from './task-rules';

/** A task and its case as a command decides on them: read before it, or as the statement of the one before returned them. */
export interface TaskInCase {
  id: string;
  caseId: string;
  dossierCode: string;
  procedureCode: string;
  stepNumber: number;
  stepName: string;
  agencyCode: string;
  role: string;
  ownerId: string | null;
  status: 'open' | 'done';
  version: number;
  nationalStatus: number;
  processVersion: number;
  receivingAgencyCode: string;
  applicantAreaCode: string;
  coordinatorId: string;
  receivedAt: Date;
  signedStep: number | null;
  eventSequence: number;
  caseVersion: number;
  appointmentAt: Date | null;
  originalAppointmentAt: Date | null;
  extensionCount: number;
  supplementRounds: number;
}

/** The columns of `TaskInCase` that are the task's, from `task` under the name `t`: for a SELECT, and for a RETURNING of a new task. */
export const taskColumns = (t: string) =>
  `${t}.id, ${t}.case_id AS "caseId", ${t}.dossier_code AS "dossierCode", ${t}.procedure_code AS "procedureCode",
   ${t}.step_number AS "stepNumber", ${t}.step_name AS "stepName", ${t}.agency_code AS "agencyCode", ${t}.role,
   ${t}.owner_id AS "ownerId", ${t}.status, ${t}.version, ${t}.national_status AS "nationalStatus"`;

/** The columns of `TaskInCase` that are the case's, from `dossier_case` under the name `c`. */
export const caseColumns = (c: string) =>
  `${c}.process_version AS "processVersion", ${c}.receiving_agency_code AS "receivingAgencyCode",
   ${c}.applicant_area_code AS "applicantAreaCode", ${c}.coordinator_id AS "coordinatorId", ${c}.received_at AS "receivedAt",
   ${c}.signed_step AS "signedStep", ${c}.event_sequence AS "eventSequence", ${c}.version AS "caseVersion",
   ${c}.appointment_at AS "appointmentAt", ${c}.original_appointment_at AS "originalAppointmentAt", ${c}.extension_count AS "extensionCount",
   ${c}.supplement_rounds AS "supplementRounds"`;

/**
 * What a task command's statement changes of a task's case that `TaskInCase` holds, from `dossier_case` as `c`:
 * returned by the statement. The rest is as the command read it, which its compare-and-set made sure of.
 */
export const changedCaseColumns = (c: string) =>
  `${c}.event_sequence AS "eventSequence", ${c}.version AS "caseVersion", ${c}.signed_step AS "signedStep", ${c}.supplement_rounds AS "supplementRounds"`;

/** What a command's statement returns of what it changed: the case's `changedCaseColumns`, and the task's when it changed. */
export type ChangedCase = Pick<TaskInCase, 'eventSequence' | 'caseVersion' | 'signedStep' | 'supplementRounds'>;

/** A task as this process last wrote it, with its process's steps and the officers the command that wrote it read. */
export interface RecentTask extends TaskInCase {
  readonly steps: readonly StepDefinition[];
  readonly officers: readonly Officer[];
}

/** How many tasks this process remembers: about 2 kB each (measured with a bench-like task), some 20 MB at most. */
const REMEMBERED = 10_000;

/**
 * The open tasks this process last wrote, each as the command read it with what its statement returned of what it
 * changed (never computed here), so
 * that the owner's next action on one (a forward after the claim, an action on a task it opened) can decide on it
 * without reading it first: one round trip instead of two. Safe because a task command's statement is a
 * compare-and-set on the task's version and its case's version and sequence, which every writer of a task or a
 * case moves (ADR 003): when another process, the deadline watch or a withdrawal changed either since, the statement
 * writes nothing and the command reads the task and decides again. A refusal decided on a remembered task is never
 * answered: the command reads the task and decides again. Only actions whose rules ask who the caller is (the
 * owner), not what roles they hold, decide on a remembered task. Per process, bounded, least recently used out.
 */
@Injectable()
export class RecentTasks {
  private readonly tasks = new LRUCache<string, RecentTask>({ max: REMEMBERED });

  get(taskId: string): RecentTask | undefined {
    return this.tasks.get(taskId);
  }

  /** Remembers the open task as a committed statement returned it; a done task is forgotten. */
  remember(task: RecentTask): void {
    if (task.status === 'open') this.tasks.set(task.id, task);
    else this.tasks.delete(task.id);
  }

  forget(taskId: string): void {
    this.tasks.delete(taskId);
  }
}
