import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DossierAccepted } from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { OpenCase } from './open-case';

@Controller()
export class DossierIntakeHandler {
  constructor(private readonly openCase: OpenCase) {}

  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() accepted: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.openCase.execute(accepted, ctx.transaction);
  }
}
