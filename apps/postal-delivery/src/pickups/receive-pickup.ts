import { Injectable, Logger } from '@nestjs/common';
import type { DossierAccepted } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { RecordShipmentFact } from '../shipments/record-shipment-fact';
import { ShipmentStore } from '../shipments/shipment.store';

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
    if (!pickup) {
      this.logger.warn({ dossierCode: accepted.dossierCode, waybill: accepted.pickupWaybill }, 'a dossier received under a waybill that is no pick-up of ours');
      return;
    }
    if (pickup.state === 'received') return;
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
