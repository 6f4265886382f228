import type { ShipmentDirection, ShipmentState } from '@motcua/contracts';
import { Refusal } from '@motcua/errors';

/**
 * The postal channel's rules, free of Nest and SQL: what a fact does to a shipment, who may hand over or cancel,
 * what is collected on delivery, when a pick-up may be asked for.
 */

/** A shipment's state from which nothing the carrier says moves it (a pick-up delivered to the desk still waits for the desk's receipt). */
export const FINAL_STATES: ReadonlySet<ShipmentState> = new Set<ShipmentState>([
  'delivered',
  'returned',
  'cancelled',
  'order_failed',
  'incomplete',
  'received',
]);

/** The carrier's statuses (docs/postal-carrier.md). */
export const CARRIER_STATUSES = ['ACCEPTED', 'PICKED_UP', 'IN_TRANSIT', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED', 'CANCELLED', 'PICKUP_INCOMPLETE'] as const;
export type CarrierStatus = (typeof CARRIER_STATUSES)[number];

const STATE_OF: Readonly<Record<CarrierStatus, ShipmentState>> = {
  ACCEPTED: 'created',
  PICKED_UP: 'picked_up',
  IN_TRANSIT: 'in_transit',
  DELIVERED: 'delivered',
  DELIVERY_FAILED: 'delivery_failed',
  RETURNED: 'returned',
  CANCELLED: 'cancelled',
  PICKUP_INCOMPLETE: 'incomplete',
};

/** What the shipment is now, as far as a fact about it needs. */
export interface ShipmentNow {
  readonly direction: ShipmentDirection;
  readonly state: ShipmentState;
  /** The carrier's time of the newest fact applied. */
  readonly lastCarrierEventAt: Date | null;
}

/**
 * The state a carrier's event moves the shipment to, or null when it changes nothing. Events come twice, late and out
 * of order, so: nothing moves a shipment out of a final state; the waybill's acceptance only ends the wait for it; an
 * event older than the newest one applied changes nothing (a late "in transit" after "failed"), except the carrier's
 * last word (delivered, returned, cancelled, papers incomplete), which ends the shipment whenever it arrives.
 */
export function stateAfterCarrierEvent(now: ShipmentNow, status: CarrierStatus, at: Date): ShipmentState | null {
  if (FINAL_STATES.has(now.state)) return null;
  const next = STATE_OF[status];
  if (status === 'ACCEPTED') return now.state === 'ordering' ? 'created' : null;
  if (status === 'PICKUP_INCOMPLETE' && now.direction !== 'incoming') return null;
  // a second failed attempt is news of its own (the applicant is told each one); any other repeat is not
  if (next === now.state && next !== 'delivery_failed') return null;
  if (!FINAL_STATES.has(next) && now.lastCarrierEventAt !== null && at.getTime() <= now.lastCarrierEventAt.getTime()) return null;
  return next;
}

/** The integration event a shipment's new state is announced with (in_transit is history only: nobody acts on it). */
export type ShipmentAnnouncement = 'created' | 'handed_over' | 'collected' | 'delivered' | 'delivery_failed' | 'returned' | 'cancelled' | 'received' | null;

export function announcementOf(direction: ShipmentDirection, state: ShipmentState): ShipmentAnnouncement {
  switch (state) {
    case 'created':
      return 'created';
    case 'picked_up':
      return direction === 'outgoing' ? 'handed_over' : 'collected';
    case 'incomplete':
      return 'collected';
    case 'delivered':
    case 'delivery_failed':
    case 'returned':
    case 'received':
      return state;
    case 'cancelled':
    case 'order_failed':
      return 'cancelled';
    default:
      return null;
  }
}

/** Who acts on a shipment: an officer with the desk among their agencies, in one of the roles. */
export interface DeskOfficer {
  readonly subject: string;
  readonly agencies: readonly string[];
  readonly roles: readonly string[];
}

export const shipmentNotFound = (id: string) => new Refusal('SHIPMENT.NOT_FOUND', `No shipment ${id} that you may see`);

/** The desk's returner hands the sealed result to the postman: an outgoing result the carrier has a waybill for, not yet picked up. */
export function refuseHandover(shipment: { direction: ShipmentDirection; state: ShipmentState }, caller: DeskOfficer): Refusal | null {
  if (!caller.roles.includes('returner')) return new Refusal('SHIPMENT.RETURNER_ONLY', 'only a returner of the desk hands a result over to the post');
  if (shipment.direction !== 'outgoing') return Refusal.ofField('SHIPMENT.NOT_A_RESULT', 'id', 'a pick-up is handed over by the applicant, not the desk');
  if (shipment.state === 'ordering') return new Refusal('SHIPMENT.NO_WAYBILL_YET', 'the carrier has not issued the waybill yet: try again in a moment');
  if (shipment.state === 'created') return null;
  if (FINAL_STATES.has(shipment.state)) return new Refusal('SHIPMENT.CLOSED', `the shipment is ${shipment.state}`);
  return new Refusal('SHIPMENT.ALREADY_HANDED_OVER', `the post already has it (${shipment.state})`);
}

/** A shipment is cancelled before the postman has it, and only then. */
export function refuseCancel(shipment: { state: ShipmentState }): Refusal | null {
  if (shipment.state === 'ordering' || shipment.state === 'created') return null;
  if (FINAL_STATES.has(shipment.state)) return new Refusal('SHIPMENT.CLOSED', `the shipment is ${shipment.state}`);
  return new Refusal('SHIPMENT.ALREADY_PICKED_UP', `the post already has it (${shipment.state}): it can no longer be cancelled`);
}

/** A procedure's fee, as the catalogue gives it. */
export interface ProcedureFee {
  readonly feeAmountVnd?: number | null;
  readonly feePaidAt?: 'receipt' | 'return' | null;
}

/** Cash the postman collects on delivery: the procedure's fee when it is paid at return (Decision 45/2016 allows COD), else nothing. */
export function cashOnDelivery(fee: ProcedureFee): number {
  return fee.feePaidAt === 'return' && typeof fee.feeAmountVnd === 'number' ? fee.feeAmountVnd : 0;
}

/** How far ahead a pick-up may be asked for, and the shortest window a postman is given. */
export const PICKUP_MAX_DAYS_AHEAD = 30;
export const PICKUP_MIN_WINDOW_MINUTES = 60;
export const PICKUP_MAX_WINDOW_HOURS = 24;

/** The applicant's time window for the collection: not begun, at least an hour and at most a day long, within a month. */
export function refusePickupWindow(start: Date, end: Date, now: Date): Refusal | null {
  if (start.getTime() < now.getTime() - 5 * 60_000) return Refusal.ofField('PICKUP.WINDOW_INVALID', 'windowStart', 'the window has already begun');
  if (end.getTime() - start.getTime() > PICKUP_MAX_WINDOW_HOURS * 3_600_000) {
    return Refusal.ofField('PICKUP.WINDOW_INVALID', 'windowEnd', `a window is at most ${PICKUP_MAX_WINDOW_HOURS} hours long`);
  }
  if (end.getTime() - start.getTime() < PICKUP_MIN_WINDOW_MINUTES * 60_000) {
    return Refusal.ofField('PICKUP.WINDOW_INVALID', 'windowEnd', `the window ends at least ${PICKUP_MIN_WINDOW_MINUTES} minutes after it starts`);
  }
  if (end.getTime() <= now.getTime()) return Refusal.ofField('PICKUP.WINDOW_INVALID', 'windowEnd', 'the window has already passed');
  if (start.getTime() > now.getTime() + PICKUP_MAX_DAYS_AHEAD * 86_400_000) {
    return Refusal.ofField('PICKUP.WINDOW_INVALID', 'windowStart', `a collection is booked at most ${PICKUP_MAX_DAYS_AHEAD} days ahead`);
  }
  return null;
}

/** The carrier's order number for a pick-up: there is no dossier code yet, so the pick-up's own. */
export function pickupOrderNumber(shipmentId: string): string {
  return `PU-${shipmentId.toUpperCase()}`;
}
