import { Injectable } from '@nestjs/common';
import { type Principal, canActForAgency } from '@motcua/auth';
import type { StepDefinition } from '@motcua/catalogue';
import { AppointmentChanged, CaseClosed, NationalStatus, SupplementRequested, TaskCompleted, event } from '@motcua/contracts';
import { type Transaction, UnitOfWork, outboxInsert } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, queryPrepared, runIdempotent } from '@motcua/persistence';
import { checkExtension } from './extension-rules';
import { type Expected, StepTasks } from './step-task';
import { type Officer, type StepAction, type TaskCommand, decide, taskNotFound, transition } from './task-rules';
import { isTaskId } from './task.queries';
import { Calendars } from '../calendar/calendars';
import { rolesInForce } from '../staff/oversight';
import { Catalogue } from '../catalogue/catalogue';

/** The task and its case as a command reads them, and decides on. */
interface ReadTask {
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
  steps: readonly StepDefinition[];
  appointmentAt: Date | null;
  originalAppointmentAt: Date | null;
  extensionCount: number;
  supplementRounds: number;
}

export interface CommandResult {
  taskId: string;
  version: number;
  ownerId: string | null;
  status: 'open' | 'done';
  /** The task the case moved to (after forward, approve, sign, send back); null when it closed or did not move. */
  nextTaskId: string | null;
  nationalStatus: number;
}

const stale = () =>
  new Refusal('TASK.VERSION_CONFLICT', 'the dossier kept changing while the command ran: reload it', [
    { field: 'version', code: 'TASK.VERSION_CONFLICT', message: 'reload the task' },
  ]);

/** How many times a command is decided, at most, when its dossier keeps changing but its task does not (a deadline mark, say). */
const ATTEMPTS = 3;

/**
 * Commands on a task: claim, assign, release, and the owner's actions. Each reads the task and its case, checks
 * the caller's expected version, lets the pure rules decide, then writes the change, its append-only task event
 * and its integration events in one statement that holds only if the task and its case are still as read
 * (compare-and-set: a stale or concurrent command gets 409 and changes nothing). Without an Idempotency-Key that
 * statement is the whole of the command (no explicit transaction: two round trips, three into a step that assigns
 * the least-loaded officer); with one, it runs in the transaction that remembers the response. Every dossier event
 * carries the case's next sequence number.
 */
@Injectable()
export class TaskCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly stepTasks: StepTasks,
    private readonly calendars: Calendars,
    private readonly catalogue: Catalogue,
  ) {}

  execute(
    taskId: string,
    command: TaskCommand,
    expectedVersion: number,
    caller: Principal,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<CommandResult> & { replayed: boolean }> {
    const run = async (tx: Transaction) => ({ status: 200, body: await this.run(tx, taskId, command, expectedVersion, caller) });
    return idempotency
      ? this.unitOfWork.run((tx) => runIdempotent(tx.manager, idempotency, () => run(tx)))
      : this.unitOfWork.runInOneStatement(async (tx) => ({ ...(await run(tx)), replayed: false }));
  }

  private async run(tx: Transaction, taskId: string, command: TaskCommand, expectedVersion: number, caller: Principal): Promise<CommandResult> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const task = await this.read(tx, taskId, caller.subject, command.kind === 'assign' ? command.officerId : null);
      const officers = new Map(task?.officers.map((o) => [o.id, o]));
      const recorded = officers.get(caller.subject);
      // Whether the task exists is not for anyone but the officers of its agency (their token and the record say so) to know.
      if (!task || caller.kind !== 'officer' || !canActForAgency(caller, task.agencyCode) || !recorded?.rolesAtAgency.length) throw taskNotFound(taskId);
      // the caller acts with the roles their token and the organisation's record both give them at the task's agency
      const actor = { ...recorded, rolesAtAgency: rolesInForce(caller, task.agencyCode, recorded.rolesAtAgency) };
      const step = task.steps[task.stepNumber - 1];
      const refusal = decide(task, command, expectedVersion, actor, step?.actions ?? [], command.kind === 'assign' ? officers.get(command.officerId) : undefined);
      if (refusal) throw refusal;
      const now = new Date();
      const expected = { taskVersion: task.version, caseVersion: task.caseVersion, caseSequence: task.eventSequence };
      const result =
        command.kind === 'act'
          ? await this.act(tx, task, expected, command.action as StepAction, command.note ?? null, command.missing ?? [], caller.subject, now)
          : command.kind === 'extend'
            ? await this.extend(tx, task, expected, command.reason, command.newAppointmentAt, caller.subject, now)
            : await this.changeOwner(tx, task, expected, command, caller.subject, now);
      // null: the task or its case changed since it was read; read again (a changed task is then a 409)
      if (result) return result;
    }
    throw stale();
  }

  /**
   * The task and its case, with the two officers a command may name (the caller, and whom they assign): their
   * status and roles at the task's agency; one round trip. The case's pinned process comes from the catalogue's
   * memory (a published version never changes). Two scalar parameters rather than an
   * array, so PostgreSQL keeps one generic plan for it instead of planning it on every call (a third of its CPU).
   */
  private async read(tx: Transaction, taskId: string, callerId: string, assigneeId: string | null): Promise<(ReadTask & { officers: Officer[] }) | undefined> {
    if (!isTaskId(taskId)) return undefined;
    const [task] = await queryPrepared<Omit<ReadTask, 'steps'> & { officers: Officer[] }>(
      tx.manager,
      'workflow.read-task',
      `SELECT t.id, t.case_id AS "caseId", t.dossier_code AS "dossierCode", t.procedure_code AS "procedureCode",
              t.step_number AS "stepNumber", t.step_name AS "stepName", t.agency_code AS "agencyCode", t.role,
              t.owner_id AS "ownerId", t.status, t.version, t.national_status AS "nationalStatus",
              c.process_version AS "processVersion", c.receiving_agency_code AS "receivingAgencyCode",
              c.applicant_area_code AS "applicantAreaCode", c.coordinator_id AS "coordinatorId", c.received_at AS "receivedAt",
              c.signed_step AS "signedStep", c.event_sequence AS "eventSequence", c.version AS "caseVersion",
              c.appointment_at AS "appointmentAt", c.original_appointment_at AS "originalAppointmentAt", c.extension_count AS "extensionCount",
              c.supplement_rounds AS "supplementRounds",
              (SELECT COALESCE(json_agg(json_build_object(
                        'id', o.id, 'active', o.status = 'active',
                        'rolesAtAgency', (SELECT COALESCE(array_agg(r.role), '{}') FROM officer_role r WHERE r.officer_id = o.id AND r.agency_code = t.agency_code))), '[]')
                 FROM officer o WHERE o.id IN ($2, $3)) AS officers
         FROM task t
         JOIN dossier_case c ON c.id = t.case_id
        WHERE t.id = $1`,
      [taskId, callerId, assigneeId],
    );
    if (!task) return undefined;
    return { ...task, steps: await this.catalogue.processSteps(tx.manager, task.procedureCode, task.processVersion) };
  }

  private async changeOwner(
    tx: Transaction,
    task: ReadTask,
    expected: Expected,
    command: Extract<TaskCommand, { kind: 'claim' | 'assign' | 'release' }>,
    actorId: string,
    now: Date,
  ): Promise<CommandResult | null> {
    const ownerId = command.kind === 'claim' ? actorId : command.kind === 'assign' ? command.officerId : null;
    const change = command.kind === 'claim' ? 'claimed' : command.kind === 'release' ? 'released' : task.ownerId ? 'reassigned' : 'assigned';
    const changed = await this.stepTasks.changeOwner(tx, { ...task, taskId: task.id }, {
      ownerId,
      previousOwnerId: task.ownerId,
      change,
      actorId,
      sequence: task.eventSequence + 1,
      at: now,
      expected,
    });
    if (!changed) return null;
    return { taskId: task.id, version: task.version + 1, ownerId, status: 'open', nextTaskId: null, nationalStatus: task.nationalStatus };
  }

  /**
   * Gia hạn: the owner of a running-late task gives the applicant a new appointment with an apology, at least one
   * working day before the current one. The original appointment stays on the case; a second extension is flagged.
   */
  private async extend(tx: Transaction, task: ReadTask, expected: Expected, reason: string, requested: Date, actorId: string, now: Date): Promise<CommandResult | null> {
    const refusal = checkExtension(this.calendars.of(task.receivingAgencyCode), now, task.appointmentAt, requested); // the desk's promise
    if (refusal) throw refusal;
    const extension = task.extensionCount + 1;
    const sequence = task.eventSequence + 1;
    await tx.publish(
      event(AppointmentChanged, {
        dossierCode: task.dossierCode,
        nationalStatus: task.nationalStatus,
        sequence,
        occurredAt: now.toISOString(),
        cause: 'extension',
        appointmentAt: requested.toISOString(),
        previousAppointmentAt: task.appointmentAt!.toISOString(),
        originalAppointmentAt: (task.originalAppointmentAt ?? task.appointmentAt!).toISOString(),
        pausedWorkingMinutes: null,
        reason,
        extension,
        flagged: extension > 1,
        actorId,
        coordinatorId: task.coordinatorId,
      }),
    );
    const [{ changed }] = await queryPrepared<{ changed: number }>(
      tx.manager,
      'workflow.extend-appointment',
      `WITH ${StepTasks.changeCtes('$1', '$10', '$11', '$12', 'appointment_at = $3, extension_count = $7, event_sequence = $8, due_soon_told_at = NULL, overdue_told_at = NULL')},
       t AS (UPDATE task SET version = version + 1 FROM c WHERE task.id = $1 RETURNING task.case_id),
       h AS (INSERT INTO case_appointment_change (case_id, cause, previous_appointment_at, appointment_at, reason, actor_id, at)
             SELECT case_id, 'extension', $2, $3, $4, $5, $6 FROM t),
       o AS (${outboxInsert('$9', 'EXISTS (SELECT 1 FROM t)')})
       SELECT count(*)::int AS changed FROM t`,
      [task.id, task.appointmentAt, requested, reason, actorId, now, extension, sequence, (await tx.takeEvents()) ?? '[]', expected.taskVersion, expected.caseVersion, expected.caseSequence],
    );
    if (!changed) return null;
    return { taskId: task.id, version: task.version + 1, ownerId: task.ownerId, status: 'open', nextTaskId: null, nationalStatus: task.nationalStatus };
  }

  private async act(
    tx: Transaction,
    task: ReadTask,
    expected: Expected,
    action: StepAction,
    note: string | null,
    missing: readonly { code?: string; name: string }[],
    actorId: string,
    now: Date,
  ): Promise<CommandResult | null> {
    const next = transition(action, task.stepNumber, task.steps.length, task.signedStep);
    const nextStep = next.kind === 'step' ? task.steps[next.stepNumber - 1] : undefined;
    const completedSequence = task.eventSequence + 1;
    const nextSequence = completedSequence + 1;
    await tx.publish(
      event(TaskCompleted, {
        dossierCode: task.dossierCode,
        nationalStatus: next.nationalStatus,
        sequence: completedSequence,
        occurredAt: now.toISOString(),
        taskId: task.id,
        stepNumber: task.stepNumber,
        stepName: task.stepName,
        agencyCode: task.agencyCode,
        action,
        actorId,
        note,
        coordinatorId: task.coordinatorId,
        agencyName: this.catalogue.agencyName(task.agencyCode),
        actorName: this.catalogue.officerName(actorId),
        coordinatorName: this.catalogue.officerName(task.coordinatorId),
      }),
    );
    if (next.kind === 'closed') {
      await tx.publish(
        event(CaseClosed, {
          dossierCode: task.dossierCode,
          nationalStatus: next.nationalStatus,
          sequence: nextSequence,
          occurredAt: now.toISOString(),
          caseId: task.caseId,
          outcome: next.outcome,
          actorId,
          note,
          coordinatorId: task.coordinatorId,
          actorName: this.catalogue.officerName(actorId),
          coordinatorName: this.catalogue.officerName(task.coordinatorId),
        }),
      );
    }
    if (next.kind === 'waiting') {
      const round = task.supplementRounds + 1;
      await tx.publish(
        event(SupplementRequested, {
          dossierCode: task.dossierCode,
          nationalStatus: next.nationalStatus,
          sequence: nextSequence,
          occurredAt: now.toISOString(),
          caseId: task.caseId,
          stepNumber: task.stepNumber,
          agencyCode: task.agencyCode,
          requestedBy: actorId,
          reason: note ?? '',
          missing: missing.map(({ code, name }) => ({ ...(code ? { code } : {}), name })),
          round,
          coordinatorId: task.coordinatorId,
          agencyName: this.catalogue.agencyName(task.agencyCode),
          requestedByName: this.catalogue.officerName(actorId),
          coordinatorName: this.catalogue.officerName(task.coordinatorId),
        }),
      );
    }
    const opened =
      nextStep &&
      (await this.stepTasks.prepare(tx, task, nextStep, { nationalStatus: next.nationalStatus, givenBy: actorId, sequence: nextSequence, at: now, from: task.stepNumber }));
    // The task done, its event, the case moved on (its sequence, step, status, supplement count), the next step's
    // task with its events, and the outbox rows telling of it all, in one statement.
    const [{ changed }] = await queryPrepared<{ changed: number }>(
      tx.manager,
      'workflow.complete-task',
      `WITH ${StepTasks.changeCtes(
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
       ${StepTasks.insertCtes('$16', 'EXISTS (SELECT 1 FROM t)')},
       o AS (${outboxInsert('$15', 'EXISTS (SELECT 1 FROM t)')})
       SELECT count(*)::int AS changed FROM t`,
      [
        task.id,
        now,
        actorId,
        action,
        note,
        JSON.stringify({ action, note }),
        completedSequence + (nextStep ? StepTasks.sequencesFor(nextStep) : 1),
        next.kind === 'closed' ? 'closed' : next.kind === 'waiting' ? 'awaiting_supplement' : 'in_progress',
        nextStep?.number ?? null,
        next.kind === 'step',
        next.kind === 'step' ? next.signedStep : null,
        next.kind === 'closed' ? next.outcome : null,
        next.kind === 'waiting' ? 1 : 0,
        // the end of processing (the result issued), which the on-time statistics compare with the appointment
        next.nationalStatus === NationalStatus.Processed || (next.kind === 'closed' && next.outcome === 'returned'),
        (await tx.takeEvents()) ?? '[]',
        opened ? opened.row : null,
        expected.taskVersion,
        expected.caseVersion,
        expected.caseSequence,
        opened?.ownerId ?? null,
      ],
    );
    if (!changed) return null;
    return {
      taskId: task.id,
      version: task.version + 1,
      ownerId: task.ownerId,
      status: 'done',
      nextTaskId: opened ? opened.id : null,
      nationalStatus: next.nationalStatus,
    };
  }
}
