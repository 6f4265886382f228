import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DossierAccepted } from '@motcua/contracts';
import { AmqpContext } from '@motcua/messaging';
import { RecordDossierReceived } from './record-dossier-received';

/** Dossier events from intake that someone must be told about. Runs once per message id (the inbox). */
@Controller()
export class DossierEventsHandler {
  constructor(private readonly recordDossierReceived: RecordDossierReceived) {}

  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() event: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordDossierReceived.execute(event, ctx.getMessage().properties.messageId as string, ctx.transaction);
  }
}
