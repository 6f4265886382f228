import { Injectable } from '@nestjs/common';
import type { EndedTask } from '@motcua/contracts';
import { type Transaction, outboxInsert } from '@motcua/messaging';
import { queryPrepared } from '@motcua/persistence';
import { CASE_COLUMNS } from '../cases/case.store';
import type { Expected, TaskInCase } from './task';
import type { Officer } from './task-rules';

/** A task's columns (`t`) named as `TaskRecord` names them. */
export const TASK_COLUMNS = `t.id, t.case_id AS "caseId", t.dossier_code AS "dossierCode", t.procedure_code AS "procedureCode",
  t.step_number AS "stepNumber", t.step_name AS "stepName", t.agency_code AS "agencyCode", t.role, t.owner_id AS "ownerId",
  t.owned_at AS "ownedAt", t.status, t.version, t.national_status AS "nationalStatus", t.created_at AS "createdAt",
  t.completed_at AS "completedAt", t.due_at AS "dueAt", t.outcome`;

/** Whether a path's id can name a task at all (a uuid): anything else is a 404 without asking the database. */
export const isTaskId = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** A task's deadline as the deadline watch tells of it. */
export interface DueTask {
  readonly taskId: string;
  readonly dossierCode: string;
  readonly agencyCode: string;
  readonly deadline: Date;
  readonly ownerId: string | null;
  readonly nationalStatus: number;
  readonly sequence: number;
  readonly coordinatorId: string;
  /** The agency's active leaders, to whom an overdue task is escalated. */
  readonly leaders: string[];
}

/** The column marking that the watch told of a deadline. */
export const toldColumn = (what: 'overdue' | 'due_soon') => (what === 'overdue' ? 'overdue_told_at' : 'due_soon_told_at');

/**
 * CTE `due`: at most `$3` rows of `from` (a table and its alias) whose `deadline` is past (overdue: ≤ `$2`, which is
 * then now) or within the window (due soon: `$1` < it ≤ `$2`), `running`, and not yet told; row-locked, skipping
 * rows another sweep holds.
 */
export function dueNotTold(what: 'overdue' | 'due_soon', from: string, deadline: string, running: string): string {
  const alias = from.split(' ')[1];
  const window = what === 'overdue' ? `${deadline} <= $2` : `${deadline} > $1 AND ${deadline} <= $2`;
  return `due AS (
         SELECT ${alias}.id FROM ${from}
          WHERE ${running} AND ${alias}.overdue_told_at IS NULL AND ${alias}.${toldColumn(what)} IS NULL AND ${window}
          ORDER BY ${deadline} LIMIT $3 FOR UPDATE SKIP LOCKED)`;
}

/** How a task is completed by its owner's action, and what the case does next. */
export interface Completion {
  readonly action: string;
  readonly note: string | null;
  readonly actorId: string;
  readonly at: Date;
  /** The case's sequence after it (the completion's events and the next task's). */
  readonly sequence: number;
  readonly caseStatus: 'in_progress' | 'awaiting_supplement' | 'closed';
  readonly currentStep: number | null;
  /** The step whose result is signed by it, when it is the signing. */
  readonly signedStep: number | null;
  readonly moved: boolean;
  readonly outcome: string | null;
  readonly asksForSupplement: boolean;
  /** The end of processing (the result issued), which the on-time statistics compare with the appointment. */
  readonly processed: boolean;
  /** The next step's task, prepared (`insertCtes`), with its automatic owner. */
  readonly next: { readonly row: string; readonly ownerId: string | null } | null;
}

/**
 * The task aggregate's tables (`task`, `task_event`): every statement that reads or writes them for a command, and
 * the fragments a command's single statement is made of (ADR 003: the task, its event, the case moved on and the
 * outbox rows, in one statement that holds only if the task and its case are still as read). Each statement is a
 * named prepared one (docs/adr/010-data-access.md); the outbox rows are the events published on `tx` so far.
 */
@Injectable()
export class TaskStore {
  /**
   * The task and its case, with the two officers a command may name (the caller, and whom they assign): their
   * status and roles at the task's agency; one round trip. Two scalar parameters rather than an array, so
   * PostgreSQL keeps one generic plan for it instead of planning it on every call (a third of its CPU).
   */
  async forCommand(tx: Transaction, taskId: string, callerId: string, assigneeId: string | null): Promise<(TaskInCase & { officers: Officer[] }) | undefined> {
    if (!isTaskId(taskId)) return undefined;
    const [task] = await queryPrepared<TaskInCase & { officers: Officer[] }>(
      tx.manager,
      'workflow.read-task',
      `SELECT ${TASK_COLUMNS}, ${CASE_COLUMNS},
              (SELECT COALESCE(json_agg(json_build_object(
                        'id', o.id, 'active', o.status = 'active',
                        'rolesAtAgency', (SELECT COALESCE(array_agg(r.role), '{}') FROM officer_role r WHERE r.officer_id = o.id AND r.agency_code = t.agency_code))), '[]')
                 FROM officer o WHERE o.id IN ($2, $3)) AS officers
         FROM task t
         JOIN dossier_case c ON c.id = t.case_id
        WHERE t.id = $1`,
      [taskId, callerId, assigneeId],
    );
    return task;
  }

  /** The open tasks an officer owns, oldest first, each with its case, both row-locked (an officer going on leave). */
  ownedBy(tx: Transaction, officerId: string): Promise<TaskInCase[]> {
    return queryPrepared<TaskInCase>(
      tx.manager,
      'workflow.lock-owned-tasks',
      `SELECT ${TASK_COLUMNS}, ${CASE_COLUMNS}
         FROM task t JOIN dossier_case c ON c.id = t.case_id
        WHERE t.owner_id = $1 AND t.status = 'open'
        ORDER BY t.created_at
          FOR UPDATE OF t, c`,
      [officerId],
    );
  }

  /** The open task of the dossier, if any, row-locked: the first lock a command on the whole case takes. */
  async lockOpenTaskOf(tx: Transaction, dossierCode: string): Promise<EndedTask | undefined> {
    const [task] = await queryPrepared<EndedTask>(
      tx.manager,
      'workflow.lock-open-task',
      `SELECT t.id AS "taskId", t.step_number AS "stepNumber", t.agency_code AS "agencyCode", t.owner_id AS "ownerId"
         FROM task t JOIN dossier_case c ON c.id = t.case_id WHERE c.dossier_code = $1 AND t.status = 'open' FOR UPDATE OF t`,
      [dossierCode],
    );
    return task;
  }

  /** The national status the dossier has now: its open task's, or 5 while it waits for the applicant. */
  async nationalStatusOf(tx: Transaction, caseId: string): Promise<number> {
    const [row] = await queryPrepared<{ status: number }>(
      tx.manager,
      'workflow.case-national-status',
      `SELECT COALESCE((SELECT national_status FROM task WHERE case_id = $1 AND status = 'open'), 5) AS status`,
      [caseId],
    );
    return row.status;
  }

  /**
   * The eligible active officer (other than `except`) with the fewest open tasks, ties to the first by id; `unwritten`
   * counts the tasks given to officers in this transaction and not written yet (a batch's first tasks, written
   * together as it commits). Their row is share-locked: in a transaction, a leave being recorded for them waits until
   * it commits (or, committed first, passes them over); a statement on its own checks again when it writes
   * (`changeCtes`' `newOwner`).
   */
  async leastLoaded(
    tx: Transaction,
    agencyCode: string,
    role: string,
    except: string | null,
    unwritten: ReadonlyMap<string, number> = new Map(),
  ): Promise<string | null> {
    const [chosen] = await queryPrepared<{ id: string }>(
      tx.manager,
      'workflow.least-loaded-officer',
      `SELECT o.id FROM officer_role r JOIN officer o ON o.id = r.officer_id
        WHERE r.agency_code = $1 AND r.role = $2 AND o.status = 'active' AND o.id IS DISTINCT FROM $3
        ORDER BY (SELECT count(*) FROM task t WHERE t.owner_id = o.id AND t.status = 'open') + COALESCE(($4::jsonb ->> o.id)::int, 0), o.id
        LIMIT 1
          FOR SHARE OF o`,
      [agencyCode, role, except, JSON.stringify(Object.fromEntries(unwritten))],
    );
    return chosen?.id ?? null;
  }

  /** Writes a prepared step task (`insertCtes`) and the outbox rows, in a statement of its own. */
  async open(tx: Transaction, row: string): Promise<void> {
    await queryPrepared(tx.manager, 'workflow.open-step-task', `WITH ${TaskStore.insertCtes('$1')}, o AS (${outboxInsert('$2')}) SELECT 1`, [
      row,
      (await tx.takeEvents()) ?? '[]',
    ]);
  }

  /**
   * The task's new owner (null: back in the queue), its task event, the case's sequence raised to `sequence` and
   * the outbox rows, in one statement. With `expected`, a compare-and-set on what the caller decided on: false when
   * that no longer holds (or the new owner is no longer at work) and nothing was written.
   */
  async changeOwner(
    tx: Transaction,
    taskId: string,
    o: { ownerId: string | null; change: string; actorId: string; at: Date; sequence: number; details: Record<string, unknown>; expected?: Expected },
  ): Promise<boolean> {
    const [{ changed }] = await queryPrepared<{ changed: number }>(
      tx.manager,
      'workflow.change-owner',
      `WITH ${TaskStore.changeCtes('$1', '$10', '$11', '$12', 'event_sequence = GREATEST(c.event_sequence, $8)', '$2')},
       t AS (UPDATE task SET owner_id = $2, owned_at = $3, version = version + 1 FROM c WHERE task.id = $1 RETURNING task.id, task.case_id),
       e AS (INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) SELECT id, case_id, $4, $5, $6, $7 FROM t),
       o AS (${outboxInsert('$9', 'EXISTS (SELECT 1 FROM t)')})
       SELECT count(*)::int AS changed FROM t`,
      [
        taskId,
        o.ownerId,
        o.ownerId ? o.at : null,
        o.change,
        o.actorId,
        o.at,
        JSON.stringify(o.details),
        o.sequence,
        (await tx.takeEvents()) ?? '[]',
        o.expected?.taskVersion ?? null,
        o.expected?.caseVersion ?? null,
        o.expected?.caseSequence ?? null,
      ],
    );
    return changed === 1;
  }

  /**
   * The task done by its owner's action, its event, the case moved on (its sequence, step, status, supplement
   * count), the next step's task with its events, and the outbox rows telling of it all, in one statement that
   * holds only if the task and its case are as `expected`: false otherwise, and nothing written.
   */
  async complete(tx: Transaction, taskId: string, c: Completion, expected: Expected): Promise<boolean> {
    const [{ changed }] = await queryPrepared<{ changed: number }>(
      tx.manager,
      'workflow.complete-task',
      `WITH ${TaskStore.changeCtes(
        '$1',
        '$17',
        '$18',
        '$19',
        `event_sequence = $7, status = $8,
         current_step = COALESCE($9, c.current_step), signed_step = CASE WHEN $10 THEN $11 ELSE c.signed_step END,
         closed_at = CASE WHEN $8 = 'closed' THEN $2 ELSE c.closed_at END, outcome = COALESCE($12, c.outcome),
         supplement_rounds = c.supplement_rounds + $13,
         paused_at = CASE WHEN $8 = 'awaiting_supplement' THEN $2 ELSE c.paused_at END,
         processed_at = CASE WHEN $14 THEN COALESCE(c.processed_at, $2) ELSE c.processed_at END`,
        '$20', // the next step's automatic owner, still at work
      )},
       t AS (
         UPDATE task SET status = 'done', completed_at = $2, completed_by = $3, outcome = $4, note = $5, version = version + 1
           FROM c WHERE task.id = $1 RETURNING task.id, task.case_id),
       e AS (INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) SELECT id, case_id, 'completed', $3, $2, $6 FROM t),
       ${TaskStore.insertCtes('$16', 'EXISTS (SELECT 1 FROM t)')},
       o AS (${outboxInsert('$15', 'EXISTS (SELECT 1 FROM t)')})
       SELECT count(*)::int AS changed FROM t`,
      [
        taskId,
        c.at,
        c.actorId,
        c.action,
        c.note,
        JSON.stringify({ action: c.action, note: c.note }),
        c.sequence,
        c.caseStatus,
        c.currentStep,
        c.moved,
        c.signedStep,
        c.outcome,
        c.asksForSupplement ? 1 : 0,
        c.processed,
        (await tx.takeEvents()) ?? '[]',
        c.next?.row ?? null,
        expected.taskVersion,
        expected.caseVersion,
        expected.caseSequence,
        c.next?.ownerId ?? null,
      ],
    );
    return changed === 1;
  }

  /**
   * The case's appointment moved by the task's owner (an extension), recorded with its reason, the told marks of the
   * deadline watch cleared, and the outbox rows, in one statement that holds only if the task and its case are as
   * `expected`.
   */
  async extendAppointment(
    tx: Transaction,
    taskId: string,
    x: { previous: Date | null; appointmentAt: Date; reason: string; actorId: string; at: Date; extension: number; sequence: number },
    expected: Expected,
  ): Promise<boolean> {
    const [{ changed }] = await queryPrepared<{ changed: number }>(
      tx.manager,
      'workflow.extend-appointment',
      `WITH ${TaskStore.changeCtes('$1', '$10', '$11', '$12', 'appointment_at = $3, extension_count = $7, event_sequence = $8, due_soon_told_at = NULL, overdue_told_at = NULL')},
       t AS (UPDATE task SET version = version + 1 FROM c WHERE task.id = $1 RETURNING task.case_id),
       h AS (INSERT INTO case_appointment_change (case_id, cause, previous_appointment_at, appointment_at, reason, actor_id, at)
             SELECT case_id, 'extension', $2, $3, $4, $5, $6 FROM t),
       o AS (${outboxInsert('$9', 'EXISTS (SELECT 1 FROM t)')})
       SELECT count(*)::int AS changed FROM t`,
      [
        taskId,
        x.previous,
        x.appointmentAt,
        x.reason,
        x.actorId,
        x.at,
        x.extension,
        x.sequence,
        (await tx.takeEvents()) ?? '[]',
        expected.taskVersion,
        expected.caseVersion,
        expected.caseSequence,
      ],
    );
    return changed === 1;
  }

  /** The case's open task, if any, ends with the applicant's withdrawal, with its 'completed' event. */
  async endWithdrawn(tx: Transaction, caseId: string, o: { actorId: string; at: Date; reason: string }): Promise<void> {
    await queryPrepared(
      tx.manager,
      'workflow.end-withdrawn-task',
      `WITH t AS (
         UPDATE task SET status = 'done', completed_at = $2, completed_by = $3, outcome = 'withdrawn', note = $4, version = version + 1
          WHERE case_id = $1 AND status = 'open' RETURNING id, case_id)
       INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) SELECT id, case_id, 'completed', $3, $2, $5 FROM t`,
      [caseId, o.at, o.actorId, o.reason, JSON.stringify({ action: 'withdrawn', note: o.reason })],
    );
  }

  /**
   * The case's open task, if any, ends with the result delivered by post: done by the post (`actorId`) with the
   * returner's action, at the carrier's time, with its 'completed' event.
   */
  async endDeliveredByPost(tx: Transaction, caseId: string, o: { actorId: string; at: Date; note: string }): Promise<void> {
    await queryPrepared(
      tx.manager,
      'workflow.end-task-delivered-by-post',
      `WITH t AS (
         UPDATE task SET status = 'done', completed_at = $2, completed_by = $3, outcome = 'hand_over', note = $4, version = version + 1
          WHERE case_id = $1 AND status = 'open' RETURNING id, case_id)
       INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) SELECT id, case_id, 'completed', $3, $2, $5 FROM t`,
      [caseId, o.at, o.actorId, o.note, JSON.stringify({ action: 'hand_over', note: o.note, byPost: true })],
    );
  }

  /**
   * Open tasks past their deadline (overdue: ≤ `now`) or within the window (due soon: `now` < it ≤ `until`) and
   * not yet told, at most `batch`: marked, their case's sequence raised, an 'escalated' (or 'due_soon') task event,
   * with the agency's active leaders for an overdue one. Rows another sweep holds are skipped.
   */
  markDue(tx: Transaction, what: 'overdue' | 'due_soon', now: Date, until: Date, batch: number): Promise<DueTask[]> {
    const column = toldColumn(what);
    return queryPrepared<DueTask>(
      tx.manager,
      `workflow.mark-task-${what}`,
      `WITH ${dueNotTold(what, 'task t', 't.due_at', `t.status = 'open'`)},
       marked AS (
         UPDATE task t SET ${column} = $1 FROM due WHERE t.id = due.id
         RETURNING t.id, t.case_id, t.dossier_code, t.agency_code, t.due_at, t.owner_id, t.national_status),
       cases AS (
         UPDATE dossier_case c SET event_sequence = c.event_sequence + 1 FROM marked m WHERE c.id = m.case_id
         RETURNING c.id, c.event_sequence, c.coordinator_id),
       logged AS (
         INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details)
         SELECT id, case_id, '${what === 'overdue' ? 'escalated' : 'due_soon'}', 'system', $1, '{}' FROM marked)
       SELECT m.id AS "taskId", m.dossier_code AS "dossierCode", m.agency_code AS "agencyCode", m.due_at AS deadline,
              m.owner_id AS "ownerId", m.national_status AS "nationalStatus", c.event_sequence AS sequence, c.coordinator_id AS "coordinatorId",
              ${
                what === 'overdue'
                  ? `(SELECT COALESCE(array_agg(r.officer_id ORDER BY r.officer_id), '{}') FROM officer_role r JOIN officer o ON o.id = r.officer_id
                       WHERE r.agency_code = m.agency_code AND r.role = 'leader' AND o.status = 'active')`
                  : `'{}'::text[]`
              } AS leaders
         FROM marked m JOIN cases c ON c.id = m.case_id`,
      [now, until, batch],
    );
  }

  /**
   * CTEs `n` (the task) and `ne` (its events) writing a prepared step task, passed as the jsonb parameter `param`
   * (its `row`), when `when` holds: part of the statement of the command that opens it.
   */
  static insertCtes(param: string, when = 'true'): string {
    return TaskStore.insertAllCtes(`SELECT ${param}::jsonb AS row WHERE ${param}::jsonb IS NOT NULL AND ${when}`);
  }

  /** CTEs `n` (the tasks) and `ne` (their events) writing the prepared step tasks (`row`s) that `rows` selects. */
  static insertAllCtes(rows: string): string {
    return `nr AS (${rows}),
       n AS (
         INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, owner_id, owned_at, status,
                           created_at, version, national_status, given_by, due_at)
         SELECT x.id, x.case_id, x.dossier_code, x.procedure_code, x.step_number, x.step_name, x.agency_code, x.role, x.owner_id, x.owned_at, 'open',
                x.created_at, x.version, x.national_status, x.given_by, x.due_at
           FROM nr CROSS JOIN LATERAL jsonb_to_record(nr.row -> 'task')
             AS x(id uuid, case_id uuid, dossier_code text, procedure_code text, step_number int, step_name text, agency_code text, role text,
                  owner_id text, owned_at timestamptz, created_at timestamptz, version int, national_status int, given_by text, due_at timestamptz)
         RETURNING id, case_id),
       ne AS (
         INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details)
         SELECT n.id, n.case_id, x.kind, x.actor_id, x.at, x.details
           FROM nr JOIN n ON n.id = (nr.row -> 'task' ->> 'id')::uuid
                CROSS JOIN LATERAL jsonb_to_recordset(nr.row -> 'events') AS x(kind text, actor_id text, at timestamptz, details jsonb))`;
  }

  /**
   * The head of a task command's statement: CTEs `l` (the task, row-locked first, as every writer locks it before
   * its case) and `c` (the case updated with `set`), both only if they are still as the caller read them: the
   * task at version `taskVersion`, the case at `caseVersion` and `caseSequence` (a deadline mark raises the
   * sequence alone). A null expectation is not checked (the caller holds the row locks). With `newOwner`, that
   * officer must be at work, their row share-locked until the statement commits: a leave being recorded at the same
   * moment waits for it, or it for the leave, which then finds the task theirs (or the statement finds them on
   * leave and writes nothing). The rest of the statement writes from `c`, so a stale command writes nothing at all.
   */
  private static changeCtes(taskId: string, taskVersion: string, caseVersion: string, caseSequence: string, set: string, newOwner?: string): string {
    const atWork = newOwner
      ? ` AND (${newOwner}::text IS NULL OR EXISTS (SELECT 1 FROM officer o WHERE o.id = ${newOwner} AND o.status = 'active' FOR SHARE))`
      : '';
    return `l AS (SELECT id, case_id FROM task WHERE id = ${taskId} AND status = 'open' AND (${taskVersion}::int IS NULL OR version = ${taskVersion})${atWork} FOR UPDATE),
       c AS (UPDATE dossier_case c SET ${set}, version = c.version + 1 FROM l
              WHERE c.id = l.case_id AND (${caseVersion}::int IS NULL OR (c.version = ${caseVersion} AND c.event_sequence = ${caseSequence}))
              RETURNING c.id)`;
  }
}
