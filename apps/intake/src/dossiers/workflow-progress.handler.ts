import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseClosed, TaskCreated } from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { ApplyWorkflowProgress } from './apply-workflow-progress';

/**
 * Workflow's facts about a dossier, applied to the public record. Every step of processing starts with a task,
 * and the task event carries the national status, the step and the pinned process version.
 */
@Controller()
export class WorkflowProgressHandler {
  constructor(private readonly applyProgress: ApplyWorkflowProgress) {}

  @EventPattern<string>(TaskCreated.type)
  async onTaskCreated(@Payload() created: TaskCreated, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(created, ctx.transaction);
  }

  /** Processing ended: the result was handed over (10). */
  @EventPattern<string>(CaseClosed.type)
  async onCaseClosed(@Payload() closed: CaseClosed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(closed, ctx.transaction);
  }
}
