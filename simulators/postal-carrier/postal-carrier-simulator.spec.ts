import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CarrierEvent, type RunningPostalCarrierSimulator, startPostalCarrierSimulator } from './postal-carrier-simulator';

const TOKEN = 'spec-carrier-token';
const SECRET = 'spec-carrier-callback-secret';

/** A callback as our side would receive it: the raw body and its signature. */
interface Received {
  readonly raw: string;
  readonly signature: string | undefined;
  readonly event: CarrierEvent;
}

/** A tiny callback endpoint: records what arrives, answers 200 unless told otherwise for the next calls. */
async function startReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ raw, signature: request.headers['x-signature'] as string | undefined, event: JSON.parse(raw) as CarrierEvent });
      response.writeHead(answers.shift() ?? 200).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callbacks`,
    received,
    answerNext: (...statuses: number[]) => answers.push(...statuses),
    clear: () => {
      received.length = 0;
      answers.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** UPU S10: two letters, 8 serial digits, their check digit (weights 8 6 4 2 3 5 9 7; 10 → 0, 11 → 5), country. */
function isS10(itemCode: string, service: 'EB' | 'EP'): boolean {
  const match = /^(E[A-Z])(\d{8})(\d)VN$/.exec(itemCode);
  if (!match || match[1] !== service) return false;
  const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((total, weight, i) => total + weight * Number(match[2][i]), 0);
  const check = { 10: 0, 11: 5 }[11 - (sum % 11)] ?? 11 - (sum % 11);
  return Number(match[3]) === check;
}

const signatureOf = (raw: string) => `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;

/** A result sent to the applicant, as postal-delivery orders it. */
const aResultOrder = (overrides: Record<string, unknown> = {}) => ({
  OrderNumber: '000.00.04.H26-261207-0001',
  CustomerCode: 'HNI-MOTCUA',
  ServiceName: 'BK',
  IsPickup: false,
  SenderFullname: 'UBND phường Trúc Bạch — Bộ phận Một cửa',
  SenderTel: '02438123456',
  SenderAddress: '1 Trúc Bạch, Ba Đình, Hà Nội',
  SenderProvinceId: '01',
  SenderDistrictId: '001',
  SenderWardId: '00004',
  ReceiverFullname: 'Nguyễn Thị Lan',
  ReceiverTel: '0912345678',
  ReceiverAddress: '12 Phó Đức Chính, Ba Đình, Hà Nội',
  ReceiverProvinceId: '01',
  ReceiverDistrictId: '001',
  ReceiverWardId: '00004',
  CODAmount: 0,
  Weight: 100,
  PackageContent: 'Kết quả giải quyết TTHC: giấy khai sinh',
  ...overrides,
});

/** A collection of an applicant's papers for the desk. */
const aPickupOrder = (overrides: Record<string, unknown> = {}) =>
  aResultOrder({
    OrderNumber: 'PU-261207-0001',
    IsPickup: true,
    Documents: [
      { Code: 'TK-KS', Name: 'Tờ khai đăng ký khai sinh' },
      { Code: 'GCS', Name: 'Giấy chứng sinh' },
    ],
    PickupWindowStart: '2026-12-08T08:00:00+07:00',
    PickupWindowEnd: '2026-12-08T11:00:00+07:00',
    ...overrides,
  });

describe('the postal carrier simulator', () => {
  let carrier: RunningPostalCarrierSimulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN, timeoutMs = 5_000) => {
    const response = await fetch(`${carrier.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const create = (order: unknown = aResultOrder()) => call('POST', '/api/v1/orders', order);
  const advance = (itemCode: string, command: object) => call('POST', `/_control/orders/${itemCode}/advance`, command, null);
  const steer = (change: object) => call('POST', '/_control', change, null);
  const statuses = (received: readonly Received[]) => received.map((r) => r.event.Status);

  beforeAll(async () => {
    receiver = await startReceiver();
    carrier = await startPostalCarrierSimulator({ token: TOKEN, callbackSecret: SECRET, callbackUrl: receiver.url, callbackRetryMs: 10 });
  });
  afterAll(async () => {
    await carrier.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await call('POST', '/_reset', undefined, null);
    receiver.clear();
  });

  describe('creating an order', () => {
    it('issues an S10 waybill and the fee of its weight, and answers the same waybill to a repeated OrderNumber', async () => {
      const first = await create();
      expect(first).toEqual({
        status: 200,
        body: {
          Code: '00',
          Message: 'OK',
          Data: { ItemCode: expect.any(String), OrderNumber: '000.00.04.H26-261207-0001', TotalFee: 27_500, Duplicated: false },
        },
      });
      expect(isS10(first.body.Data.ItemCode, 'EB')).toBe(true);
      const again = await create();
      expect(again.body.Data).toEqual({ ...first.body.Data, Duplicated: true });
      expect(carrier.orders()).toHaveLength(1);
      expect(carrier.orders()[0].duplicates).toBe(1);
    });

    it('gives a heavier parcel a dearer fee and a pick-up an EP waybill', async () => {
      const heavy = await create(aResultOrder({ OrderNumber: 'HEAVY', Weight: 1_200 }));
      expect(heavy.body.Data.TotalFee).toBe(22_000 + 3 * 5_500);
      const pickup = await create(aPickupOrder());
      expect(isS10(pickup.body.Data.ItemCode, 'EP')).toBe(true);
      expect(pickup.body.Data.ItemCode).not.toBe(heavy.body.Data.ItemCode);
    });

    it('issues one waybill to repeats of an OrderNumber that arrive at once', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, () => create()));
      expect(new Set(answers.map((a) => a.body.Data.ItemCode)).size).toBe(1);
      expect(answers.filter((a) => !a.body.Data.Duplicated)).toHaveLength(1);
      expect(carrier.orders()).toHaveLength(1);
    });

    it.each([
      ['ReceiverWardId', { ReceiverWardId: '0004' }],
      ['SenderWardId', { SenderWardId: 4 }],
      ['ReceiverTel', { ReceiverTel: undefined }],
      ['OrderNumber', { OrderNumber: '' }],
      ['Weight', { Weight: 0 }],
    ])('refuses a bad %s with code 03 naming the field, and takes nothing', async (field, change) => {
      const refused = await create(aResultOrder(change));
      expect(refused).toEqual({ status: 400, body: { Code: '03', Message: `${field} không hợp lệ` } });
      expect(carrier.orders()).toEqual([]);
    });

    it('refuses a pick-up without the window the postman comes in', async () => {
      const refused = await create(aPickupOrder({ PickupWindowEnd: '2026-12-08T07:00:00+07:00' }));
      expect(refused.body).toEqual({ Code: '03', Message: 'PickupWindowEnd không hợp lệ' });
    });

    it('refuses a wrong or missing token with 401, and takes nothing', async () => {
      expect(await call('POST', '/api/v1/orders', aResultOrder(), 'not-the-token')).toMatchObject({ status: 401, body: { Code: '401' } });
      expect(await call('POST', '/api/v1/orders', aResultOrder(), null)).toMatchObject({ status: 401, body: { Code: '401' } });
      expect(carrier.orders()).toEqual([]);
    });
  });

  describe('cancelling and tracking', () => {
    it('cancels before pick-up (and again, harmlessly), records CANCELLED, and refuses after pick-up', async () => {
      const { ItemCode } = (await create()).body.Data;
      expect(await call('POST', `/api/v1/orders/${ItemCode}/cancel`)).toEqual({ status: 200, body: { Code: '00', Message: 'OK' } });
      expect(await call('POST', `/api/v1/orders/${ItemCode}/cancel`)).toEqual({ status: 200, body: { Code: '00', Message: 'OK' } });
      expect(carrier.orders()[0].events.map((e) => e.Status)).toEqual(['ACCEPTED', 'CANCELLED']);

      const picked = (await create(aResultOrder({ OrderNumber: 'PICKED' }))).body.Data.ItemCode;
      await advance(picked, { status: 'PICKED_UP' });
      expect(await call('POST', `/api/v1/orders/${picked}/cancel`)).toEqual({ status: 409, body: { Code: '09', Message: 'Bưu gửi đã được nhận' } });
      expect(await call('POST', '/api/v1/orders/EB999999999VN/cancel')).toMatchObject({ status: 404, body: { Code: '04' } });
    });

    it('tracks every event of a waybill, oldest first, and knows no unknown waybill', async () => {
      const { ItemCode } = (await create()).body.Data;
      await advance(ItemCode, { status: 'PICKED_UP' });
      await advance(ItemCode, { status: 'IN_TRANSIT' });
      const tracked = await call('GET', `/api/v1/orders/${ItemCode}/tracking`);
      expect(tracked.status).toBe(200);
      expect(tracked.body.Data.Events.map((e: CarrierEvent) => [e.EventId, e.Status])).toEqual([
        [`${ItemCode}-1`, 'ACCEPTED'],
        [`${ItemCode}-2`, 'PICKED_UP'],
        [`${ItemCode}-3`, 'IN_TRANSIT'],
      ]);
      const times = tracked.body.Data.Events.map((e: CarrierEvent) => Date.parse(e.EventTime));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(times).size).toBe(3);
      expect((await call('GET', '/api/v1/orders/EB999999999VN/tracking')).status).toBe(404);
    });
  });

  describe('advancing a shipment', () => {
    it('refuses a move the shipment cannot make', async () => {
      const { ItemCode } = (await create()).body.Data;
      await advance(ItemCode, { status: 'PICKED_UP' });
      await advance(ItemCode, { status: 'DELIVERED' });
      expect(await advance(ItemCode, { status: 'IN_TRANSIT' })).toMatchObject({ status: 409, body: { Code: '09' } });
      expect(await advance(ItemCode, { status: 'LOST' })).toMatchObject({ status: 400, body: { Code: '03' } });
      expect(await advance('EB999999999VN', { status: 'PICKED_UP' })).toMatchObject({ status: 404 });
    });

    it('reports a pick-up whose papers lack documents, with the missing ones', async () => {
      const { ItemCode } = (await create(aPickupOrder())).body.Data;
      const missing = [{ Code: 'GCS', Name: 'Giấy chứng sinh' }];
      const incomplete = await advance(ItemCode, { status: 'PICKUP_INCOMPLETE', missingDocuments: missing, eventTime: '2026-12-08T09:30:00+07:00' });
      expect(incomplete.body).toMatchObject({
        EventId: `${ItemCode}-2`,
        Status: 'PICKUP_INCOMPLETE',
        EventTime: '2026-12-08T09:30:00+07:00',
        MissingDocuments: missing,
      });
      const result = (await create()).body.Data.ItemCode;
      expect(await advance(result, { status: 'PICKUP_INCOMPLETE', missingDocuments: missing })).toMatchObject({ status: 409 });
    });

    it('walks a waybill to DELIVERED on its own clock', async () => {
      const clocked = await startPostalCarrierSimulator({ token: TOKEN, callbackSecret: SECRET, autoAdvanceMs: 20 });
      try {
        clocked.reset();
        const response = await fetch(`${clocked.url}/api/v1/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify(aPickupOrder()),
        });
        expect(response.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(clocked.orders()[0].events.map((e) => e.Status)).toEqual(['ACCEPTED', 'PICKED_UP', 'IN_TRANSIT', 'DELIVERED']);
      } finally {
        await clocked.close();
      }
    });
  });

  describe('status callbacks', () => {
    it('posts each event, signed with the HMAC-SHA256 of its raw body', async () => {
      const { ItemCode } = (await create()).body.Data;
      await advance(ItemCode, { status: 'PICKED_UP' });
      await carrier.callbacksSettled();
      expect(statuses(receiver.received).sort()).toEqual(['ACCEPTED', 'PICKED_UP']);
      for (const { raw, signature } of receiver.received) expect(signature).toBe(signatureOf(raw));
      await advance(ItemCode, { status: 'DELIVERED' });
      await carrier.callbacksSettled();
      expect(receiver.received.at(-1)?.event).toMatchObject({
        EventId: `${ItemCode}-3`,
        Status: 'DELIVERED',
        ReceiverName: 'Nguyễn Thị Lan',
        MissingDocuments: [],
      });
    });

    it('posts a callback again until it is answered 2xx', async () => {
      receiver.answerNext(500, 503);
      await create();
      await carrier.callbacksSettled();
      expect(receiver.received).toHaveLength(3);
      expect(carrier.orders()[0].callbacks).toEqual([expect.objectContaining({ state: 'delivered', attempts: 3, answeredWith: 200 })]);
    });

    it('twice: posts every callback twice, with the same EventId', async () => {
      await steer({ callbacks: 'twice' });
      const { ItemCode } = (await create()).body.Data;
      await carrier.callbacksSettled();
      expect(receiver.received.map((r) => r.event.EventId)).toEqual([`${ItemCode}-1`, `${ItemCode}-1`]);
    });

    it('drop: records and tracks the events but posts nothing', async () => {
      await steer({ callbacks: 'drop' });
      const { ItemCode } = (await create()).body.Data;
      await advance(ItemCode, { status: 'PICKED_UP' });
      await carrier.callbacksSettled();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(receiver.received).toEqual([]);
      expect((await call('GET', `/api/v1/orders/${ItemCode}/tracking`)).body.Data.Events).toHaveLength(2);
    });

    it('reverse: holds the callbacks until flushed, then posts them newest first, one after the other', async () => {
      await steer({ callbacks: 'reverse' });
      const { ItemCode } = (await create()).body.Data;
      for (const status of ['PICKED_UP', 'IN_TRANSIT', 'DELIVERED']) await advance(ItemCode, { status });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(receiver.received).toEqual([]);
      expect(await call('POST', '/_control/flush-callbacks', undefined, null)).toEqual({ status: 200, body: { flushed: 4 } });
      expect(statuses(receiver.received)).toEqual(['DELIVERED', 'IN_TRANSIT', 'PICKED_UP', 'ACCEPTED']);
    });
  });

  describe('faults', () => {
    it('fail: answers 503 code 99 and takes nothing, for `count` calls, then works again', async () => {
      await steer({ mode: 'fail', count: 2 });
      expect(await create()).toMatchObject({ status: 503, body: { Code: '99' } });
      expect(await create()).toMatchObject({ status: 503, body: { Code: '99' } });
      expect(carrier.orders()).toEqual([]);
      expect(await create()).toMatchObject({ status: 200, body: { Data: { Duplicated: false } } });
    });

    it('timeout: takes the order but never answers, so the retry gets the same waybill', async () => {
      await steer({ mode: 'timeout', count: 1 });
      await expect(call('POST', '/api/v1/orders', aResultOrder(), TOKEN, 300)).rejects.toThrow();
      const [taken] = carrier.orders();
      expect(taken.events.map((e) => e.Status)).toEqual(['ACCEPTED']);
      expect((await create()).body.Data).toMatchObject({ ItemCode: taken.ItemCode, Duplicated: true });
    });

    it('slow: answers after delayMs', async () => {
      await steer({ mode: 'slow', delayMs: 150 });
      const started = Date.now();
      expect((await create()).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('refuses a control it does not know', async () => {
      expect(await steer({ mode: 'flaky' })).toMatchObject({ status: 400 });
      expect(await steer({ callbacks: 'sometimes' })).toMatchObject({ status: 400 });
    });
  });
});
