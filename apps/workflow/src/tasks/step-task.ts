import { Injectable } from '@nestjs/common';
import { stepDeadline, vietnamDate } from '@motcua/calendar';
import { type StepDefinition, resolveStepAgency } from '@motcua/catalogue';
import { TaskCreated, TaskOwnerChanged, event } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { newId } from '@motcua/persistence';
import type { CaseForStep } from '../cases/case';
import { Catalogue } from '../catalogue/catalogue';
import { Calendars } from '../calendar/calendars';
import type { Expected, OwnedTask } from './task';
import { TaskStore } from './task.store';

/** How a step's task comes to be opened. */
export interface OpenStep {
  readonly nationalStatus: number;
  readonly givenBy: string | null;
  readonly sequence: number;
  readonly at: Date;
  readonly from: number | null;
  /** When the step resumes after the applicant's supplement: the round of the request answered. */
  readonly resumedAfterSupplementRound?: number;
  /** …and the appointment as the pause left it. */
  readonly appointmentAt?: Date | null;
  /** Tasks given in this transaction and not written yet, by owner: their load, for an automatic assignment. */
  readonly unwrittenOwners?: ReadonlyMap<string, number>;
}

/** A step's task as its opening statement writes it. */
export interface PreparedStepTask {
  readonly id: string;
  readonly ownerId: string | null;
  /** The task and its events, the jsonb parameter of `TaskStore.insertCtes`. */
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
    private readonly store: TaskStore,
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
    await this.store.open(tx, task.row);
    return task.id;
  }

  /**
   * A step's task ready to be written by the caller's statement (`TaskStore.insertCtes`): its agency resolved for this
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
        ...(o.appointmentAt ? { appointmentAt: o.appointmentAt.toISOString() } : {}),
        agencyName: this.catalogue.agencyName(route.agencyCode),
        coordinatorName: this.catalogue.officerName(kase.coordinatorId),
      }),
    );
    const ownerId = step.assignment === 'least_loaded' ? await this.store.leastLoaded(tx, route.agencyCode, step.role, null, o.unwrittenOwners) : null;
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
   * Gives an open task to the eligible active officer (other than the one it is taken from) with the fewest open
   * tasks, ties to the first by id; leaves it in the queue when there is none (or the one chosen went on leave
   * meanwhile). Returns the new owner.
   */
  async assignLeastLoaded(
    tx: Transaction,
    task: OwnedTask,
    o: { sequence: number; at: Date; actorId: string; previousOwnerId: string | null },
  ): Promise<string | null> {
    const chosen = await this.store.leastLoaded(tx, task.agencyCode, task.role, o.previousOwnerId);
    if (!chosen) return null;
    const changed = await this.changeOwner(tx, task, {
      ...o,
      ownerId: chosen,
      change: o.previousOwnerId ? 'reassigned' : 'assigned',
      details: { automatic: true },
    });
    return changed ? chosen : null;
  }

  /**
   * The one way an open task's owner changes (claimed, assigned, reassigned, released; a task opened on an automatic
   * step is written with its owner by `prepare`): the task, its task event, the case's sequence and the outbox row
   * of `workflow.task.owner-changed` naming the displaced owner, in one statement.
   * With `expected`, a compare-and-set on what the caller decided on (see `TaskStore.changeCtes`): false when that
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
        taskId: task.id,
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
    return this.store.changeOwner(tx, task.id, {
      ownerId: o.ownerId,
      change: o.change,
      actorId: o.actorId,
      at: o.at,
      sequence: o.sequence,
      details: { ownerId: o.ownerId, previousOwnerId: o.previousOwnerId, ...o.details },
      expected: o.expected,
    });
  }
}
