import { Injectable } from '@nestjs/common';
import type { ShipmentEvent } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { DossierStore } from './dossier.store';

/**
 * Keeps the result's postal state on the public record from postal-delivery's facts, beside the national status and
 * never setting it: the result returned (10) is workflow's to say, when it closes the case on the post's delivery,
 * so the status sequence has one producer. Facts may arrive late, twice or out of order: the newest of the
 * shipment wins (the store compares the shipment's sequence). The status history keeps no row per postal fact:
 * it is ordered by workflow's per-dossier sequence, which a shipment's own sequence cannot be placed in.
 */
@Injectable()
export class ApplyShipmentProgress {
  constructor(private readonly store: DossierStore) {}

  async execute(event: ShipmentEvent, tx: Transaction): Promise<'applied' | 'stale' | 'ignored'> {
    // A pick-up (incoming) is the dossier on its way to the desk: intake knows of it once received (channel 3).
    if (event.direction !== 'outgoing' || !event.dossierCode) return 'ignored';
    const outcome = await this.store.applyShipmentProgress(tx.manager, {
      dossierCode: event.dossierCode,
      shipmentId: event.shipmentId,
      waybill: event.waybill ?? null,
      state: event.state,
      sequence: event.sequence,
      occurredAt: event.occurredAt,
    });
    // The post only ships results of dossiers intake accepted and published: an unknown code is a real fault.
    if (outcome === 'unknown') throw new Error(`dossier ${event.dossierCode} is not known to intake`);
    return outcome;
  }
}
