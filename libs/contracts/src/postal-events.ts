import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, DOSSIER_CODE_PATTERN, DocumentItem } from './dossier-events';

/**
 * A shipment's state, in postal-delivery (Decision 45/2016; the states seen in real carrier integrations):
 * - ordering: waiting for the carrier to accept the order;
 * - created: the carrier issued a waybill and waits to pick it up;
 * - picked_up: the postman has it (an outgoing result: the desk's returner handed it over);
 * - in_transit; delivery_failed (the carrier tries again or returns it);
 * - delivered (outgoing: the applicant has the result; incoming: the dossier reached the desk);
 * - returned: back at the sender; cancelled; order_failed: the carrier refused the order;
 * - incomplete: a pick-up whose papers lacked required documents, not collected;
 * - received: a collected dossier the desk received in intake (a pick-up's end).
 */
export const SHIPMENT_STATES = [
  'ordering',
  'created',
  'picked_up',
  'in_transit',
  'delivery_failed',
  'delivered',
  'returned',
  'cancelled',
  'order_failed',
  'incomplete',
  'received',
] as const;
export type ShipmentState = (typeof SHIPMENT_STATES)[number];

/** Outgoing: a result from the desk to the applicant. Incoming: a dossier collected from the applicant for the desk (a pick-up). */
export const SHIPMENT_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type ShipmentDirection = (typeof SHIPMENT_DIRECTIONS)[number];

/**
 * What every postal event carries: the shipment, its waybill once the carrier issued one, the desk it belongs to,
 * the dossier (for a pick-up: once the desk received it), and a per-shipment sequence so a consumer can ignore an
 * update older than one it applied. `occurredAt` is the carrier's own time for what the carrier reports.
 */
export abstract class ShipmentEvent {
  @IsUUID()
  shipmentId: string;

  @IsIn(SHIPMENT_DIRECTIONS)
  direction: ShipmentDirection;

  @IsOptional()
  @Matches(DOSSIER_CODE_PATTERN)
  dossierCode: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  waybill: string | null;

  /** The one-stop desk that sends the result or receives the dossier. */
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  @IsIn(SHIPMENT_STATES)
  state: ShipmentState;

  @IsInt()
  @Min(1)
  sequence: number;

  @IsISO8601({ strict: true })
  occurredAt: string;
}

/** postal.shipment.created — the carrier accepted the order and issued its waybill. */
export class ShipmentCreated extends ShipmentEvent {
  static readonly type = 'postal.shipment.created';
  static readonly version = 1;

  /** Cash the postman collects on delivery (the procedure's fee paid at return), in đồng. */
  @IsInt()
  @Min(0)
  codAmount: number;

  /** The carrier's postal fee, in đồng, when it quoted one. */
  @IsOptional()
  @IsInt()
  @Min(0)
  postalFee: number | null;
}

/** postal.shipment.handed-over — the desk's returner handed the sealed result to the postman. */
export class ShipmentHandedOver extends ShipmentEvent {
  static readonly type = 'postal.shipment.handed-over';
  static readonly version = 1;

  @IsString()
  @MaxLength(100)
  actorId: string;

  @IsOptional()
  @IsString()
  actorName?: string;
}

/** postal.shipment.delivered — the carrier delivered it: the applicant has the result, or the desk the collected dossier. */
export class ShipmentDelivered extends ShipmentEvent {
  static readonly type = 'postal.shipment.delivered';
  static readonly version = 1;

  /** Who signed for it, as the carrier reports. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  receivedBy: string | null;
}

/** postal.shipment.delivery-failed — the postman could not deliver; the carrier tries again or returns it. */
export class ShipmentDeliveryFailed extends ShipmentEvent {
  static readonly type = 'postal.shipment.delivery-failed';
  static readonly version = 1;

  @IsString()
  @MaxLength(500)
  reason: string;
}

/** postal.shipment.returned — the carrier brought it back to the sender: the applicant can collect the result at the desk. */
export class ShipmentReturned extends ShipmentEvent {
  static readonly type = 'postal.shipment.returned';
  static readonly version = 1;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason: string | null;
}

/** postal.shipment.cancelled — cancelled before pick-up (by the desk or the applicant), or the carrier refused the order. */
export class ShipmentCancelled extends ShipmentEvent {
  static readonly type = 'postal.shipment.cancelled';
  static readonly version = 1;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason: string | null;
}

/** What every pick-up event adds: the procedure of the dossier collected. */
export abstract class PickupEvent extends ShipmentEvent {
  @Matches(/^\d+\.\d+$/)
  procedureCode: string;
}

/** postal.pickup.requested — an applicant (or the desk for them) asked the post to collect a dossier. */
export class PickupRequested extends PickupEvent {
  static readonly type = 'postal.pickup.requested';
  static readonly version = 1;

  @IsISO8601({ strict: true })
  windowStart: string;

  @IsISO8601({ strict: true })
  windowEnd: string;
}

/**
 * postal.pickup.collected — the postman checked the papers against the procedure's list and collected them
 * (`complete`), or found required documents missing and left them with the applicant (`missing` says which).
 */
export class PickupCollected extends PickupEvent {
  static readonly type = 'postal.pickup.collected';
  static readonly version = 1;

  @IsBoolean()
  complete: boolean;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DocumentItem)
  missing: DocumentItem[];
}

/** postal.pickup.received — the desk received the collected dossier in intake (channel 3): the pick-up is closed. */
export class PickupReceived extends PickupEvent {
  static readonly type = 'postal.pickup.received';
  static readonly version = 1;
}
