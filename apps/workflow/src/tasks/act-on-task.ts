import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { CaseClosed, NationalStatus, SupplementRequested, TaskCompleted, event } from '@motcua/contracts';
import type { IdempotentRequest } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { StepTasks } from './step-task';
import { type CommandResult, type DecidedCommand, TaskCommandRunner } from './task-command-runner';
import { type StepAction, type TaskCommand, transition } from './task-rules';
import { TaskStore } from './task.store';

type Act = Extract<TaskCommand, { kind: 'act' }>;

/**
 * Use case: the owner finishes the step with one of the actions it allows (forward, send back with a reason, ask
 * the applicant for a supplement, sign, hand over, refuse, stop). The task is done, the case moves on (the next
 * step's task opens, or it waits for the applicant, or it closes), each told with its event, every one of them
 * carrying the case's next sequence number.
 */
@Injectable()
export class ActOnTask {
  constructor(
    private readonly commands: TaskCommandRunner,
    private readonly stepTasks: StepTasks,
    private readonly store: TaskStore,
    private readonly catalogue: Catalogue,
  ) {}

  execute(taskId: string, command: Omit<Act, 'kind'>, expectedVersion: number, caller: Principal, idempotency?: IdempotentRequest) {
    return this.commands.run({ taskId, command: { kind: 'act', ...command } as Act, expectedVersion, caller, idempotency }, (decided) => this.act(decided));
  }

  private async act({ tx, task, command, actorId, expected, now }: DecidedCommand<Act>): Promise<CommandResult | null> {
    const action = command.action as StepAction; // one the step allows: the rules checked it
    const note = command.note ?? null;
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
          missing: (command.missing ?? []).map(({ code, name }) => ({ ...(code ? { code } : {}), name })),
          round: task.supplementRounds + 1,
          coordinatorId: task.coordinatorId,
          agencyName: this.catalogue.agencyName(task.agencyCode),
          requestedByName: this.catalogue.officerName(actorId),
          coordinatorName: this.catalogue.officerName(task.coordinatorId),
        }),
      );
    }
    const opened =
      nextStep &&
      (await this.stepTasks.prepare(tx, task, nextStep, {
        nationalStatus: next.nationalStatus,
        givenBy: actorId,
        sequence: nextSequence,
        at: now,
        from: task.stepNumber,
      }));
    const changed = await this.store.complete(
      tx,
      task.id,
      {
        action,
        note,
        actorId,
        at: now,
        sequence: completedSequence + (nextStep ? StepTasks.sequencesFor(nextStep) : 1),
        caseStatus: next.kind === 'closed' ? 'closed' : next.kind === 'waiting' ? 'awaiting_supplement' : 'in_progress',
        currentStep: nextStep?.number ?? null,
        moved: next.kind === 'step',
        signedStep: next.kind === 'step' ? next.signedStep : null,
        outcome: next.kind === 'closed' ? next.outcome : null,
        asksForSupplement: next.kind === 'waiting',
        processed: next.nationalStatus === NationalStatus.Processed || (next.kind === 'closed' && next.outcome === 'returned'),
        next: opened ? { row: opened.row, ownerId: opened.ownerId } : null,
      },
      expected,
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
