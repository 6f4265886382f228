import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AppointmentChanged, CaseClosed, CoordinatorChanged, SupplementRequested, TaskCreated } from '@motcua/contracts';
import { appointmentNote } from './history-notes';
import type { AmqpContext } from '@motcua/messaging';
import { ApplyWorkflowProgress } from './apply-workflow-progress';
import { DossierStore } from './dossier.store';

/**
 * Workflow's facts about a dossier, applied to the public record. Every step of processing starts with a task,
 * and the task event carries the national status, the step and the pinned process version.
 */
@Controller()
export class WorkflowProgressHandler {
  constructor(
    private readonly applyProgress: ApplyWorkflowProgress,
    private readonly store: DossierStore,
  ) {}

  @EventPattern<string>(TaskCreated.type)
  onTaskCreated(@Payload() created: TaskCreated, @Ctx() ctx: AmqpContext): void {
    this.applyProgress.execute(created, ctx.transaction);
  }

  /** The competent body asks the applicant for documents (5): the record shows what and why. */
  @EventPattern<string>(SupplementRequested.type)
  onSupplementRequested(@Payload() requested: SupplementRequested, @Ctx() ctx: AmqpContext): void {
    this.applyProgress.execute(requested, ctx.transaction);
  }

  /** Processing ended: returned (10), stopped (8) or withdrawn (7). */
  @EventPattern<string>(CaseClosed.type)
  onCaseClosed(@Payload() closed: CaseClosed, @Ctx() ctx: AmqpContext): void {
    this.applyProgress.execute(closed, ctx.transaction);
  }

  /** The head of the desk gave the dossier another coordinator: the newest change wins, whatever order they come in. */
  @EventPattern<string>(CoordinatorChanged.type)
  async onCoordinatorChanged(@Payload() changed: CoordinatorChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.store.changeCoordinator(ctx.transaction.manager, {
      dossierCode: changed.dossierCode,
      coordinatorId: changed.coordinatorId,
      coordinatorName: changed.coordinatorName ?? null,
      sequence: changed.sequence,
    });
  }

  /**
   * The appointment moved (a pause for a supplement, an extension with an apology): the newest move wins whatever
   * order they come in, the original stays, and the history says why.
   */
  @EventPattern<string>(AppointmentChanged.type)
  async onAppointmentChanged(@Payload() changed: AppointmentChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.store.moveAppointment(ctx.transaction.manager, {
      dossierCode: changed.dossierCode,
      nationalStatus: changed.nationalStatus,
      sequence: changed.sequence,
      appointmentAt: changed.appointmentAt,
      extensionCount: changed.extension,
      note: appointmentNote(changed),
      occurredAt: changed.occurredAt,
    });
  }
}
