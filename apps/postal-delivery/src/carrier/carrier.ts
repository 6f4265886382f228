import type { WaybillParty } from '../shipments/waybill-party';
import type { CarrierStatus } from '../shipments/shipment-rules';

/** A document on a pick-up's checklist, or one the postman found missing. */
export interface ChecklistItem {
  readonly code?: string;
  readonly name: string;
}

/** An order as the carrier takes it: the order number is its idempotency key. */
export interface CarrierOrder {
  readonly orderNumber: string;
  /** A collection at the sender's (the applicant's) for the receiver (the desk). */
  readonly isPickup: boolean;
  readonly sender: WaybillParty;
  readonly receiver: WaybillParty;
  readonly codAmount: number;
  readonly weightGrams: number;
  readonly service: string;
  readonly content: string;
  readonly documents: readonly ChecklistItem[];
  readonly windowStart: Date | null;
  readonly windowEnd: Date | null;
}

/** One event of a waybill, from a callback or from tracking. */
export interface CarrierEvent {
  readonly eventId: string;
  readonly waybill: string;
  readonly orderNumber: string;
  readonly status: CarrierStatus;
  readonly at: Date;
  readonly note: string | null;
  readonly receiverName: string | null;
  readonly missingDocuments: readonly ChecklistItem[];
}

/** The carrier's answer: accepted, refused for good (do not retry), or failed for now (retry with the same order number). */
export type CarrierAnswer<T> =
  | { readonly kind: 'accepted'; readonly value: T }
  | { readonly kind: 'permanent'; readonly error: string }
  | { readonly kind: 'transient'; readonly error: string; readonly retryAfterMs?: number };

export interface PlacedOrder {
  readonly waybill: string;
  readonly fee: number | null;
  /** The carrier had this order number already and answered its waybill again. */
  readonly duplicated: boolean;
}

/** The postal carrier behind its adapter (architecture §1): one interface, one implementation of the real protocol. */
export abstract class Carrier {
  abstract createOrder(order: CarrierOrder): Promise<CarrierAnswer<PlacedOrder>>;
  /** Before pick-up only; after it the carrier refuses (permanent). */
  abstract cancel(waybill: string): Promise<CarrierAnswer<null>>;
  /** Every event of the waybill, oldest first; throws when the carrier cannot answer. */
  abstract track(waybill: string): Promise<CarrierEvent[]>;
}
