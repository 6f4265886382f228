import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ShipmentCancelled, ShipmentDeliveryFailed, ShipmentHandedOver, ShipmentReturned } from '@motcua/contracts';
import { AmqpContext } from '@motcua/messaging';
import { TellApplicant, deliveryOf } from './tell-applicant';

/**
 * Postal-delivery's news of a result sent by post (Decision 45/2016), for its applicant and, when it comes back, the
 * desk's coordinator. Pick-ups (incoming) are not told: no dossier, so no applicant record, exists yet. Runs once
 * per message id (the inbox); once per fact in `TellApplicant`.
 */
@Controller()
export class ShipmentEventsHandler {
  constructor(private readonly applicant: TellApplicant) {}

  /** The postman took the result: the applicant gets the waybill the result's message promised. */
  @EventPattern<string>(ShipmentHandedOver.type)
  async onHandedOver(@Payload() event: ShipmentHandedOver, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute({ kind: 'shipment', news: { kind: 'handed-over', event } }, [], deliveryOf(ctx), ctx.transaction);
  }

  /** A delivery attempt failed: the applicant hears why, and that the post tries again or brings it back. */
  @EventPattern<string>(ShipmentDeliveryFailed.type)
  async onDeliveryFailed(@Payload() event: ShipmentDeliveryFailed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute({ kind: 'shipment', news: { kind: 'delivery-failed', event } }, [], deliveryOf(ctx), ctx.transaction);
  }

  /** The result came back to the desk: the applicant is asked to collect it, the coordinator to keep and hand it over. */
  @EventPattern<string>(ShipmentReturned.type)
  async onReturned(@Payload() event: ShipmentReturned, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute({ kind: 'shipment', news: { kind: 'returned', event } }, [], deliveryOf(ctx), ctx.transaction);
  }

  /** The carrier refused the result's order: the coordinator hears of it (a cancellation by the desk is no news). */
  @EventPattern<string>(ShipmentCancelled.type)
  async onCancelled(@Payload() event: ShipmentCancelled, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applicant.execute({ kind: 'shipment', news: { kind: 'order-failed', event } }, [], deliveryOf(ctx), ctx.transaction);
  }
}
