import { Injectable, Logger } from '@nestjs/common';
import type { DossierAccepted } from '@motcua/contracts';
import { needsResultDelivery } from './result-delivery';

/**
 * Use case: a dossier was accepted → note whether its result will need a delivery order. Nothing is recorded
 * yet: delivery orders (address, carrier, fees) come with the shipments issue. The event still passes through
 * the inbox, so a dossier accepted before then is never consumed twice.
 */
@Injectable()
export class PlanResultDelivery {
  private readonly logger = new Logger(PlanResultDelivery.name);

  execute(event: DossierAccepted): void {
    if (!needsResultDelivery(event.returnMethod)) return;
    this.logger.debug(
      { dossierCode: event.dossierCode, returnMethod: event.returnMethod },
      'result to be delivered by post: delivery orders come with the shipments issue',
    );
  }
}
