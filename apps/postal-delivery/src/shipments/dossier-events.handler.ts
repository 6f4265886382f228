import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DossierAccepted } from '@motcua/contracts';
import { PlanResultDelivery } from './plan-result-delivery';

/** Dossier events from intake that may concern the post. Runs once per message id, in the inbox transaction. */
@Controller()
export class DossierEventsHandler {
  constructor(private readonly planResultDelivery: PlanResultDelivery) {}

  @EventPattern<string>(DossierAccepted.type)
  onAccepted(@Payload() event: DossierAccepted): void {
    this.planResultDelivery.execute(event);
  }
}
