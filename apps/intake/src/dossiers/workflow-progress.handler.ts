import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AppointmentChanged, CaseClosed, CoordinatorChanged, SupplementRequested, TaskCreated } from '@motcua/contracts';
import { appointmentNote } from './history-notes';
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
      `UPDATE dossier SET coordinator_id = $2, coordinator_name = $4, coordinator_sequence = $3 WHERE code = $1 AND coordinator_sequence < $3`,
      [changed.dossierCode, changed.coordinatorId, changed.sequence, changed.coordinatorName ?? null],
    );
  }

  /**
   * The appointment moved (a pause for a supplement, an extension with an apology): the newest move wins whatever
   * order they come in, the original stays, and the history says why.
   */
  @EventPattern<string>(AppointmentChanged.type)
  async onAppointmentChanged(@Payload() changed: AppointmentChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await ctx.transaction.manager.query(
      `WITH d AS (
         UPDATE dossier SET appointment_at = CASE WHEN appointment_sequence < $3 THEN $4::timestamptz ELSE appointment_at END,
                            appointment_sequence = GREATEST(appointment_sequence, $3), extension_count = GREATEST(extension_count, $5)
          WHERE code = $1 RETURNING id)
       INSERT INTO dossier_status_change (dossier_id, national_status, source, sequence, workflow_sequence, note, occurred_at)
       SELECT id, $2, 'workflow', $3, $3, $6, $7 FROM d
       ON CONFLICT (dossier_id, source, sequence) DO NOTHING`,
      [changed.dossierCode, changed.nationalStatus, changed.sequence, changed.appointmentAt, changed.extension, appointmentNote(changed), changed.occurredAt],
    );
  }
}
