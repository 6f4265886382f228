import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseClosed, DossierAccepted, TaskOwnerChanged } from '@motcua/contracts';
import { AmqpContext } from '@motcua/messaging';
import { RecordDossierReceived, RecordOwnerDisplaced, RecordTaskEndedByWithdrawal } from './record-notification';

/** Dossier events from intake and workflow that someone must be told about. Runs once per message id (the inbox). */
@Controller()
export class DossierEventsHandler {
  constructor(
    private readonly recordDossierReceived: RecordDossierReceived,
    private readonly recordOwnerDisplaced: RecordOwnerDisplaced,
    private readonly recordTaskEndedByWithdrawal: RecordTaskEndedByWithdrawal,
  ) {}

  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() event: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordDossierReceived.execute(event, ctx.getMessage().properties.messageId as string, ctx.transaction);
  }

  /** A task was given to another or put back in the queue: its displaced owner is told at once. */
  @EventPattern<string>(TaskOwnerChanged.type)
  async onOwnerChanged(@Payload() event: TaskOwnerChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordOwnerDisplaced.execute(event, ctx.getMessage().properties.messageId as string, ctx.transaction);
  }

  /** Processing ended: on a withdrawal, the officer who had the open step is told it ended. */
  @EventPattern<string>(CaseClosed.type)
  async onCaseClosed(@Payload() event: CaseClosed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordTaskEndedByWithdrawal.execute(event, ctx.getMessage().properties.messageId as string, ctx.transaction);
  }
}
