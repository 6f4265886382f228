import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ShipmentCancelled, ShipmentDelivered, ShipmentDeliveryFailed, ShipmentHandedOver, ShipmentReturned } from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { RecordPostalFact } from './record-postal-fact';

/** The post's news of results sent to applicants (outgoing shipments): each a fact in the case's history. */
@Controller()
export class PostalDeliveryHandler {
  constructor(private readonly recordPostalFact: RecordPostalFact) {}

  @EventPattern<string>(ShipmentHandedOver.type)
  async onHandedOver(@Payload() e: ShipmentHandedOver, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordPostalFact.execute({ ...e, kind: 'handed_over', actorId: e.actorId, actorName: e.actorName ?? null }, ctx.transaction);
  }

  @EventPattern<string>(ShipmentDelivered.type)
  async onDelivered(@Payload() e: ShipmentDelivered, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordPostalFact.execute({ ...e, kind: 'delivered', receivedBy: e.receivedBy }, ctx.transaction);
  }

  @EventPattern<string>(ShipmentDeliveryFailed.type)
  async onDeliveryFailed(@Payload() e: ShipmentDeliveryFailed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordPostalFact.execute({ ...e, kind: 'delivery_failed', reason: e.reason }, ctx.transaction);
  }

  @EventPattern<string>(ShipmentReturned.type)
  async onReturned(@Payload() e: ShipmentReturned, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordPostalFact.execute({ ...e, kind: 'returned', reason: e.reason }, ctx.transaction);
  }

  @EventPattern<string>(ShipmentCancelled.type)
  async onCancelled(@Payload() e: ShipmentCancelled, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.recordPostalFact.execute({ ...e, kind: 'cancelled', reason: e.reason }, ctx.transaction);
  }
}
