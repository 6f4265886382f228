import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseClosed, DeadlineOverdue, DossierAccepted, SupplementRequested, TaskCompleted, TaskOwnerChanged } from '@motcua/contracts';
import { AmqpContext } from '@motcua/messaging';
import { RecordCoordinatorMilestone, RecordDossierReceived, RecordOwnerDisplaced, RecordTaskEndedByWithdrawal } from './record-notification';

/** Dossier events from intake and workflow that someone must be told about. Runs once per message id (the inbox). */
@Controller()
export class DossierEventsHandler {
  constructor(
    private readonly recordDossierReceived: RecordDossierReceived,
    private readonly recordOwnerDisplaced: RecordOwnerDisplaced,
    private readonly recordTaskEndedByWithdrawal: RecordTaskEndedByWithdrawal,
    private readonly recordMilestone: RecordCoordinatorMilestone,
  ) {}

  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() event: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordDossierReceived.execute(event, messageIdOf(ctx), ctx.transaction);
  }

  /** A task was given to another or put back in the queue: its displaced owner is told at once. */
  @EventPattern<string>(TaskOwnerChanged.type)
  async onOwnerChanged(@Payload() event: TaskOwnerChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordOwnerDisplaced.execute(event, messageIdOf(ctx), ctx.transaction);
  }

  /** Processing ended: the coordinator is told; on a withdrawal, so is the officer who had the open step. */
  @EventPattern<string>(CaseClosed.type)
  async onCaseClosed(@Payload() event: CaseClosed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordTaskEndedByWithdrawal.execute(event, messageIdOf(ctx), ctx.transaction);
    await this.recordMilestone.execute({ kind: 'closed', event }, messageIdOf(ctx), ctx.transaction);
  }

  /** The applicant is asked for a supplement, through the coordinator. */
  @EventPattern<string>(SupplementRequested.type)
  async onSupplementRequested(@Payload() event: SupplementRequested, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordMilestone.execute({ kind: 'supplement', event }, messageIdOf(ctx), ctx.transaction);
  }

  /** A step finished: the coordinator hears of a signed result (the others are the slip's). */
  @EventPattern<string>(TaskCompleted.type)
  async onTaskCompleted(@Payload() event: TaskCompleted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordMilestone.execute({ kind: 'completed', event }, messageIdOf(ctx), ctx.transaction);
  }

  /** A deadline passed: the coordinator answers to the applicant for it. */
  @EventPattern<string>(DeadlineOverdue.type)
  async onOverdue(@Payload() event: DeadlineOverdue, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordMilestone.execute({ kind: 'overdue', event }, messageIdOf(ctx), ctx.transaction);
  }
}

const messageIdOf = (ctx: AmqpContext) => ctx.getMessage().properties.messageId as string;
