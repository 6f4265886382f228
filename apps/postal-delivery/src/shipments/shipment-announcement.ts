import {
  type DocumentItem,
  PickupCollected,
  PickupReceived,
  ShipmentCancelled,
  ShipmentCreated,
  ShipmentDelivered,
  ShipmentDeliveryFailed,
  ShipmentHandedOver,
  ShipmentReturned,
  event,
} from '@motcua/contracts';
import { toVietnamIso } from '@motcua/calendar';
import type { ShipmentAnnouncement } from './shipment-rules';
import type { ShipmentRecord } from './shipment.store';

/** What the fact behind an announcement adds: who did it, why, who signed for it. */
export interface AnnouncedFact {
  readonly at: Date;
  readonly actorId?: string | null;
  readonly actorName?: string | null;
  readonly note?: string | null;
  readonly receivedBy?: string | null;
  readonly missing?: readonly DocumentItem[];
}

/** The integration event that tells the others what became of the shipment (its state and sequence already the new ones). */
export function announcementEvent(kind: Exclude<ShipmentAnnouncement, null>, shipment: ShipmentRecord, fact: AnnouncedFact): object {
  const base = {
    shipmentId: shipment.id,
    direction: shipment.direction,
    dossierCode: shipment.dossierCode,
    waybill: shipment.waybill,
    agencyCode: shipment.agencyCode,
    state: shipment.state,
    sequence: shipment.sequence,
    occurredAt: toVietnamIso(fact.at),
  };
  switch (kind) {
    case 'created':
      return event(ShipmentCreated, { ...base, codAmount: shipment.codAmount, postalFee: shipment.postalFee });
    case 'handed_over':
      return event(ShipmentHandedOver, { ...base, actorId: fact.actorId ?? 'carrier', ...(fact.actorName ? { actorName: fact.actorName } : {}) });
    case 'collected':
      return event(PickupCollected, {
        ...base,
        procedureCode: shipment.procedureCode,
        complete: shipment.state !== 'incomplete',
        missing: [...(fact.missing ?? [])],
      });
    case 'delivered':
      return event(ShipmentDelivered, { ...base, receivedBy: fact.receivedBy ?? null });
    case 'delivery_failed':
      return event(ShipmentDeliveryFailed, { ...base, reason: fact.note?.trim() || 'Phát không thành công' });
    case 'returned':
      return event(ShipmentReturned, { ...base, reason: fact.note ?? null });
    case 'cancelled':
      return event(ShipmentCancelled, { ...base, reason: fact.note ?? null });
    case 'received':
      return event(PickupReceived, { ...base, procedureCode: shipment.procedureCode });
  }
}
