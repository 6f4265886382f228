import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DossierAccepted, DossierSupplemented } from '@motcua/contracts';
import type { AmqpContext } from '@motcua/messaging';
import { OpenCase } from './open-case';
import { ResumeCase } from './resume-case';

@Controller()
export class DossierIntakeHandler {
  constructor(
    private readonly openCase: OpenCase,
    private readonly resumeCase: ResumeCase,
  ) {}

  @EventPattern<string>(DossierAccepted.type)
  async onAccepted(@Payload() accepted: DossierAccepted, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.openCase.execute(accepted, ctx.transaction);
  }

  @EventPattern<string>(DossierSupplemented.type)
  async onSupplemented(@Payload() supplemented: DossierSupplemented, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.resumeCase.execute(supplemented, ctx.transaction);
  }
}
