import { Module } from '@nestjs/common';
import { IntakeLookup } from '@motcua/auth';
import { ApplyCarrierEvent } from '../carrier/apply-carrier-event';
import { Carrier } from '../carrier/carrier';
import { CarrierCallbacksController } from '../carrier/carrier-callbacks.controller';
import { PlaceCarrierOrders } from '../carrier/place-carrier-orders';
import { ReconcileShipments } from '../carrier/reconcile-shipments';
import { VnpostCarrier } from '../carrier/vnpost-carrier';
import { PickupsController } from '../pickups/pickups.controller';
import { ReceivePickup } from '../pickups/receive-pickup';
import { RequestPickup } from '../pickups/request-pickup';
import { CancelShipment } from './cancel-shipment';
import { DossierEventsHandler } from './dossier-events.handler';
import { HandOverResult } from './hand-over-result';
import { RecordShipmentFact } from './record-shipment-fact';
import { ShipResult } from './ship-result';
import { ShipmentParties } from './shipment-parties';
import { ShipmentQueries } from './shipment.queries';
import { ShipmentStore } from './shipment.store';
import { ShipmentsController } from './shipments.controller';

/**
 * The public postal channel: results delivered to applicants and dossiers collected for the desk, each a shipment
 * with its carrier order, its history and its announcements; the carrier behind its adapter.
 */
@Module({
  controllers: [DossierEventsHandler, ShipmentsController, PickupsController, CarrierCallbacksController],
  providers: [
    ShipmentStore,
    ShipmentQueries,
    ShipmentParties,
    RecordShipmentFact,
    ShipResult,
    HandOverResult,
    CancelShipment,
    RequestPickup,
    ReceivePickup,
    ApplyCarrierEvent,
    PlaceCarrierOrders,
    ReconcileShipments,
    IntakeLookup,
    { provide: Carrier, useClass: VnpostCarrier },
  ],
  exports: [PlaceCarrierOrders, ReconcileShipments],
})
export class ShipmentsModule {}
