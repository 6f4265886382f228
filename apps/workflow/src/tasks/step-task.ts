import { HttpStatus, Injectable } from '@nestjs/common';
import { stepDeadline, vietnamDate } from '@motcua/calendar';
import { type StepDefinition, resolveStepAgency } from '@motcua/catalogue';
import { TaskCreated, TaskOwnerChanged, event } from '@motcua/contracts';
import { type Transaction, outboxInsert } from '@motcua/messaging';
import { ProblemDetailsException } from '@motcua/observability';
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
   * Opens the task; `sequence` is the first of `sequencesFor(step)` numbers reserved for it (when nobody is
   * eligible for an automatic assignment the task waits in the queue and its second number stays unused).
   */
  async open(
    tx: Transaction,
    kase: CaseForStep,
    step: StepDefinition,
    o: { nationalStatus: number; givenBy: string | null; sequence: number; at: Date; from: number | null },
  ): Promise<string> {
    const route = resolveStepAgency(
      step.agency,
      { receivingAgencyCode: kase.receivingAgencyCode, applicantAreaCode: kase.applicantAreaCode, onDate: vietnamDate(kase.receivedAt) },
      this.catalogue.current,
    );
    if (!route.ok) {
      throw new ProblemDetailsException({ status: HttpStatus.UNPROCESSABLE_ENTITY, code: route.code, title: 'The step has no agency', detail: route.reason });
    }
    const taskId = newId();
    await tx.publish(
      event(TaskCreated, {
        dossierCode: kase.dossierCode,
        nationalStatus: o.nationalStatus,
        sequence: o.sequence,
        occurredAt: o.at.toISOString(),
        taskId,
        caseId: kase.caseId,
        stepNumber: step.number,
        stepName: step.name,
        agencyCode: route.agencyCode,
        role: step.role,
        processVersion: kase.processVersion,
        coordinatorId: kase.coordinatorId,
      }),
    );
    await queryPrepared(
      tx.manager,
      'workflow.open-step-task',
      `WITH t AS (
         INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, owner_id, status,
                           created_at, version, national_status, given_by, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, 'open', $9, 1, $10, $11, $13) RETURNING id, case_id),
       e AS (INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) SELECT id, case_id, 'created', $11, $9, $12 FROM t)
       ${outboxInsert('$14')}`,
      [taskId, kase.caseId, kase.dossierCode, kase.procedureCode, step.number, step.name, route.agencyCode, step.role, o.at, o.nationalStatus, o.givenBy,
        JSON.stringify({ agencyCode: route.agencyCode, stepNumber: step.number, from: o.from }), stepDeadline(this.calendars.current, o.at, step.budgetHours), (await tx.takeEvents()) ?? '[]'],
    );
    if (step.assignment === 'least_loaded') {
      await this.assignLeastLoaded(tx, { ...kase, taskId, agencyCode: route.agencyCode, role: step.role, stepNumber: step.number, nationalStatus: o.nationalStatus }, {
        sequence: o.sequence + 1,
        at: o.at,
        actorId: 'system',
        previousOwnerId: null,
      });
    }
    return taskId;
  }

  /**
   * Gives an open task to the eligible active officer (other than the one it is taken from) with the fewest open
   * tasks, ties to the first by id; leaves it in the queue when there is none. Returns the new owner.
   */
  async assignLeastLoaded(tx: Transaction, task: OwnedTask, o: { sequence: number; at: Date; actorId: string; previousOwnerId: string | null }): Promise<string | null> {
    const [chosen] = (await tx.manager.query(
      `SELECT o.id FROM officer_role r JOIN officer o ON o.id = r.officer_id
        WHERE r.agency_code = $1 AND r.role = $2 AND o.status = 'active' AND o.id IS DISTINCT FROM $3
        ORDER BY (SELECT count(*) FROM task t WHERE t.owner_id = o.id AND t.status = 'open'), o.id
        LIMIT 1`,
      [task.agencyCode, task.role, o.previousOwnerId],
    )) as { id: string }[];
    if (!chosen) return null;
    await this.changeOwner(tx, task, { ...o, ownerId: chosen.id, change: o.previousOwnerId ? 'reassigned' : 'assigned', details: { automatic: true } });
    return chosen.id;
  }

  /**
   * The one way a task's owner changes (claimed, assigned, reassigned, released): the task, its task event, the
   * case's sequence and the outbox row of `workflow.task.owner-changed` naming the displaced owner, in one statement.
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
    },
  ): Promise<void> {
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
      }),
    );
    // The case's sequence is raised to this event's (callers that reserved it already leave it as it is).
    await queryPrepared(
      tx.manager,
      'workflow.change-owner',
      `WITH t AS (UPDATE task SET owner_id = $2, owned_at = $3, version = version + 1 WHERE id = $1 RETURNING id, case_id),
       e AS (INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details) SELECT id, case_id, $4, $5, $6, $7 FROM t),
       o AS (${outboxInsert('$9')})
       UPDATE dossier_case c SET event_sequence = GREATEST(c.event_sequence, $8), version = c.version + 1 FROM t WHERE c.id = t.case_id`,
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
      ],
    );
  }
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
