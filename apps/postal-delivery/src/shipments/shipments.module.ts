import { Module } from '@nestjs/common';
import { DossierEventsHandler } from './dossier-events.handler';
import { ListShipments } from './list-shipments';
import { PlanResultDelivery } from './plan-result-delivery';
import { ShipmentsController } from './shipments.controller';

/** The public postal channel: pick-up and delivery orders for dossiers and their results. */
@Module({
  controllers: [ShipmentsController, DossierEventsHandler],
  providers: [PlanResultDelivery, ListShipments],
})
export class ShipmentsModule {}
