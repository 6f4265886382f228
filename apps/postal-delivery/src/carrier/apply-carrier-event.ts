import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@motcua/messaging';
import { RecordShipmentFact } from '../shipments/record-shipment-fact';
import { stateAfterCarrierEvent } from '../shipments/shipment-rules';
import { ShipmentStore } from '../shipments/shipment.store';
import type { CarrierEvent } from './carrier';

/** What became of a carrier event: it moved the shipment, it was kept as history only, it was heard before, or it is about no shipment of ours. */
export type CarrierEventOutcome = 'applied' | 'recorded' | 'duplicate' | 'unknown';

/**
 * Use case: the carrier says something happened to a waybill (a signed callback, or its tracking read by the
 * reconciler). Once per event (its EventId), in order of the carrier's own time, in one transaction with the
 * announcement. The event may bring the waybill itself, when the carrier's answer to our order was lost.
 */
@Injectable()
export class ApplyCarrierEvent {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ShipmentStore,
    private readonly recordFact: RecordShipmentFact,
  ) {}

  execute(carrierEvent: CarrierEvent): Promise<CarrierEventOutcome> {
    return this.unitOfWork.run(async (tx) => {
      const shipment = await this.store.lockForCarrier(tx.manager, carrierEvent.waybill, carrierEvent.orderNumber);
      if (!shipment) return 'unknown';
      const moveTo = stateAfterCarrierEvent(shipment, carrierEvent.status, carrierEvent.at);
      return this.recordFact.execute(tx, shipment, {
        source: 'carrier',
        carrierEventId: carrierEvent.eventId,
        carrierStatus: carrierEvent.status,
        state: moveTo ?? shipment.state,
        moveTo,
        applied: moveTo !== null,
        occurredAt: carrierEvent.at,
        carrierTime: carrierEvent.at,
        note: carrierEvent.note,
        actorName: 'Bưu điện',
        waybill: shipment.waybill === null ? carrierEvent.waybill : null,
        receivedBy: carrierEvent.receiverName,
        missing: carrierEvent.status === 'PICKUP_INCOMPLETE' ? [...carrierEvent.missingDocuments] : undefined,
      });
    });
  }
}
