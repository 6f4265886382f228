import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@motcua/messaging';
import { RecordShipmentFact } from '../shipments/record-shipment-fact';
import { stateAfterCarrierEvent } from '../shipments/shipment-rules';
import { ShipmentStore } from '../shipments/shipment.store';
import type { CarrierEvent } from './carrier';

/** What became of a carrier event: it moved the shipment, it was kept as history only, it was heard before, or it is about no shipment of ours. */
export type CarrierEventOutcome = 'applied' | 'recorded' | 'duplicate' | 'unknown';

/** Decided on a read that another fact overtook this many times in a row: something is wrong, let the carrier retry. */
const MAX_DECISIONS = 20;

/**
 * Use case: the carrier says something happened to a waybill (a signed callback, or its tracking read by the
 * reconciler). Once per event (its EventId), in order of the carrier's own time, announced with the move. The
 * hottest path of the service: decided on one plain read (which also answers a repeat) and written by one
 * compare-and-set statement, without a transaction (two round trips); when another fact of the same shipment
 * was recorded in between, it is read and decided again. The event may bring the waybill itself, when the
 * carrier's answer to our order was lost.
 */
@Injectable()
export class ApplyCarrierEvent {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ShipmentStore,
    private readonly recordFact: RecordShipmentFact,
  ) {}

  async execute(carrierEvent: CarrierEvent): Promise<CarrierEventOutcome> {
    for (let decision = 1; decision <= MAX_DECISIONS; decision++) {
      const outcome = await this.unitOfWork.runInOneStatement(async (tx) => {
        const shipment = await this.store.forCarrier(carrierEvent.waybill, carrierEvent.orderNumber, carrierEvent.eventId);
        if (!shipment) return 'unknown';
        if (shipment.heard) return 'duplicate';
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
      if (outcome !== 'not_recorded') return outcome;
    }
    throw new Error(`carrier event ${carrierEvent.eventId}: the shipment changed under it ${MAX_DECISIONS} times in a row`);
  }
}
