import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CaseClosed,
  DeadlineDueSoon,
  DeadlineOverdue,
  DossierAccepted,
  type DossierEvent,
  type EventClass,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
  TaskOwnerChanged,
} from '@motcua/contracts';
import { AmqpContext } from '@motcua/messaging';
import { subscribedEvent } from '../webhooks/webhook-events';
import { coordinatorMilestoneNotification } from './coordinator-milestone';
import { dossierReceivedNotification } from './dossier-received';
import type { NotificationDraft } from './notification-draft';
import { ownerDisplacedNotification } from './owner-displaced';
import { RecordNotifications } from './record-notification';
import { taskEndedByWithdrawalNotification } from './task-ended';

/**
 * Dossier events from intake and workflow that someone must be told about, and those offered to the agencies'
 * webhook subscribers (webhook-events.ts). Runs once per message id (the inbox).
 */
@Controller()
export class DossierEventsHandler {
  constructor(private readonly notifications: RecordNotifications) {}

  /** The desk accepted a dossier: the applicant is told it was received. */
  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() event: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, DossierAccepted, event, dossierReceivedNotification(event));
  }

  /** A step's task waits in an agency's queue: only its subscribers are told (the officers see their queue). */
  @EventPattern<string>(TaskCreated.type)
  async onTaskCreated(@Payload() event: TaskCreated, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, TaskCreated, event);
  }

  /** A task was given to another or put back in the queue: its displaced owner is told at once. */
  @EventPattern<string>(TaskOwnerChanged.type)
  async onOwnerChanged(@Payload() event: TaskOwnerChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, TaskOwnerChanged, event, ownerDisplacedNotification(event));
  }

  /** Processing ended: the coordinator is told; on a withdrawal, so is the officer who had the open step. */
  @EventPattern<string>(CaseClosed.type)
  async onCaseClosed(@Payload() event: CaseClosed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, CaseClosed, event, taskEndedByWithdrawalNotification(event), coordinatorMilestoneNotification({ kind: 'closed', event }));
  }

  /** The applicant is asked for a supplement, through the coordinator. */
  @EventPattern<string>(SupplementRequested.type)
  async onSupplementRequested(@Payload() event: SupplementRequested, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, SupplementRequested, event, coordinatorMilestoneNotification({ kind: 'supplement', event }));
  }

  /** A step finished: the coordinator hears of a signed result (the others are the slip's). */
  @EventPattern<string>(TaskCompleted.type)
  async onTaskCompleted(@Payload() event: TaskCompleted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, TaskCompleted, event, coordinatorMilestoneNotification({ kind: 'completed', event }));
  }

  /** A deadline is near: only the agency's subscribers are told (the officers see it on their queue). */
  @EventPattern<string>(DeadlineDueSoon.type)
  async onDueSoon(@Payload() event: DeadlineDueSoon, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, DeadlineDueSoon, event);
  }

  /** A deadline passed: the coordinator answers to the applicant for it. */
  @EventPattern<string>(DeadlineOverdue.type)
  async onOverdue(@Payload() event: DeadlineOverdue, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.tell(ctx, DeadlineOverdue, event, coordinatorMilestoneNotification({ kind: 'overdue', event }));
  }

  private tell<T extends DossierEvent>(ctx: AmqpContext, cls: EventClass<T>, event: T, ...drafts: (NotificationDraft | null)[]): Promise<void> {
    return this.notifications.execute(drafts, ctx.getMessage().properties.messageId as string, ctx.transaction, subscribedEvent(cls.type, event));
  }
}
