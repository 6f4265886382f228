import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AppointmentChanged,
  CaseClosed,
  CoordinatorChanged,
  DeadlineDueSoon,
  DeadlineOverdue,
  DossierAccepted,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
  TaskOwnerChanged,
} from '@motcua/contracts';
import { AmqpContext } from '@motcua/messaging';
import { subscribedEvent } from '../webhooks/webhook-events';
import { coordinatorMilestoneNotification } from './coordinator-milestone';
import { ownerDisplacedNotification } from './owner-displaced';
import { RecordNotifications } from './record-notification';
import { taskEndedByWithdrawalNotification } from './task-ended';
import { TellApplicant, deliveryOf } from './tell-applicant';

/**
 * Dossier events from intake and workflow that someone must be told about: the applicant (`TellApplicant`),
 * officers, and the agencies' webhook subscribers for the events offered to them (webhook-events.ts). Runs once per
 * message id (the inbox).
 */
@Controller()
export class DossierEventsHandler {
  constructor(
    private readonly notifications: RecordNotifications,
    private readonly applicant: TellApplicant,
  ) {}

  /** The desk accepted a dossier: the applicant's record starts, and they are told it was received. */
  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() event: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute({ kind: 'accepted', event }, [], deliveryOf(ctx), ctx.transaction, subscribedEvent(DossierAccepted.type, event));
  }

  /** A task opened: the one of the step resumed after a supplement tells the applicant processing goes on. */
  @EventPattern<string>(TaskCreated.type)
  async onTaskCreated(@Payload() event: TaskCreated, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute({ kind: 'task-created', event }, [], deliveryOf(ctx), ctx.transaction, subscribedEvent(TaskCreated.type, event));
  }

  /** A task was given to another or put back in the queue: its displaced owner is told at once. */
  @EventPattern<string>(TaskOwnerChanged.type)
  async onOwnerChanged(@Payload() event: TaskOwnerChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.notifications.execute(
      [ownerDisplacedNotification(event)],
      deliveryOf(ctx).messageId,
      ctx.transaction,
      subscribedEvent(TaskOwnerChanged.type, event),
    );
  }

  /** Processing ended: the applicant and the coordinator are told; on a withdrawal, so is the officer who had the open step. */
  @EventPattern<string>(CaseClosed.type)
  async onCaseClosed(@Payload() event: CaseClosed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute(
      { kind: 'case-closed', event },
      [taskEndedByWithdrawalNotification(event), coordinatorMilestoneNotification({ kind: 'closed', event })],
      deliveryOf(ctx),
      ctx.transaction,
    );
  }

  /** The applicant is asked for a supplement, and the coordinator hears of it. */
  @EventPattern<string>(SupplementRequested.type)
  async onSupplementRequested(@Payload() event: SupplementRequested, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute(
      { kind: 'supplement-requested', event },
      [coordinatorMilestoneNotification({ kind: 'supplement', event })],
      deliveryOf(ctx),
      ctx.transaction,
      subscribedEvent(SupplementRequested.type, event),
    );
  }

  /** A step finished: the applicant hears of a result ready; the coordinator of a signed one (the others are the slip's). */
  @EventPattern<string>(TaskCompleted.type)
  async onTaskCompleted(@Payload() event: TaskCompleted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute(
      { kind: 'task-completed', event },
      [coordinatorMilestoneNotification({ kind: 'completed', event })],
      deliveryOf(ctx),
      ctx.transaction,
      subscribedEvent(TaskCompleted.type, event),
    );
  }

  /** The appointment moved: kept for later messages; an extension is told to the applicant with an apology. */
  @EventPattern<string>(AppointmentChanged.type)
  async onAppointmentChanged(@Payload() event: AppointmentChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute({ kind: 'appointment-changed', event }, [], deliveryOf(ctx), ctx.transaction);
  }

  /** The dossier has another coordinator: the one the applicant is told to contact from now on. */
  @EventPattern<string>(CoordinatorChanged.type)
  async onCoordinatorChanged(@Payload() event: CoordinatorChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute({ kind: 'coordinator-changed', event }, [], deliveryOf(ctx), ctx.transaction);
  }

  /** A deadline is near: only the agency's subscribers are told (the officers see it on their queue). */
  @EventPattern<string>(DeadlineDueSoon.type)
  async onDueSoon(@Payload() event: DeadlineDueSoon, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.notifications.execute([], deliveryOf(ctx).messageId, ctx.transaction, subscribedEvent(DeadlineDueSoon.type, event));
  }

  /** A deadline passed: the coordinator answers to the applicant for it; the applicant hears of a missed appointment. */
  @EventPattern<string>(DeadlineOverdue.type)
  async onOverdue(@Payload() event: DeadlineOverdue, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute(
      { kind: 'overdue', event },
      [coordinatorMilestoneNotification({ kind: 'overdue', event })],
      deliveryOf(ctx),
      ctx.transaction,
      subscribedEvent(DeadlineOverdue.type, event),
    );
  }
}
