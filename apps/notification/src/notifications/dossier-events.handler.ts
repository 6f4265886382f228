import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseClosed, DeadlineOverdue, DossierAccepted, SupplementRequested, TaskCompleted, TaskOwnerChanged } from '@motcua/contracts';
import { AmqpContext } from '@motcua/messaging';
import { coordinatorMilestoneNotification } from './coordinator-milestone';
import { dossierReceivedNotification } from './dossier-received';
import type { NotificationDraft } from './notification-draft';
import { ownerDisplacedNotification } from './owner-displaced';
import { RecordNotifications } from './record-notification';
import { taskEndedByWithdrawalNotification } from './task-ended';

/** Dossier events from intake and workflow that someone must be told about. Runs once per message id (the inbox). */
@Controller()
export class DossierEventsHandler {
  constructor(private readonly notifications: RecordNotifications) {}

  /** The desk accepted a dossier: the applicant is told it was received. */
  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() event: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, dossierReceivedNotification(event));
  }

  /** A task was given to another or put back in the queue: its displaced owner is told at once. */
  @EventPattern<string>(TaskOwnerChanged.type)
  async onOwnerChanged(@Payload() event: TaskOwnerChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, ownerDisplacedNotification(event));
  }

  /** Processing ended: the coordinator is told; on a withdrawal, so is the officer who had the open step. */
  @EventPattern<string>(CaseClosed.type)
  async onCaseClosed(@Payload() event: CaseClosed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, taskEndedByWithdrawalNotification(event), coordinatorMilestoneNotification({ kind: 'closed', event }));
  }

  /** The applicant is asked for a supplement, through the coordinator. */
  @EventPattern<string>(SupplementRequested.type)
  async onSupplementRequested(@Payload() event: SupplementRequested, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, coordinatorMilestoneNotification({ kind: 'supplement', event }));
  }

  /** A step finished: the coordinator hears of a signed result (the others are the slip's). */
  @EventPattern<string>(TaskCompleted.type)
  async onTaskCompleted(@Payload() event: TaskCompleted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, coordinatorMilestoneNotification({ kind: 'completed', event }));
  }

  /** A deadline passed: the coordinator answers to the applicant for it. */
  @EventPattern<string>(DeadlineOverdue.type)
  async onOverdue(@Payload() event: DeadlineOverdue, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, coordinatorMilestoneNotification({ kind: 'overdue', event }));
  }

  private tell(ctx: AmqpContext, ...drafts: (NotificationDraft | null)[]): Promise<void> {
    return this.notifications.execute(drafts, ctx.getMessage().properties.messageId as string, ctx.transaction);
  }
}
