import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ShipmentCancelled, ShipmentCreated, ShipmentDelivered, ShipmentDeliveryFailed, ShipmentHandedOver, ShipmentReturned } from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { ApplyShipmentProgress } from './apply-shipment-progress';

/** The post's facts about a result on its way to the applicant, applied to the public record's postal state. */
@Controller()
export class PostalShipmentHandler {
  constructor(private readonly applyProgress: ApplyShipmentProgress) {}

  @EventPattern<string>(ShipmentCreated.type)
  async onCreated(@Payload() created: ShipmentCreated, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(created, ctx.transaction);
  }

  @EventPattern<string>(ShipmentHandedOver.type)
  async onHandedOver(@Payload() handedOver: ShipmentHandedOver, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(handedOver, ctx.transaction);
  }

  /** Delivered: the state says so; the status (10) follows when workflow closes the case. */
  @EventPattern<string>(ShipmentDelivered.type)
  async onDelivered(@Payload() delivered: ShipmentDelivered, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(delivered, ctx.transaction);
  }

  @EventPattern<string>(ShipmentDeliveryFailed.type)
  async onDeliveryFailed(@Payload() failed: ShipmentDeliveryFailed, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(failed, ctx.transaction);
  }

  @EventPattern<string>(ShipmentReturned.type)
  async onReturned(@Payload() returned: ShipmentReturned, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(returned, ctx.transaction);
  }

  @EventPattern<string>(ShipmentCancelled.type)
  async onCancelled(@Payload() cancelled: ShipmentCancelled, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.applyProgress.execute(cancelled, ctx.transaction);
  }
}
