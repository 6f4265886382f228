import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import type { IdempotentRequest } from '@motcua/persistence';
import { StepTasks } from './step-task';
import { TaskCommandRunner, changeOwnerAsDecided } from './task-command-runner';

/** Use case: the owner (or the head of the agency) puts the task back in the agency's queue. */
@Injectable()
export class ReleaseTask {
  constructor(
    private readonly commands: TaskCommandRunner,
    private readonly stepTasks: StepTasks,
  ) {}

  execute(taskId: string, expectedVersion: number, caller: Principal, idempotency?: IdempotentRequest) {
    return this.commands.run({ taskId, command: { kind: 'release' }, expectedVersion, caller, idempotency }, (decided) =>
      changeOwnerAsDecided(this.stepTasks, decided, null, 'released'),
    );
  }
}
