import 'reflect-metadata';
import type { ShipmentState } from '@motcua/contracts';
import {
  announcementOf,
  cashOnDelivery,
  pickupOrderNumber,
  refuseCancel,
  refuseHandover,
  refusePickupWindow,
  stateAfterCarrierEvent,
  type ShipmentNow,
} from './shipment-rules';

const at = (iso: string) => new Date(iso);
const outgoing = (state: ShipmentState, lastCarrierEventAt: string | null = null): ShipmentNow => ({
  direction: 'outgoing',
  state,
  lastCarrierEventAt: lastCarrierEventAt === null ? null : at(lastCarrierEventAt),
});

describe('stateAfterCarrierEvent', () => {
  it('moves a shipment on its way to the newer state the carrier reports', () => {
    expect(stateAfterCarrierEvent(outgoing('picked_up', '2026-12-08T08:00:00Z'), 'IN_TRANSIT', at('2026-12-08T09:00:00Z'))).toBe('in_transit');
    expect(stateAfterCarrierEvent(outgoing('in_transit', '2026-12-08T09:00:00Z'), 'DELIVERY_FAILED', at('2026-12-08T10:00:00Z'))).toBe('delivery_failed');
  });

  it('lets an older event change nothing (a late "in transit" after "failed")', () => {
    expect(stateAfterCarrierEvent(outgoing('delivery_failed', '2026-12-08T10:00:00Z'), 'IN_TRANSIT', at('2026-12-08T09:00:00Z'))).toBeNull();
    expect(stateAfterCarrierEvent(outgoing('delivery_failed', '2026-12-08T10:00:00Z'), 'IN_TRANSIT', at('2026-12-08T10:00:00Z'))).toBeNull();
  });

  it('takes the carrier’s last word whenever it arrives, and nothing after it', () => {
    expect(stateAfterCarrierEvent(outgoing('delivery_failed', '2026-12-08T10:00:00Z'), 'DELIVERED', at('2026-12-08T09:30:00Z'))).toBe('delivered');
    for (const final of ['delivered', 'returned', 'cancelled', 'order_failed'] as const) {
      expect(stateAfterCarrierEvent(outgoing(final, '2026-12-08T10:00:00Z'), 'IN_TRANSIT', at('2026-12-09T10:00:00Z'))).toBeNull();
      expect(stateAfterCarrierEvent(outgoing(final, '2026-12-08T10:00:00Z'), 'DELIVERED', at('2026-12-09T10:00:00Z'))).toBeNull();
    }
  });

  it('ends the wait for the waybill with the carrier’s acceptance, and only that', () => {
    expect(stateAfterCarrierEvent(outgoing('ordering'), 'ACCEPTED', at('2026-12-08T08:00:00Z'))).toBe('created');
    expect(stateAfterCarrierEvent(outgoing('created'), 'ACCEPTED', at('2026-12-08T08:00:00Z'))).toBeNull();
    expect(stateAfterCarrierEvent(outgoing('in_transit', '2026-12-08T08:00:00Z'), 'ACCEPTED', at('2026-12-08T09:00:00Z'))).toBeNull();
  });

  it('takes each newer failed attempt as news of its own, and a repeat of any other state as nothing', () => {
    expect(stateAfterCarrierEvent(outgoing('delivery_failed', '2026-12-08T10:00:00Z'), 'DELIVERY_FAILED', at('2026-12-09T10:00:00Z'))).toBe('delivery_failed');
    expect(stateAfterCarrierEvent(outgoing('delivery_failed', '2026-12-08T10:00:00Z'), 'DELIVERY_FAILED', at('2026-12-08T10:00:00Z'))).toBeNull();
    expect(stateAfterCarrierEvent(outgoing('in_transit', '2026-12-08T10:00:00Z'), 'IN_TRANSIT', at('2026-12-09T10:00:00Z'))).toBeNull();
  });

  it('records papers found incomplete only for a pick-up', () => {
    expect(stateAfterCarrierEvent({ direction: 'incoming', state: 'created', lastCarrierEventAt: null }, 'PICKUP_INCOMPLETE', at('2026-12-08T08:00:00Z'))).toBe(
      'incomplete',
    );
    expect(stateAfterCarrierEvent(outgoing('created'), 'PICKUP_INCOMPLETE', at('2026-12-08T08:00:00Z'))).toBeNull();
  });
});

describe('announcementOf', () => {
  it('tells a result’s pick-up as its hand-over, a dossier’s as its collection', () => {
    expect(announcementOf('outgoing', 'picked_up')).toBe('handed_over');
    expect(announcementOf('incoming', 'picked_up')).toBe('collected');
    expect(announcementOf('incoming', 'incomplete')).toBe('collected');
  });

  it('keeps "in transit" as history only, and a refused order as a cancellation', () => {
    expect(announcementOf('outgoing', 'in_transit')).toBeNull();
    expect(announcementOf('outgoing', 'ordering')).toBeNull();
    expect(announcementOf('outgoing', 'order_failed')).toBe('cancelled');
  });
});

describe('refuseHandover', () => {
  const returner = { subject: 'tra-kq', agencies: ['016.01.20.H26'], roles: ['returner'] };

  it('lets the desk’s returner hand over a result with its waybill', () => {
    expect(refuseHandover({ direction: 'outgoing', state: 'created' }, returner)).toBeNull();
  });

  it('refuses anyone but a returner, a pick-up, a result without its waybill, and one already handed over or closed', () => {
    expect(refuseHandover({ direction: 'outgoing', state: 'created' }, { ...returner, roles: ['receiver'] })?.code).toBe('SHIPMENT.RETURNER_ONLY');
    expect(refuseHandover({ direction: 'incoming', state: 'created' }, returner)?.code).toBe('SHIPMENT.NOT_A_RESULT');
    expect(refuseHandover({ direction: 'outgoing', state: 'ordering' }, returner)?.code).toBe('SHIPMENT.NO_WAYBILL_YET');
    expect(refuseHandover({ direction: 'outgoing', state: 'in_transit' }, returner)?.code).toBe('SHIPMENT.ALREADY_HANDED_OVER');
    expect(refuseHandover({ direction: 'outgoing', state: 'cancelled' }, returner)?.code).toBe('SHIPMENT.CLOSED');
  });
});

describe('refuseCancel', () => {
  it('cancels only before the postman has it', () => {
    expect(refuseCancel({ state: 'ordering' })).toBeNull();
    expect(refuseCancel({ state: 'created' })).toBeNull();
    expect(refuseCancel({ state: 'picked_up' })?.code).toBe('SHIPMENT.ALREADY_PICKED_UP');
    expect(refuseCancel({ state: 'delivered' })?.code).toBe('SHIPMENT.CLOSED');
  });
});

describe('cashOnDelivery', () => {
  it('collects the fee paid at return, and nothing else', () => {
    expect(cashOnDelivery({ feeAmountVnd: 75_000, feePaidAt: 'return' })).toBe(75_000);
    expect(cashOnDelivery({ feeAmountVnd: 75_000, feePaidAt: 'receipt' })).toBe(0);
    expect(cashOnDelivery({ feeAmountVnd: null, feePaidAt: 'return' })).toBe(0);
    expect(cashOnDelivery({})).toBe(0);
  });
});

describe('refusePickupWindow', () => {
  const now = at('2026-12-07T03:00:00Z');
  const window = (start: string, end: string) => refusePickupWindow(at(start), at(end), now);

  it('takes a window of a few hours in the coming days', () => {
    expect(window('2026-12-08T01:00:00Z', '2026-12-08T04:00:00Z')).toBeNull();
  });

  it.each([
    ['shorter than an hour', '2026-12-08T01:00:00Z', '2026-12-08T01:30:00Z', 'windowEnd'],
    ['already begun', '2026-12-07T01:00:00Z', '2026-12-07T05:00:00Z', 'windowStart'],
    ['longer than a day', '2026-12-08T01:00:00Z', '2026-12-10T01:00:00Z', 'windowEnd'],
    ['more than a month ahead', '2027-02-08T01:00:00Z', '2027-02-08T04:00:00Z', 'windowStart'],
  ])('refuses one %s, naming the field', (_what, start, end, field) => {
    const refusal = window(start, end);
    expect(refusal?.code).toBe('PICKUP.WINDOW_INVALID');
    expect(refusal?.errors?.[0].field).toBe(field);
  });
});

describe('pickupOrderNumber', () => {
  it('is the pick-up’s own id, the carrier’s key before any dossier code exists', () => {
    expect(pickupOrderNumber('01a250ce-8465-710b-9c73-9776ef45bcf2')).toBe('PU-01A250CE-8465-710B-9C73-9776EF45BCF2');
  });
});
