import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseClosed, CoordinatorChanged, SupplementRequested, TaskCreated } from '@motcua/contracts';
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

  /** The competent body asks the applicant for documents (5): the record shows what and why. */
  @EventPattern<string>(SupplementRequested.type)
  async onSupplementRequested(@Payload() requested: SupplementRequested, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(requested, ctx.transaction);
  }

  /** Processing ended: returned (10), stopped (8) or withdrawn (7). */
  @EventPattern<string>(CaseClosed.type)
  async onCaseClosed(@Payload() closed: CaseClosed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(closed, ctx.transaction);
  }

  /** The head of the desk gave the dossier another coordinator: the newest change wins, whatever order they come in. */
  @EventPattern<string>(CoordinatorChanged.type)
  async onCoordinatorChanged(@Payload() changed: CoordinatorChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await ctx.transaction.manager.query(
      `UPDATE dossier SET coordinator_id = $2, coordinator_sequence = $3 WHERE code = $1 AND coordinator_sequence < $3`,
      [changed.dossierCode, changed.coordinatorId, changed.sequence],
    );
  }
}
