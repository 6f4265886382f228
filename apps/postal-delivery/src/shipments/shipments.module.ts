import { Module } from '@nestjs/common';
import { DossierEventsHandler } from './dossier-events.handler';
import { PlanResultDelivery } from './plan-result-delivery';

/**
 * The public postal channel: pick-up and delivery orders for dossiers and their results. Today it only follows
 * accepted dossiers; the orders themselves, and their API, come with the shipments issue.
 */
@Module({
  controllers: [DossierEventsHandler],
  providers: [PlanResultDelivery],
})
export class ShipmentsModule {}
