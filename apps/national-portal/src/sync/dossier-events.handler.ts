import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { AmqpContext } from '@motcua/messaging';
import type { DossierEventOf } from './dossier-sync';
import { PORTAL_EVENT_TYPES, RecordDossierEvent } from './record-dossier-event';

/** Intake's and workflow's facts the portal must hear of (`PORTAL_EVENT_TYPES`). Each runs once per message id, in the inbox transaction. */
@Controller()
export class DossierEventsHandler {
  constructor(private readonly record: RecordDossierEvent) {}

  @EventPattern([...PORTAL_EVENT_TYPES])
  onDossierEvent(@Payload() event: DossierEventOf['event'], @Ctx() ctx: AmqpContext): Promise<void> {
    return this.record.execute(event, ctx.transaction);
  }
}
