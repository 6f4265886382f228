import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseOpened, TaskCreated } from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { ApplyWorkflowProgress } from './apply-workflow-progress';

/** Workflow's facts about a dossier, applied to the public record. */
@Controller()
export class WorkflowProgressHandler {
  constructor(private readonly applyProgress: ApplyWorkflowProgress) {}

  @EventPattern<string>(CaseOpened.type)
  async onCaseOpened(@Payload() opened: CaseOpened, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(opened, ctx.transaction);
  }

  @EventPattern<string>(TaskCreated.type)
  async onTaskCreated(@Payload() created: TaskCreated, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(created, ctx.transaction);
  }
}
