import { Injectable } from '@nestjs/common';
import { type Principal, canActForAgency } from '@motcua/auth';
import type { StepDefinition } from '@motcua/catalogue';
import { type Transaction, UnitOfWork } from '@motcua/messaging';
import { Refusal } from '@motcua/errors';
import { type CommandResponse, type IdempotentRequest, runIdempotent } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import { rolesInForce } from '../staff/oversight';
import type { Expected, TaskInCase } from './task';
import { type TaskCommand, decide, taskNotFound } from './task-rules';
import { StepTasks } from './step-task';
import { TaskStore } from './task.store';
import type { CommandResult } from './task.view';

/** What a task command answers (documented as `TaskCommandResult`). */
export type { CommandResult };

/** A command on a task as the runner hands it to its use case, once decided: what to write, and on what. */
export interface DecidedCommand<C extends TaskCommand> {
  readonly tx: Transaction;
  readonly task: TaskInCase & { readonly steps: readonly StepDefinition[] };
  readonly command: C;
  readonly actorId: string;
  readonly expected: Expected;
  readonly now: Date;
}

/** A use case's write: null when the task or its case changed since it was read (then read and decided again). */
export type TaskWrite<C extends TaskCommand> = (decided: DecidedCommand<C>) => Promise<CommandResult | null>;

const stale = () =>
  new Refusal('TASK.VERSION_CONFLICT', 'the dossier kept changing while the command ran: reload it', [
    { field: 'version', code: 'TASK.VERSION_CONFLICT', message: 'reload the task' },
  ]);

/** How many times a command is decided, at most, when its dossier keeps changing but its task does not (a deadline mark, say). */
const ATTEMPTS = 3;

/**
 * What every command on a task (claim, assign, release, act, extend) does around its own write: read the task and
 * its case, hide it from whoever may not see it, let the pure rules decide with the caller's roles in force, then
 * write — the use case's single statement, which holds only if the task and its case are still as read
 * (compare-and-set: a stale or concurrent command gets 409 and changes nothing). Without an Idempotency-Key that
 * statement is the whole of the command (no explicit transaction: two round trips, three into a step that assigns
 * the least-loaded officer); with one, it runs in the transaction that remembers the response.
 */
@Injectable()
export class TaskCommandRunner {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: TaskStore,
    private readonly catalogue: Catalogue,
  ) {}

  run<C extends TaskCommand>(
    request: { taskId: string; command: C; expectedVersion: number; caller: Principal; idempotency?: IdempotentRequest },
    write: TaskWrite<C>,
  ): Promise<CommandResponse<CommandResult> & { replayed: boolean }> {
    const run = async (tx: Transaction) => ({ status: 200, body: await this.decideAndWrite(tx, request, write) });
    return request.idempotency
      ? this.unitOfWork.run((tx) => runIdempotent(tx.manager, request.idempotency, () => run(tx)))
      : this.unitOfWork.runInOneStatement(async (tx) => ({ ...(await run(tx)), replayed: false }));
  }

  private async decideAndWrite<C extends TaskCommand>(
    tx: Transaction,
    { taskId, command, expectedVersion, caller }: { taskId: string; command: C; expectedVersion: number; caller: Principal },
    write: TaskWrite<C>,
  ): Promise<CommandResult> {
    const assigneeId = command.kind === 'assign' ? command.officerId : null;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const read = await this.store.forCommand(tx, taskId, caller.subject, assigneeId);
      const officers = new Map(read?.officers.map((o) => [o.id, o]));
      const recorded = officers.get(caller.subject);
      // Whether the task exists is not for anyone but the officers of its agency (their token and the record say so) to know.
      if (!read || caller.kind !== 'officer' || !canActForAgency(caller, read.agencyCode) || !recorded?.rolesAtAgency.length) throw taskNotFound(taskId);
      // the caller acts with the roles their token and the organisation's record both give them at the task's agency
      const actor = { ...recorded, rolesAtAgency: rolesInForce(caller, read.agencyCode, recorded.rolesAtAgency) };
      // the case's pinned process, from the catalogue's memory (a published version never changes)
      const steps = await this.catalogue.processSteps(tx.manager, read.procedureCode, read.processVersion);
      const task = { ...read, steps };
      const refusal = decide(
        task,
        command,
        expectedVersion,
        actor,
        steps[task.stepNumber - 1]?.actions ?? [],
        assigneeId ? officers.get(assigneeId) : undefined,
      );
      if (refusal) throw refusal;
      const expected = { taskVersion: task.version, caseVersion: task.caseVersion, caseSequence: task.eventSequence };
      const result = await write({ tx, task, command, actorId: caller.subject, expected, now: new Date() });
      // null: the task or its case changed since it was read; read again (a changed task is then a 409)
      if (result) return result;
    }
    throw stale();
  }
}

/** The owner change a claim, an assignment or a release writes, as decided: the task's new owner (null: back in the queue). */
export async function changeOwnerAsDecided(
  stepTasks: StepTasks,
  { tx, task, actorId, expected, now }: DecidedCommand<TaskCommand>,
  ownerId: string | null,
  change: 'claimed' | 'assigned' | 'reassigned' | 'released',
): Promise<CommandResult | null> {
  const changed = await stepTasks.changeOwner(tx, task, {
    ownerId,
    previousOwnerId: task.ownerId,
    change,
    actorId,
    sequence: task.eventSequence + 1,
    at: now,
    expected,
  });
  return changed ? { taskId: task.id, version: task.version + 1, ownerId, status: 'open', nextTaskId: null, nationalStatus: task.nationalStatus } : null;
}
