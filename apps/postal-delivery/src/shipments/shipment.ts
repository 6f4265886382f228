/**
 * Decision 45/2016/QĐ-TTg: the public post may carry the dossier from the applicant to the desk (pick-up),
 * the result from the desk to the applicant (delivery), or both.
 */
export type ShipmentKind = 'pick_up' | 'delivery';

/** Carrier order states seen in practice (domain §9). */
export type ShipmentStatus = 'created' | 'picked_up' | 'in_transit' | 'delivered' | 'failed' | 'cancelled' | 'returned_to_sender';

export const SHIPMENT_KINDS: readonly ShipmentKind[] = ['pick_up', 'delivery'];
export const SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  'created',
  'picked_up',
  'in_transit',
  'delivered',
  'failed',
  'cancelled',
  'returned_to_sender',
];
