import { HttpStatus, Injectable } from '@nestjs/common';
import { type Principal, canActForAgency } from '@motcua/auth';
import { vietnamDate } from '@motcua/calendar';
import { type StepDefinition, resolveStepAgency } from '@motcua/catalogue';
import { CaseClosed, TaskCompleted, TaskCreated, TaskOwnerChanged, event } from '@motcua/contracts';
import { type Transaction, UnitOfWork } from '@motcua/messaging';
import { ProblemDetailsException } from '@motcua/observability';
import { type CommandResponse, type IdempotentRequest, newId, runIdempotent } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { type Officer, type StepAction, type TaskCommand, decide, transition } from './task-rules';

/** The task and its case as a command sees them, read under their row locks. */
interface LockedTask {
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
  steps: StepDefinition[];
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

const notFound = (taskId: string) =>
  new ProblemDetailsException({ status: HttpStatus.NOT_FOUND, code: 'TASK.NOT_FOUND', title: 'Task not found', detail: `No task ${taskId} that you may see` });

/**
 * Commands on a task: claim, assign, release, and the owner's actions. Each reads the task and its case under
 * row locks, checks the caller's expected version (compare-and-set: a stale or concurrent command gets 409 and
 * changes nothing), lets the pure rules decide, then writes the change, its append-only task event and its
 * integration events in one transaction. Every dossier event carries the case's next sequence number.
 */
@Injectable()
export class TaskCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalogue: Catalogue,
  ) {}

  execute(
    taskId: string,
    command: TaskCommand,
    expectedVersion: number,
    caller: Principal,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<CommandResult> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => {
        const task = await this.lock(tx, taskId);
        // Whether the task exists is not for an officer of another agency to know.
        if (!task || caller.kind !== 'officer' || !canActForAgency(caller, task.agencyCode)) throw notFound(taskId);
        const officers = await this.officersAt(tx, task.agencyCode, [caller.subject, ...(command.kind === 'assign' ? [command.officerId] : [])]);
        const step = task.steps[task.stepNumber - 1];
        const decision = decide(task, command, expectedVersion, officers.get(caller.subject), step?.actions ?? [], command.kind === 'assign' ? officers.get(command.officerId) : undefined);
        if (!decision.ok) {
          throw new ProblemDetailsException({
            status: decision.status,
            code: decision.code,
            title: 'The task cannot be changed so',
            detail: decision.message,
            errors: decision.field ? [{ field: decision.field, code: decision.code, message: decision.message }] : undefined,
          });
        }
        const now = new Date();
        const body =
          command.kind === 'act'
            ? await this.act(tx, task, command.action as StepAction, command.note ?? null, caller.subject, now)
            : await this.changeOwner(tx, task, command, caller.subject, now);
        return { status: 200, body };
      }),
    );
  }

  private async lock(tx: Transaction, taskId: string): Promise<LockedTask | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(taskId)) return undefined;
    const [task] = (await tx.manager.query(
      `SELECT t.id, t.case_id AS "caseId", t.dossier_code AS "dossierCode", t.procedure_code AS "procedureCode",
              t.step_number AS "stepNumber", t.step_name AS "stepName", t.agency_code AS "agencyCode", t.role,
              t.owner_id AS "ownerId", t.status, t.version, t.national_status AS "nationalStatus",
              c.process_version AS "processVersion", c.receiving_agency_code AS "receivingAgencyCode",
              c.applicant_area_code AS "applicantAreaCode", c.coordinator_id AS "coordinatorId", c.received_at AS "receivedAt",
              c.signed_step AS "signedStep", c.event_sequence AS "eventSequence", v.steps
         FROM task t
         JOIN dossier_case c ON c.id = t.case_id
         JOIN process_version v ON v.procedure_code = c.procedure_code AND v.version = c.process_version
        WHERE t.id = $1
        FOR UPDATE OF t, c`,
      [taskId],
    )) as LockedTask[];
    return task;
  }

  /** The officers named, with the roles each holds at the agency (none: not one of its staff). */
  private async officersAt(tx: Transaction, agencyCode: string, ids: string[]): Promise<Map<string, Officer>> {
    const rows = (await tx.manager.query(
      `SELECT o.id, o.status = 'active' AS active, COALESCE(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS "rolesAtAgency"
         FROM officer o LEFT JOIN officer_role r ON r.officer_id = o.id AND r.agency_code = $1
        WHERE o.id = ANY($2) GROUP BY o.id`,
      [agencyCode, ids],
    )) as Officer[];
    return new Map(rows.map((o) => [o.id, o]));
  }

  private async nextSequence(tx: Transaction, task: LockedTask, count: number): Promise<number[]> {
    await tx.manager.query(`UPDATE dossier_case SET event_sequence = event_sequence + $2, version = version + 1 WHERE id = $1`, [task.caseId, count]);
    return Array.from({ length: count }, (_, i) => task.eventSequence + 1 + i);
  }

  private async changeOwner(
    tx: Transaction,
    task: LockedTask,
    command: Exclude<TaskCommand, { kind: 'act' }>,
    actorId: string,
    now: Date,
  ): Promise<CommandResult> {
    const ownerId = command.kind === 'claim' ? actorId : command.kind === 'assign' ? command.officerId : null;
    const change = command.kind === 'claim' ? 'claimed' : command.kind === 'release' ? 'released' : task.ownerId ? 'reassigned' : 'assigned';
    await tx.manager.query(`UPDATE task SET owner_id = $2, owned_at = $3, version = version + 1 WHERE id = $1`, [task.id, ownerId, ownerId ? now : null]);
    await tx.manager.query(`INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) VALUES ($1, $2, $3, $4, $5, $6)`, [
      task.id,
      task.caseId,
      change,
      actorId,
      now,
      JSON.stringify({ ownerId, previousOwnerId: task.ownerId }),
    ]);
    const [sequence] = await this.nextSequence(tx, task, 1);
    await tx.publish(
      event(TaskOwnerChanged, {
        dossierCode: task.dossierCode,
        nationalStatus: task.nationalStatus,
        sequence,
        occurredAt: now.toISOString(),
        taskId: task.id,
        stepNumber: task.stepNumber,
        agencyCode: task.agencyCode,
        change,
        ownerId,
        previousOwnerId: task.ownerId,
        actorId,
        coordinatorId: task.coordinatorId,
      }),
    );
    return { taskId: task.id, version: task.version + 1, ownerId, status: 'open', nextTaskId: null, nationalStatus: task.nationalStatus };
  }

  private async act(tx: Transaction, task: LockedTask, action: StepAction, note: string | null, actorId: string, now: Date): Promise<CommandResult> {
    const next = transition(action, task.stepNumber, task.steps.length, task.signedStep);
    await tx.manager.query(
      `UPDATE task SET status = 'done', completed_at = $2, completed_by = $3, outcome = $4, note = $5, version = version + 1 WHERE id = $1`,
      [task.id, now, actorId, action, note],
    );
    await tx.manager.query(`INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) VALUES ($1, $2, 'completed', $3, $4, $5)`, [
      task.id,
      task.caseId,
      actorId,
      now,
      JSON.stringify({ action, note }),
    ]);
    const [completedSequence, nextSequence] = await this.nextSequence(tx, task, 2);
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
      }),
    );
    const done = { taskId: task.id, version: task.version + 1, ownerId: task.ownerId, status: 'done' as const };

    if (next.kind === 'closed') {
      await tx.manager.query(`UPDATE dossier_case SET status = 'closed', closed_at = $2 WHERE id = $1`, [task.caseId, now]);
      await tx.publish(
        event(CaseClosed, {
          dossierCode: task.dossierCode,
          nationalStatus: next.nationalStatus,
          sequence: nextSequence,
          occurredAt: now.toISOString(),
          caseId: task.caseId,
          outcome: action === 'hand_over' ? 'returned' : 'processed',
          actorId,
          note,
          coordinatorId: task.coordinatorId,
        }),
      );
      return { ...done, nextTaskId: null, nationalStatus: next.nationalStatus };
    }

    const step = task.steps[next.stepNumber - 1];
    const route = resolveStepAgency(
      step.agency,
      { receivingAgencyCode: task.receivingAgencyCode, applicantAreaCode: task.applicantAreaCode, onDate: vietnamDate(task.receivedAt) },
      this.catalogue.current,
    );
    if (!route.ok) {
      throw new ProblemDetailsException({ status: HttpStatus.UNPROCESSABLE_ENTITY, code: route.code, title: 'The next step has no agency', detail: route.reason });
    }
    const nextTaskId = newId();
    await tx.manager.query(
      `WITH t AS (
         INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, owner_id, status,
                           created_at, version, national_status, given_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, 'open', $9, 1, $10, $11) RETURNING id, case_id)
       INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details)
       SELECT id, case_id, 'created', $11, $9, $12 FROM t`,
      [nextTaskId, task.caseId, task.dossierCode, task.procedureCode, step.number, step.name, route.agencyCode, step.role, now, next.nationalStatus, actorId,
        JSON.stringify({ agencyCode: route.agencyCode, stepNumber: step.number, from: task.stepNumber })],
    );
    await tx.manager.query(`UPDATE dossier_case SET current_step = $2, signed_step = $3 WHERE id = $1`, [task.caseId, step.number, next.signedStep]);
    await tx.publish(
      event(TaskCreated, {
        dossierCode: task.dossierCode,
        nationalStatus: next.nationalStatus,
        sequence: nextSequence,
        occurredAt: now.toISOString(),
        taskId: nextTaskId,
        caseId: task.caseId,
        stepNumber: step.number,
        stepName: step.name,
        agencyCode: route.agencyCode,
        role: step.role,
        processVersion: task.processVersion,
        coordinatorId: task.coordinatorId,
      }),
    );
    return { ...done, nextTaskId, nationalStatus: next.nationalStatus };
  }
}
