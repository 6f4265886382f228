import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import type { IdempotentRequest } from '@motcua/persistence';
import { StepTasks } from './step-task';
import { TaskCommandRunner, changeOwnerAsDecided } from './task-command-runner';

/** Use case: the head of the agency gives the task to an eligible officer (reassigns it, when it has an owner). */
@Injectable()
export class AssignTask {
  constructor(
    private readonly commands: TaskCommandRunner,
    private readonly stepTasks: StepTasks,
  ) {}

  execute(taskId: string, officerId: string, expectedVersion: number, caller: Principal, idempotency?: IdempotentRequest) {
    return this.commands.run({ taskId, command: { kind: 'assign', officerId }, expectedVersion, caller, idempotency }, (decided) =>
      changeOwnerAsDecided(this.stepTasks, decided, officerId, decided.task.ownerId ? 'reassigned' : 'assigned'),
    );
  }
}
