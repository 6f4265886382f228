import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CoordinatorChanged, DossierAccepted, TaskCompleted } from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { ReceivePickup } from '../pickups/receive-pickup';
import { ShipResult } from './ship-result';

/** Intake's and workflow's facts that concern the post. Each runs once per message id, in the inbox transaction. */
@Controller()
export class DossierEventsHandler {
  constructor(
    private readonly shipResult: ShipResult,
    private readonly receivePickup: ReceivePickup,
  ) {}

  /** Accepted: where its result goes, if by post; and a dossier the post collected closes its pick-up. */
  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() accepted: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.shipResult.plan(accepted, ctx.transaction);
    await this.receivePickup.execute(accepted, ctx.transaction);
  }

  /** Another coordinator answers for the dossier: they see its shipments. */
  @EventPattern<string>(CoordinatorChanged.type)
  async onCoordinatorChanged(@Payload() changed: CoordinatorChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.shipResult.coordinatorChanged(changed, ctx.transaction);
  }

  /** The result signed: it goes out by post if the applicant asked for it. */
  @EventPattern<string>(TaskCompleted.type)
  async onTaskCompleted(@Payload() completed: TaskCompleted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.shipResult.ship(completed, ctx.transaction);
  }
}
