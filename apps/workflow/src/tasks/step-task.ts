import { Injectable } from '@nestjs/common';
import { stepDeadline, vietnamDate } from '@motcua/calendar';
import { type StepDefinition, resolveStepAgency } from '@motcua/catalogue';
import { TaskCreated, TaskOwnerChanged, event } from '@motcua/contracts';
import { type Transaction, outboxInsert } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { newId, queryPrepared } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { Calendars } from '../calendar/calendars';

/** What opening a step's task needs to know of its case. */
export interface CaseForStep {
  readonly caseId: string;
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly processVersion: number;
  readonly receivingAgencyCode: string;
  readonly applicantAreaCode: string;
  readonly coordinatorId: string;
  readonly receivedAt: Date;
}

/** How a step's task comes to be opened. */
export interface OpenStep {
  readonly nationalStatus: number;
  readonly givenBy: string | null;
  readonly sequence: number;
  readonly at: Date;
  readonly from: number | null;
  /** When the step resumes after the applicant's supplement: the round of the request answered. */
  readonly resumedAfterSupplementRound?: number;
}

/** A step's task as its opening statement writes it. */
export interface PreparedStepTask {
  readonly id: string;
  readonly ownerId: string | null;
  /** The task and its events, the jsonb parameter of `StepTasks.insertCtes`. */
  readonly row: string;
}

/**
 * Opens the task of a step of a running case (after a forward, a send back, a supplement): resolves the step's
 * agency for this dossier, writes the task and its 'created' event, and tells of it with `workflow.task.created`
 * at the given sequence. The database's one-open-task index guards that the case has no other open task.
 */
@Injectable()
export class StepTasks {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly calendars: Calendars,
  ) {}

  /** How many dossier sequence numbers opening this step's task takes: its creation, and its automatic assignment. */
  static sequencesFor(step: StepDefinition): number {
    return step.assignment === 'least_loaded' ? 2 : 1;
  }

  /**
   * Opens the task in a statement of its own; `sequence` is the first of `sequencesFor(step)` numbers reserved
   * for it (when nobody is eligible for an automatic assignment the task waits in the queue and its second number
   * stays unused).
   */
  async open(tx: Transaction, kase: CaseForStep, step: StepDefinition, o: OpenStep): Promise<string> {
    const task = await this.prepare(tx, kase, step, o);
    await queryPrepared(tx.manager, 'workflow.open-step-task', `WITH ${StepTasks.insertCtes('$1')}, o AS (${outboxInsert('$2')}) SELECT 1`, [
      task.row,
      (await tx.takeEvents()) ?? '[]',
    ]);
    return task.id;
  }

  /**
   * A step's task ready to be written by the caller's statement (`insertCtes`): its agency resolved for this
   * dossier, its deadline, its owner where the step assigns the least-loaded officer (chosen by a read: the loads
   * are a heuristic, not a promise), and `workflow.task.created` (with `owner-changed`) published. When the step
   * has no agency for this dossier, throws what `noAgency` makes (a `Refusal` by default, 422).
   */
  async prepare(
    tx: Transaction,
    kase: CaseForStep,
    step: StepDefinition,
    o: OpenStep,
    noAgency: (code: string, reason: string) => Error = (code, reason) => new Refusal(code, reason),
  ): Promise<PreparedStepTask> {
    const route = resolveStepAgency(
      step.agency,
      { receivingAgencyCode: kase.receivingAgencyCode, applicantAreaCode: kase.applicantAreaCode, onDate: vietnamDate(kase.receivedAt) },
      this.catalogue.current,
    );
    if (!route.ok) throw noAgency(route.code, route.reason);
    const id = newId();
    const created = { agencyCode: route.agencyCode, stepNumber: step.number, from: o.from };
    const events: { kind: string; actor_id: string | null; details: Record<string, unknown> }[] = [{ kind: 'created', actor_id: o.givenBy, details: created }];
    await tx.publish(
      event(TaskCreated, {
        dossierCode: kase.dossierCode,
        nationalStatus: o.nationalStatus,
        sequence: o.sequence,
        occurredAt: o.at.toISOString(),
        taskId: id,
        caseId: kase.caseId,
        stepNumber: step.number,
        stepName: step.name,
        agencyCode: route.agencyCode,
        role: step.role,
        processVersion: kase.processVersion,
        coordinatorId: kase.coordinatorId,
        ...(o.resumedAfterSupplementRound ? { resumedAfterSupplementRound: o.resumedAfterSupplementRound } : {}),
        agencyName: this.catalogue.agencyName(route.agencyCode),
        coordinatorName: this.catalogue.officerName(kase.coordinatorId),
      }),
    );
    const ownerId = step.assignment === 'least_loaded' ? await this.leastLoaded(tx, route.agencyCode, step.role, null) : null;
    if (ownerId) {
      events.push({ kind: 'assigned', actor_id: 'system', details: { ownerId, previousOwnerId: null, automatic: true } });
      await tx.publish(
        event(TaskOwnerChanged, {
          dossierCode: kase.dossierCode,
          nationalStatus: o.nationalStatus,
          sequence: o.sequence + 1,
          occurredAt: o.at.toISOString(),
          taskId: id,
          stepNumber: step.number,
          agencyCode: route.agencyCode,
          change: 'assigned',
          ownerId,
          previousOwnerId: null,
          actorId: 'system',
          coordinatorId: kase.coordinatorId,
          agencyName: this.catalogue.agencyName(route.agencyCode),
          ownerName: this.catalogue.officerName(ownerId),
          coordinatorName: this.catalogue.officerName(kase.coordinatorId),
        }),
      );
    }
    const row = {
      task: {
        id,
        case_id: kase.caseId,
        dossier_code: kase.dossierCode,
        procedure_code: kase.procedureCode,
        step_number: step.number,
        step_name: step.name,
        agency_code: route.agencyCode,
        role: step.role,
        owner_id: ownerId,
        owned_at: ownerId ? o.at : null,
        created_at: o.at,
        version: ownerId ? 2 : 1,
        national_status: o.nationalStatus,
        given_by: o.givenBy,
        due_at: stepDeadline(this.calendars.of(route.agencyCode), o.at, step.budgetHours), // in the agency's office hours
      },
      events: events.map((e) => ({ ...e, at: o.at })),
    };
    return { id, ownerId, row: JSON.stringify(row) };
  }

  /**
   * CTEs `n` (the task) and `ne` (its events) writing a prepared step task, passed as the jsonb parameter `param`
   * (its `row`), when `when` holds: part of the statement of the command that opens it.
   */
  static insertCtes(param: string, when = 'true'): string {
    return `n AS (
         INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, owner_id, owned_at, status,
                           created_at, version, national_status, given_by, due_at)
         SELECT x.id, x.case_id, x.dossier_code, x.procedure_code, x.step_number, x.step_name, x.agency_code, x.role, x.owner_id, x.owned_at, 'open',
                x.created_at, x.version, x.national_status, x.given_by, x.due_at
           FROM jsonb_to_record(${param}::jsonb -> 'task')
             AS x(id uuid, case_id uuid, dossier_code text, procedure_code text, step_number int, step_name text, agency_code text, role text,
                  owner_id text, owned_at timestamptz, created_at timestamptz, version int, national_status int, given_by text, due_at timestamptz)
          WHERE ${param}::jsonb IS NOT NULL AND ${when}
         RETURNING id, case_id),
       ne AS (
         INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details)
         SELECT n.id, n.case_id, x.kind, x.actor_id, x.at, x.details
           FROM n, jsonb_to_recordset(${param}::jsonb -> 'events') AS x(kind text, actor_id text, at timestamptz, details jsonb))`;
  }

  /**
   * The eligible active officer (other than `except`) with the fewest open tasks, ties to the first by id. Their row
   * is share-locked: in a transaction, a leave being recorded for them waits until it commits (or, committed first,
   * passes them over); a statement on its own checks again when it writes (`changeCtes`' `newOwner`).
   */
  private async leastLoaded(tx: Transaction, agencyCode: string, role: string, except: string | null): Promise<string | null> {
    const [chosen] = await queryPrepared<{ id: string }>(
      tx.manager,
      'workflow.least-loaded-officer',
      `SELECT o.id FROM officer_role r JOIN officer o ON o.id = r.officer_id
        WHERE r.agency_code = $1 AND r.role = $2 AND o.status = 'active' AND o.id IS DISTINCT FROM $3
        ORDER BY (SELECT count(*) FROM task t WHERE t.owner_id = o.id AND t.status = 'open'), o.id
        LIMIT 1
          FOR SHARE OF o`,
      [agencyCode, role, except],
    );
    return chosen?.id ?? null;
  }

  /**
   * Gives an open task to the eligible active officer (other than the one it is taken from) with the fewest open
   * tasks, ties to the first by id; leaves it in the queue when there is none (or the one chosen went on leave
   * meanwhile). Returns the new owner.
   */
  async assignLeastLoaded(tx: Transaction, task: OwnedTask, o: { sequence: number; at: Date; actorId: string; previousOwnerId: string | null }): Promise<string | null> {
    const chosen = await this.leastLoaded(tx, task.agencyCode, task.role, o.previousOwnerId);
    if (!chosen) return null;
    const changed = await this.changeOwner(tx, task, { ...o, ownerId: chosen, change: o.previousOwnerId ? 'reassigned' : 'assigned', details: { automatic: true } });
    return changed ? chosen : null;
  }

  /**
   * The one way an open task's owner changes (claimed, assigned, reassigned, released; a task opened on an automatic
   * step is written with its owner by `prepare`): the task, its task event, the case's sequence and the outbox row
   * of `workflow.task.owner-changed` naming the displaced owner, in one statement.
   * With `expected`, a compare-and-set on what the caller decided on (see `StepTasks.changeCtes`): false when that
   * no longer holds and nothing was written.
   */
  async changeOwner(
    tx: Transaction,
    task: OwnedTask,
    o: {
      ownerId: string | null;
      previousOwnerId: string | null;
      change: TaskOwnerChanged['change'];
      actorId: string;
      sequence: number;
      at: Date;
      details?: Record<string, unknown>;
      expected?: Expected;
    },
  ): Promise<boolean> {
    await tx.publish(
      event(TaskOwnerChanged, {
        dossierCode: task.dossierCode,
        nationalStatus: task.nationalStatus,
        sequence: o.sequence,
        occurredAt: o.at.toISOString(),
        taskId: task.taskId,
        stepNumber: task.stepNumber,
        agencyCode: task.agencyCode,
        change: o.change,
        ownerId: o.ownerId,
        previousOwnerId: o.previousOwnerId,
        actorId: o.actorId,
        coordinatorId: task.coordinatorId,
        // the names beside the ids, from memory: notification has no staff of its own
        agencyName: this.catalogue.agencyName(task.agencyCode),
        ownerName: this.catalogue.officerName(o.ownerId),
        previousOwnerName: this.catalogue.officerName(o.previousOwnerId),
        actorName: this.catalogue.officerName(o.actorId),
        coordinatorName: this.catalogue.officerName(task.coordinatorId),
      }),
    );
    // The case's sequence is raised to this event's (callers that reserved it already leave it as it is).
    const [{ changed }] = await queryPrepared<{ changed: number }>(
      tx.manager,
      'workflow.change-owner',
      `WITH ${StepTasks.changeCtes('$1', '$10', '$11', '$12', 'event_sequence = GREATEST(c.event_sequence, $8)', '$2')},
       t AS (UPDATE task SET owner_id = $2, owned_at = $3, version = version + 1 FROM c WHERE task.id = $1 RETURNING task.id, task.case_id),
       e AS (INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) SELECT id, case_id, $4, $5, $6, $7 FROM t),
       o AS (${outboxInsert('$9', 'EXISTS (SELECT 1 FROM t)')})
       SELECT count(*)::int AS changed FROM t`,
      [
        task.taskId,
        o.ownerId,
        o.ownerId ? o.at : null,
        o.change,
        o.actorId,
        o.at,
        JSON.stringify({ ownerId: o.ownerId, previousOwnerId: o.previousOwnerId, ...o.details }),
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
   * The head of a task command's statement: CTEs `l` (the task, row-locked first, as every writer locks it before
   * its case) and `c` (the case updated with `set`), both only if they are still as the caller read them: the
   * task at version `taskVersion`, the case at `caseVersion` and `caseSequence` (a deadline mark raises the
   * sequence alone). A null expectation is not checked (the caller holds the row locks). With `newOwner`, that
   * officer must be at work, their row share-locked until the statement commits: a leave being recorded at the same
   * moment waits for it, or it for the leave, which then finds the task theirs (or the statement finds them on
   * leave and writes nothing). The rest of the statement writes from `c`, so a stale command writes nothing at all.
   */
  static changeCtes(taskId: string, taskVersion: string, caseVersion: string, caseSequence: string, set: string, newOwner?: string): string {
    const atWork = newOwner ? ` AND (${newOwner}::text IS NULL OR EXISTS (SELECT 1 FROM officer o WHERE o.id = ${newOwner} AND o.status = 'active' FOR SHARE))` : '';
    return `l AS (SELECT id, case_id FROM task WHERE id = ${taskId} AND status = 'open' AND (${taskVersion}::int IS NULL OR version = ${taskVersion})${atWork} FOR UPDATE),
       c AS (UPDATE dossier_case c SET ${set}, version = c.version + 1 FROM l
              WHERE c.id = l.case_id AND (${caseVersion}::int IS NULL OR (c.version = ${caseVersion} AND c.event_sequence = ${caseSequence}))
              RETURNING c.id)`;
  }
}

/** What a command decided on, for the compare-and-set of its statement. */
export interface Expected {
  readonly taskVersion: number;
  readonly caseVersion: number;
  readonly caseSequence: number;
}

/** What changing a task's owner needs to know of it and its case. */
export interface OwnedTask {
  readonly taskId: string;
  readonly caseId: string;
  readonly dossierCode: string;
  readonly agencyCode: string;
  readonly role: string;
  readonly stepNumber: number;
  readonly nationalStatus: number;
  readonly coordinatorId: string;
}
