import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import type { IdempotentRequest } from '@motcua/persistence';
import { StepTasks } from './step-task';
import { TaskCommandRunner, changeOwnerAsDecided } from './task-command-runner';

/** Use case: an eligible officer of the task's agency takes it from the queue. */
@Injectable()
export class ClaimTask {
  constructor(
    private readonly commands: TaskCommandRunner,
    private readonly stepTasks: StepTasks,
  ) {}

  execute(taskId: string, expectedVersion: number, caller: Principal, idempotency?: IdempotentRequest) {
    return this.commands.run({ taskId, command: { kind: 'claim' }, expectedVersion, caller, idempotency }, (decided) =>
      changeOwnerAsDecided(this.stepTasks, decided, decided.actorId, 'claimed'),
    );
  }
}
