import { Injectable, Logger } from '@nestjs/common';
import type { DossierAccepted, ShipmentState } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { RecordShipmentFact } from '../shipments/record-shipment-fact';
import { ShipmentStore } from '../shipments/shipment.store';

/** A pick-up the post collected (or is bringing): once received, cancelled or left incomplete it is closed for good. */
const RECEIVABLE: ReadonlySet<ShipmentState> = new Set<ShipmentState>(['picked_up', 'in_transit', 'delivery_failed', 'delivered']);

/**
 * Use case: the desk received in intake (channel 3) a dossier the post collected: its pick-up is closed, linked to
 * the dossier's code. Received even if the carrier's "delivered" never reached us: the desk has the papers.
 */
@Injectable()
export class ReceivePickup {
  private readonly logger = new Logger(ReceivePickup.name);

  constructor(
    private readonly store: ShipmentStore,
    private readonly recordFact: RecordShipmentFact,
  ) {}

  async execute(accepted: DossierAccepted, tx: Transaction): Promise<void> {
    if (!accepted.pickupWaybill) return;
    const pickup = await this.store.lockPickupByWaybill(tx.manager, accepted.pickupWaybill);
    // only the desk it was collected for closes a pick-up, once, and only one the post did collect
    if (!pickup || pickup.agencyCode !== accepted.receivingAgencyCode || !RECEIVABLE.has(pickup.state)) {
      this.logger.warn(
        { dossierCode: accepted.dossierCode, waybill: accepted.pickupWaybill, pickup: pickup ? { agencyCode: pickup.agencyCode, state: pickup.state } : null },
        'a dossier received under a waybill that is no open pick-up of this desk: the pick-up is left as it is',
      );
      return;
    }
    await this.recordFact.execute(tx, pickup, {
      source: 'desk',
      state: 'received',
      moveTo: 'received',
      applied: true,
      occurredAt: new Date(accepted.receivedAt),
      actorId: accepted.coordinatorId,
      dossierCode: accepted.dossierCode,
      note: `Bộ phận Một cửa tiếp nhận hồ sơ ${accepted.dossierCode}`,
    });
  }
}
