import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/auth';
import { ReturnMethod, SubmissionChannel } from '@motcua/contracts';
import { signatureOf } from '@motcua/http';
import { type AnyJson, aDossierAccepted, callApi, eventually, publishEvent, useSuite } from '@motcua/testing';
import { type RunningPostalCarrierSimulator, startPostalCarrierSimulator } from '../../../simulators/postal-carrier/postal-carrier-simulator';
import { DESK, SECRET, TOKEN, WARD, acceptedByPost, address, carrierEnv, signed } from './postal-fixture';

const OTHER_DESK = '016.01.01.H26';

/**
 * The postal channel against real PostgreSQL, RabbitMQ and the carrier simulator over HTTP. Workflow fills
 * postal's catalogue replica and is then stopped: this file plays intake's and workflow's parts by publishing
 * their events, and the carrier's by steering the simulator.
 */
describe('postal-delivery: results by post and pick-ups', () => {
  let carrier: RunningPostalCarrierSimulator;

  beforeAll(async () => {
    carrier = await startPostalCarrierSimulator({ token: TOKEN, callbackSecret: SECRET, callbackRetryMs: 50 });
  });
  afterAll(async () => {
    await carrier?.close();
  });

  const running = useSuite('postal', ['workflow', 'postal-delivery'], () => carrierEnv(carrier));
  const { suite, auth } = running;
  const db = running.db('postal-delivery');
  const api = running.api('postal-delivery');
  let returner: string;
  let receiver: string;
  let otherDesk: string;

  beforeAll(async () => {
    await suite.crash('workflow');
    carrier.control({ callbackUrl: `${suite.url('postal-delivery')}/api/v1/carrier/callbacks` });
    returner = await auth.token({ subject: 'tra-ket-qua-ngoc-ha', roles: [Role.Returner], agencies: [DESK] });
    receiver = await auth.token({ subject: 'tiep-nhan-ngoc-ha', roles: [Role.Receiver], agencies: [DESK] });
    otherDesk = await auth.token({ subject: 'tra-ket-qua-khac', roles: [Role.Returner], agencies: [OTHER_DESK] });
  });

  beforeEach(() => {
    carrier.control({ mode: 'ok', count: null, callbacks: 'normal', delayMs: 0 });
  });

  const shipmentOf = async (dossierCode: string): Promise<AnyJson | undefined> => {
    const { rows } = await db.query(
      `SELECT id, state, waybill, sequence, cod_amount AS "codAmount" FROM shipment WHERE dossier_code = $1 AND direction = 'outgoing'`,
      [dossierCode],
    );
    return rows[0];
  };
  const inState = (dossierCode: string, state: string) =>
    eventually(
      async () => {
        const shipment = await shipmentOf(dossierCode);
        return shipment?.state === state ? shipment : undefined;
      },
      `the shipment of ${dossierCode} to be ${state}`,
      30_000,
    );
  const announced = async (shipmentId: string): Promise<string[]> =>
    (await db.query(`SELECT type FROM outbox_message WHERE payload->>'shipmentId' = $1 ORDER BY (payload->>'sequence')::int`, [shipmentId])).rows.map(
      (r) => r.type as string,
    );

  /** A result by post, signed and ordered: its shipment once the carrier issued the waybill. */
  async function aShipment(): Promise<{ dossierCode: string; id: string; waybill: string }> {
    const accepted = acceptedByPost();
    await publishEvent(suite.prefix, accepted);
    await publishEvent(suite.prefix, signed(accepted.dossierCode));
    const shipment = await inState(accepted.dossierCode, 'created');
    return { dossierCode: accepted.dossierCode, id: shipment.id, waybill: shipment.waybill };
  }

  const handOver = (id: string, token = returner, key?: string) =>
    callApi('POST', api(`/shipments/${id}/handover`), token, { note: 'Đã ký phiếu bàn giao với bưu tá' }, key ? { 'idempotency-key': key } : {});

  describe('a signed result with return by post', () => {
    it('makes exactly one carrier order, from the desk to the registered address, even when both events are heard twice', async () => {
      const accepted = acceptedByPost();
      const sign = signed(accepted.dossierCode);
      const signId = randomUUID();
      await publishEvent(suite.prefix, accepted);
      await publishEvent(suite.prefix, accepted); // the same fact under another message id
      await publishEvent(suite.prefix, sign, signId);
      await publishEvent(suite.prefix, sign, signId); // a redelivery
      await publishEvent(suite.prefix, signed(accepted.dossierCode, 9)); // signed again after a send-back

      const shipment = await inState(accepted.dossierCode, 'created');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const [order, ...more] = carrier.orders(accepted.dossierCode);
      expect(more).toEqual([]);
      expect(order).toMatchObject({ ItemCode: shipment.waybill, IsPickup: false });
      expect(order.request).toMatchObject({
        OrderNumber: accepted.dossierCode,
        CustomerCode: 'HNI-MOTCUA',
        ReceiverFullname: address.recipient,
        ReceiverTel: address.phone,
        ReceiverWardId: WARD,
        ReceiverProvinceId: '01',
        SenderWardId: expect.stringMatching(/^\d{5}$/),
        SenderProvinceId: '01',
      });
      expect(String(order.request.SenderFullname)).toContain('Bộ phận Một cửa');
      expect(await announced(shipment.id)).toEqual(['postal.shipment.created']);
    });

    it('is not shipped when the applicant collects at the desk', async () => {
      const accepted = aDossierAccepted({ receivingAgencyCode: DESK, returnMethod: ReturnMethod.Desk });
      await publishEvent(suite.prefix, accepted);
      await publishEvent(suite.prefix, signed(accepted.dossierCode));
      const other = await aShipment(); // heard after it: by then the desk-return one would have been shipped
      expect(other.waybill).toMatch(/^E[A-Z]\d{9}VN$/);
      expect(await shipmentOf(accepted.dossierCode)).toBeUndefined();
      expect(carrier.orders(accepted.dossierCode)).toEqual([]);
    });

    it('gets one waybill when the carrier times out after creating the order and the create is retried', async () => {
      carrier.control({ mode: 'timeout', count: 1 });
      const accepted = acceptedByPost();
      await publishEvent(suite.prefix, accepted);
      await publishEvent(suite.prefix, signed(accepted.dossierCode));

      const shipment = await inState(accepted.dossierCode, 'created');
      await eventually(async () => {
        const { rows } = await db.query(
          `SELECT r.status, r.attempts FROM carrier_request r JOIN shipment s ON s.id = r.shipment_id WHERE s.dossier_code = $1`,
          [accepted.dossierCode],
        );
        return rows[0]?.status === 'done' ? rows[0] : undefined;
      }, 'the create to be settled');
      const orders = carrier.orders(accepted.dossierCode);
      expect(orders).toHaveLength(1);
      expect(orders[0].ItemCode).toBe(shipment.waybill);
      expect(await announced(shipment.id)).toEqual(['postal.shipment.created']);
    });
  });

  describe('the hand-over and the journey', () => {
    it('is the returner’s: handed over once, replayed under the same key, refused to others', async () => {
      const { id, dossierCode } = await aShipment();

      expect((await handOver(id, otherDesk)).status).toBe(404);
      const notReturner = await handOver(id, receiver);
      expect(notReturner.status).toBe(403);
      expect(notReturner.body.code).toBe('SHIPMENT.RETURNER_ONLY');

      const key = randomUUID();
      const first = await handOver(id, returner, key);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        state: 'picked_up',
        history: expect.arrayContaining([expect.objectContaining({ source: 'desk', actorId: 'tra-ket-qua-ngoc-ha' })]),
      });
      expect((await handOver(id, returner, key)).body).toEqual(first.body);
      const again = await handOver(id);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SHIPMENT.ALREADY_HANDED_OVER');

      expect(await announced(id)).toEqual(['postal.shipment.created', 'postal.shipment.handed-over']);
      expect((await shipmentOf(dossierCode))?.state).toBe('picked_up');
    });

    it('ends delivered whatever order and how often the callbacks come', async () => {
      const { id, waybill, dossierCode } = await aShipment();
      await handOver(id);
      carrier.control({ callbacks: 'reverse' });
      carrier.advance(waybill, { status: 'PICKED_UP' });
      carrier.advance(waybill, { status: 'IN_TRANSIT' });
      carrier.advance(waybill, { status: 'DELIVERED', receiverName: 'Đỗ Quang Huy' });
      carrier.control({ callbacks: 'twice' });
      expect(await carrier.flushCallbacks()).toBe(3); // delivered first, then in transit, then picked up
      await carrier.callbacksSettled();

      const shipment = await inState(dossierCode, 'delivered');
      expect(await announced(id)).toEqual(['postal.shipment.created', 'postal.shipment.handed-over', 'postal.shipment.delivered']);
      const { rows } = await db.query(
        `SELECT carrier_status, applied FROM shipment_event WHERE shipment_id = $1 AND carrier_event_id IS NOT NULL ORDER BY id`,
        [id],
      );
      // each event once (ACCEPTED, and the three posted twice), only the delivery moved it
      expect(rows.filter((r) => r.carrier_status !== 'ACCEPTED')).toEqual([
        { carrier_status: 'DELIVERED', applied: true },
        { carrier_status: 'IN_TRANSIT', applied: false },
        { carrier_status: 'PICKED_UP', applied: false },
      ]);
      expect(shipment.sequence).toBe(3);
    });

    it('catches a lost callback with the reconciler: a missed delivery still ends the shipment', async () => {
      const { id, waybill, dossierCode } = await aShipment();
      await handOver(id);
      carrier.control({ callbacks: 'drop' });
      carrier.advance(waybill, { status: 'PICKED_UP' });
      carrier.advance(waybill, { status: 'IN_TRANSIT' });
      carrier.advance(waybill, { status: 'DELIVERED', receiverName: 'Đỗ Quang Huy' });

      await inState(dossierCode, 'delivered');
      const { rows } = await db.query(`SELECT carrier_status FROM shipment_event WHERE shipment_id = $1 AND carrier_status = 'DELIVERED'`, [id]);
      expect(rows).toHaveLength(1);
      expect(await announced(id)).toContain('postal.shipment.delivered');
    });

    it('records a failed delivery, then the return to the desk', async () => {
      const { id, waybill, dossierCode } = await aShipment();
      await handOver(id);
      carrier.advance(waybill, { status: 'PICKED_UP' });
      carrier.advance(waybill, { status: 'IN_TRANSIT' });
      carrier.advance(waybill, { status: 'DELIVERY_FAILED', note: 'Người nhận vắng nhà' });
      await inState(dossierCode, 'delivery_failed');
      carrier.advance(waybill, { status: 'RETURNED', note: 'Hoàn về người gửi sau 3 lần phát' });
      await inState(dossierCode, 'returned');

      expect(await announced(id)).toEqual([
        'postal.shipment.created',
        'postal.shipment.handed-over',
        'postal.shipment.delivery-failed',
        'postal.shipment.returned',
      ]);
      const { rows } = await db.query(
        `SELECT payload->>'reason' AS reason FROM outbox_message WHERE payload->>'shipmentId' = $1 AND type = 'postal.shipment.delivery-failed'`,
        [id],
      );
      expect(rows[0].reason).toBe('Người nhận vắng nhà');
    });

    it('tells each failed attempt, and the hand-over the carrier’s events imply when its "picked up" comes last', async () => {
      const { id, waybill, dossierCode } = await aShipment();
      carrier.control({ callbacks: 'reverse' });
      carrier.advance(waybill, { status: 'PICKED_UP' });
      carrier.advance(waybill, { status: 'IN_TRANSIT' });
      expect(await carrier.flushCallbacks()).toBe(2); // in transit first: nobody recorded the hand-over
      await carrier.callbacksSettled();
      await inState(dossierCode, 'in_transit');
      carrier.control({ callbacks: 'normal' });
      carrier.advance(waybill, { status: 'DELIVERY_FAILED', note: 'Người nhận vắng nhà' });
      await inState(dossierCode, 'delivery_failed');
      carrier.advance(waybill, { status: 'DELIVERY_FAILED', note: 'Sai số nhà' });
      await eventually(async () => ((await announced(id)).length === 4 ? true : undefined), 'the second failure to be told');

      expect(await announced(id)).toEqual([
        'postal.shipment.created',
        'postal.shipment.handed-over',
        'postal.shipment.delivery-failed',
        'postal.shipment.delivery-failed',
      ]);
      const { rows } = await db.query(`SELECT payload FROM outbox_message WHERE payload->>'shipmentId' = $1 AND type = 'postal.shipment.handed-over'`, [id]);
      expect(rows[0].payload).toMatchObject({ actorId: 'carrier', state: 'picked_up', sequence: 2 });
    });

    it('follows the carrier again when it will not cancel because the postman already has it', async () => {
      const { id, waybill, dossierCode } = await aShipment();
      carrier.control({ callbacks: 'drop' }); // the "picked up" never reaches us before the desk cancels
      carrier.advance(waybill, { status: 'PICKED_UP' });
      const cancelled = await callApi('POST', api(`/shipments/${id}/cancel`), receiver, {});
      expect(cancelled.body.state).toBe('cancelled');

      await inState(dossierCode, 'picked_up'); // the refusal un-cancels it and the reconciler reads the tracking
      carrier.control({ callbacks: 'normal' });
      carrier.advance(waybill, { status: 'IN_TRANSIT' });
      carrier.advance(waybill, { status: 'DELIVERED' });
      await inState(dossierCode, 'delivered');
      expect(await announced(id)).toEqual([
        'postal.shipment.created',
        'postal.shipment.cancelled',
        'postal.shipment.created',
        'postal.shipment.handed-over',
        'postal.shipment.delivered',
      ]);
    });

    it('is cancelled before pick-up, at the carrier too, and not after', async () => {
      const { id, waybill } = await aShipment();
      const cancelled = await callApi('POST', api(`/shipments/${id}/cancel`), receiver, { note: 'Công dân đến nhận trực tiếp' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.state).toBe('cancelled');
      await eventually(
        async () =>
          carrier
            .orders()
            .find((o) => o.ItemCode === waybill)
            ?.events.some((e) => e.Status === 'CANCELLED')
            ? true
            : undefined,
        'the carrier to cancel it',
      );

      const other = await aShipment();
      await handOver(other.id);
      const late = await callApi('POST', api(`/shipments/${other.id}/cancel`), receiver, {});
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('SHIPMENT.ALREADY_PICKED_UP');
    });
  });

  describe('callbacks', () => {
    const post = (body: object, signature?: string) =>
      fetch(api('/carrier/callbacks'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'x-signature': signature }) },
        body: JSON.stringify(body),
      });

    it('refuses a forged or unsigned one and changes nothing', async () => {
      const { id, waybill, dossierCode } = await aShipment();
      const forged = {
        EventId: `${waybill}-99`,
        ItemCode: waybill,
        OrderNumber: dossierCode,
        Status: 'DELIVERED',
        EventTime: new Date().toISOString(),
        Note: 'Phát thành công',
        ReceiverName: 'Kẻ giả mạo',
        MissingDocuments: [],
      };
      const unsigned = await post(forged);
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as AnyJson).code).toBe('CARRIER.CALLBACK_SIGNATURE_INVALID');
      expect((await post(forged, signatureOf('another-secret-of-some-length', JSON.stringify(forged)))).status).toBe(401);

      expect((await shipmentOf(dossierCode))?.state).toBe('created');
      expect(await announced(id)).toEqual(['postal.shipment.created']);

      const signedBody = JSON.stringify(forged);
      const genuine = await fetch(api('/carrier/callbacks'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': signatureOf(SECRET, signedBody) },
        body: signedBody,
      });
      expect(genuine.status).toBe(200);
      expect(await genuine.json()).toEqual({ outcome: 'applied' });
    });
  });

  describe('the desk’s lists', () => {
    it('shows a desk its own shipments and no other desk’s', async () => {
      const { id } = await aShipment();
      const mine = await callApi('GET', api(`/shipments?agency=${DESK}&direction=outgoing&limit=100`), returner);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((s: AnyJson) => s.id)).toContain(id);

      const theirs = await callApi('GET', api(`/shipments?limit=100`), otherDesk);
      expect(theirs.body.items.map((s: AnyJson) => s.id)).not.toContain(id);
      expect((await callApi('GET', api(`/shipments/${id}`), otherDesk)).status).toBe(404);
      expect((await callApi('GET', api(`/shipments?agency=${DESK}`), otherDesk)).body.items).toEqual([]);
      const bad = await callApi('GET', api(`/shipments?state=lost`), returner);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.errors)).toContain('state');
    });
  });

  describe('pick-ups', () => {
    const tomorrow = () => {
      const start = new Date(Date.now() + 86_400_000);
      return { windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 3 * 3_600_000).toISOString() };
    };
    const book = async (token: string, overrides: object = {}) =>
      callApi('POST', api('/pickups'), token, { procedureCode: '1.001193', agencyCode: DESK, address, ...tomorrow(), ...overrides });

    it('is collected, brought to the desk and closed when the desk receives it as a channel-3 dossier', async () => {
      const citizen = await auth.token({ subject: 'cong-dan-001190012345', kind: 'citizen' });
      const booked = await book(citizen);
      expect(booked.status).toBe(201);
      expect(booked.body).toMatchObject({ direction: 'incoming', state: 'ordering', agencyCode: DESK });
      expect(booked.body.documents.length).toBeGreaterThan(0);
      const id = booked.body.id as string;

      const waybill = await eventually(async () => {
        const { rows } = await db.query(`SELECT waybill FROM shipment WHERE id = $1 AND state = 'created'`, [id]);
        return rows[0]?.waybill as string | undefined;
      }, 'the pick-up order to be placed');
      const [order] = carrier.orders().filter((o) => o.ItemCode === waybill);
      expect(order.IsPickup).toBe(true);
      expect(order.request).toMatchObject({ SenderWardId: WARD, Documents: expect.arrayContaining([expect.objectContaining({ Name: expect.any(String) })]) });

      // the carrier's "delivered" comes before its "picked up": the collection it implies is still told, once
      carrier.control({ callbacks: 'reverse' });
      carrier.advance(waybill, { status: 'PICKED_UP' });
      carrier.advance(waybill, { status: 'DELIVERED' });
      expect(await carrier.flushCallbacks()).toBe(2);
      await carrier.callbacksSettled();
      await eventually(
        async () => ((await db.query(`SELECT 1 FROM shipment WHERE id = $1 AND state = 'delivered'`, [id])).rows[0] ? true : undefined),
        'it to reach the desk',
      );

      const accepted = aDossierAccepted({ receivingAgencyCode: DESK, channel: SubmissionChannel.Post, pickupWaybill: waybill });
      await publishEvent(suite.prefix, accepted);
      await eventually(async () => {
        const { rows } = await db.query(`SELECT dossier_code FROM shipment WHERE id = $1 AND state = 'received'`, [id]);
        return rows[0]?.dossier_code === accepted.dossierCode ? true : undefined;
      }, 'the pick-up to be closed');
      expect(await announced(id)).toEqual([
        'postal.pickup.requested',
        'postal.shipment.created',
        'postal.pickup.collected',
        'postal.shipment.delivered',
        'postal.pickup.received',
      ]);
      // the applicant who booked it sees it; another citizen does not
      expect((await callApi('GET', api(`/shipments/${id}`), citizen)).body.state).toBe('received');
      const stranger = await auth.token({ subject: 'cong-dan-khac', kind: 'citizen' });
      expect((await callApi('GET', api(`/shipments/${id}`), stranger)).status).toBe(404);
    });

    it('is closed only by the desk it was collected for', async () => {
      const booked = await book(receiver);
      const id = booked.body.id as string;
      const waybill = await eventually(
        async () => (await db.query(`SELECT waybill FROM shipment WHERE id = $1`, [id])).rows[0]?.waybill as string | undefined,
        'a waybill',
      );
      carrier.advance(waybill, { status: 'PICKED_UP' });
      await eventually(
        async () => ((await db.query(`SELECT 1 FROM shipment WHERE id = $1 AND state = 'picked_up'`, [id])).rows[0] ? true : undefined),
        'the collection',
      );

      const elsewhere = aDossierAccepted({ receivingAgencyCode: '001.01.20.H26', channel: SubmissionChannel.Post, pickupWaybill: waybill });
      const here = aDossierAccepted({ receivingAgencyCode: DESK, channel: SubmissionChannel.Post, pickupWaybill: waybill });
      await publishEvent(suite.prefix, elsewhere);
      await publishEvent(suite.prefix, here);
      await eventually(async () => {
        const { rows } = await db.query(`SELECT dossier_code FROM shipment WHERE id = $1 AND state = 'received'`, [id]);
        return rows[0] ? (rows[0].dossier_code as string) : undefined;
      }, 'the pick-up to be closed').then((code) => expect(code).toBe(here.dossierCode));
    });

    it('records papers found incomplete, with what is missing', async () => {
      const booked = await book(receiver);
      expect(booked.status).toBe(201);
      const id = booked.body.id as string;
      const waybill = await eventually(
        async () => (await db.query(`SELECT waybill FROM shipment WHERE id = $1`, [id])).rows[0]?.waybill as string | undefined,
        'a waybill',
      );
      carrier.advance(waybill, { status: 'PICKUP_INCOMPLETE', note: 'Thiếu giấy chứng sinh', missingDocuments: [{ Code: 'GCS', Name: 'Giấy chứng sinh' }] });

      const detail = await eventually(async () => {
        const { body } = await callApi('GET', api(`/shipments/${id}`), receiver);
        return body.state === 'incomplete' ? body : undefined;
      }, 'the pick-up to be recorded incomplete');
      expect(detail.missingDocuments).toEqual([{ code: 'GCS', name: 'Giấy chứng sinh' }]);
      const { rows } = await db.query(`SELECT payload FROM outbox_message WHERE payload->>'shipmentId' = $1 AND type = 'postal.pickup.collected'`, [id]);
      expect(rows[0].payload).toMatchObject({ complete: false, missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }] });
    });

    it.each([
      ['an unknown ward', { address: { ...address, wardCode: '99999' } }, 'address.wardCode'],
      ['a missing phone', { address: { ...address, phone: undefined } }, 'address.phone'],
      ['a window already past', { windowStart: '2020-01-01T08:00:00+07:00', windowEnd: '2020-01-01T11:00:00+07:00' }, 'windowStart'],
      ['a procedure not received by post', { procedureCode: '1.000894' }, 'procedureCode'],
      ['a desk that is not one', { agencyCode: '999.99.99.H26' }, 'agencyCode'],
    ])('refuses %s, naming the field, and books nothing', async (_what, overrides, field) => {
      const before = carrier.orders().length;
      const { rows: count } = await db.query(`SELECT count(*)::int AS n FROM shipment`);
      const citizen = await auth.token({ subject: 'cong-dan-refused', kind: 'citizen' });
      const refused = await book(citizen, overrides);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expect(refused.body.errors.map((e: AnyJson) => e.field)).toContain(field);
      expect((await db.query(`SELECT count(*)::int AS n FROM shipment`)).rows[0].n).toBe(count[0].n);
      expect(carrier.orders().length).toBe(before);
    });

    it('is booked by a receiver of the desk only, not another desk’s', async () => {
      const refused = await book(otherDesk);
      expect(refused.status).toBe(403);
    });
  });
});
