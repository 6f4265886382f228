import { randomUUID } from 'node:crypto';
import { type AnyJson, type SimulatorProcess, aDossierAccepted, callApi, eventually, freePort, startSimulatorProcess, useServiceApp } from '@motcua/testing';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';
import type { OutgoingMessage } from '../src/delivery/channel-sender';
import { signatureOf } from '@motcua/http';
import { SmsGatewaySender } from '../src/sms/sms-gateway.sender';

const API_KEY = 'integration-sms-api-key';
const SECRET = 'integration-sms-callback-secret';

/** A mobile number no other test of this file uses: the gateway's messages are looked up by it. */
let phones = 0;
const aPhone = () => `09${String(Date.now() % 1_000_000).padStart(6, '0')}${String(++phones).padStart(2, '0')}`;

const aMessage = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  notificationId: randomUUID(),
  channel: 'sms',
  recipient: aPhone(),
  subject: 'Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận',
  body: 'Hồ sơ 000.00.01.H26-261126-0001 của Ông/Bà đã được tiếp nhận lúc 09:05 ngày 26/11/2026.',
  dossierCode: '000.00.01.H26-261126-0001',
  attempt: 1,
  ...overrides,
});

describe('SMS through the brandname gateway (its simulator run as a process of its own)', () => {
  let gateway: SimulatorProcess;

  // Before the service starts: its sender reads where the gateway is when it is built.
  beforeAll(async () => {
    gateway = await startSimulatorProcess('sms-gateway', { SMS_GATEWAY_API_KEY: API_KEY, SMS_CALLBACK_SECRET: SECRET, SMS_REPORT_DELAY_MS: '100' });
    Object.assign(process.env, {
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_API_KEY: API_KEY,
      SMS_CALLBACK_SECRET: SECRET,
      SMS_LOOKUP_URL: 'https://dichvucong.example.gov.vn/tra-cuu?ma={dossierCode}',
      DELIVERY_SEND_TIMEOUT_MS: '1000',
      DELIVERY_RETRY_BASE_MS: '100',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const { service, db } = useServiceApp({ service: SERVICE, module: AppModule, entities, migrations });

  // The gateway posts its reports to the service over the network: it listens, and the gateway is told where.
  let reportsUrl: string;
  beforeAll(async () => {
    await service.app.listen(0, '127.0.0.1');
    reportsUrl = `${await service.app.getUrl()}/api/v1/delivery-reports/sms`;
    await steer({ callbackUrl: reportsUrl });
  });

  const steer = async (control: object) => expect((await callApi('POST', `${gateway.url}/_control`, null, control)).status).toBe(200);
  const atGateway = async (phone: string): Promise<AnyJson[]> => (await callApi('GET', `${gateway.url}/_messages?phone=${phone}`, null)).body;
  const sender = () => service.app.get(SmsGatewaySender);

  beforeEach(async () => {
    await steer({ mode: 'ok', count: null, report: 'DELIVERED', blocked: [], callbackUrl: reportsUrl });
  });

  describe('sending', () => {
    it('is accepted, the text without diacritics and the link, the number in its 84 form', async () => {
      const phone = aPhone();
      const message = aMessage({ recipient: `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` });
      const outcome = await sender().send(message);

      expect(outcome).toMatchObject({ kind: 'accepted', providerMessageId: expect.stringMatching(/^SIM-/) });
      const [sms] = await atGateway(phone);
      expect(sms).toMatchObject({
        requestId: message.notificationId,
        brandname: 'MOTCUA',
        phone: `84${phone.slice(1)}`,
        text: 'Ho so 000.00.01.H26-261126-0001 cua Ong/Ba da duoc tiep nhan luc 09:05 ngay 26/11/2026. https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.01.H26-261126-0001',
        segments: 1,
      });
    });

    it('sends a request id twice only once: the second is accepted as a duplicate of the first', async () => {
      const message = aMessage();
      const first = await sender().send(message);
      const again = await sender().send({ ...message, attempt: 2 });

      expect(first).toMatchObject({ kind: 'accepted' });
      expect(again).toMatchObject({ kind: 'accepted', duplicate: true, providerMessageId: first.kind === 'accepted' ? first.providerMessageId : 'none' });
      const messages = await atGateway(message.recipient);
      expect(messages).toHaveLength(1);
      expect(messages[0].duplicates).toBe(1);
    });

    it('shortens a long text to the segments allowed, the link whole at its end', async () => {
      const message = aMessage({ body: 'Thông báo về hồ sơ của Ông/Bà. '.repeat(40) });
      expect(await sender().send(message)).toMatchObject({ kind: 'accepted' });
      const [sms] = await atGateway(message.recipient);
      expect(sms.segments).toBe(3);
      expect(sms.text).toMatch(/\.\.\. https:\/\/dichvucong\.example\.gov\.vn\/tra-cuu\?ma=000\.00\.01\.H26-261126-0001$/);
    });

    it('fails at once a number that is no mobile number, without asking the gateway', async () => {
      const outcome = await sender().send(aMessage({ recipient: '024 3825 6789' }));
      expect(outcome).toEqual({ kind: 'permanent', error: expect.stringContaining('not a mobile number') });
      expect(await atGateway('02438256789')).toEqual([]);
    });

    it('fails at once a number the gateway has blocked', async () => {
      const message = aMessage();
      await steer({ blocked: [message.recipient] });
      expect(await sender().send(message)).toEqual({ kind: 'permanent', error: expect.stringContaining('code 21') });
      expect(await atGateway(message.recipient)).toEqual([]);
    });
  });

  describe('when the gateway is in trouble, the outcome says: try again', () => {
    it('on a failure (5xx)', async () => {
      await steer({ mode: 'fail', count: 1 });
      const message = aMessage();
      expect(await sender().send(message)).toEqual({ kind: 'transient', error: expect.stringContaining('HTTP 503') });
      // the next attempt goes through, once
      expect(await sender().send({ ...message, attempt: 2 })).toMatchObject({ kind: 'accepted' });
      expect(await atGateway(message.recipient)).toHaveLength(1);
    });

    it('on a throttle (429), no sooner than its Retry-After', async () => {
      await steer({ mode: 'throttle', retryAfterSeconds: 3, count: 1 });
      expect(await sender().send(aMessage())).toMatchObject({ kind: 'transient', retryAfterMs: 3_000 });
    });

    it('on no answer at all', async () => {
      await steer({ mode: 'drop', count: 1 });
      const message = aMessage();
      expect(await sender().send(message)).toEqual({ kind: 'transient', error: 'gateway not reached: no answer within 1000 ms' });
      expect(await atGateway(message.recipient)).toEqual([]);
    });

    it('on an answer slower than the send timeout; the gateway took it all the same, so the retry is a duplicate, sent once', async () => {
      await steer({ mode: 'slow', delayMs: 2_000, count: 1 });
      const message = aMessage();
      expect(await sender().send(message)).toEqual({ kind: 'transient', error: 'gateway not reached: no answer within 1000 ms' });
      await eventually(async () => (await atGateway(message.recipient)).length === 1, 'the gateway to take the message');

      expect(await sender().send({ ...message, attempt: 2 })).toMatchObject({ kind: 'accepted', duplicate: true });
      expect(await atGateway(message.recipient)).toHaveLength(1);
    });

    it('but takes a slow answer within the timeout', async () => {
      await steer({ mode: 'slow', delayMs: 300, count: 1 });
      expect(await sender().send(aMessage())).toMatchObject({ kind: 'accepted' });
    });

    it('on a gateway that is not there', async () => {
      const saved = process.env.SMS_GATEWAY_URL;
      process.env.SMS_GATEWAY_URL = `http://127.0.0.1:${await freePort()}`; // nothing listens there
      try {
        expect(await new SmsGatewaySender().send(aMessage())).toEqual({
          kind: 'transient',
          error: 'gateway not reached: fetch failed: ECONNREFUSED',
        });
      } finally {
        process.env.SMS_GATEWAY_URL = saved;
      }
    });
  });

  describe('a dossier received, to an applicant who gave only a phone number', () => {
    const statusOf = async (dossierCode: string) =>
      (
        await db.query<{ id: string; status: string; provider_message_id: string | null; last_error: string | null }[]>(
          `SELECT id, status, provider_message_id, last_error FROM notification WHERE dossier_code = $1`,
          [dossierCode],
        )
      )[0];

    it('is sent by the dispatcher and marked delivered when the gateway reports it', async () => {
      const phone = aPhone();
      const accepted = aDossierAccepted({ applicant: { email: undefined, phone } });
      await service.publish(accepted);

      const row = await eventually(async () => {
        const found = await statusOf(accepted.dossierCode);
        return found?.status === 'delivered' && found;
      }, 'the SMS delivered');
      const [sms] = await atGateway(phone);
      expect(sms).toMatchObject({ requestId: row.id, text: expect.stringMatching(/^Ho so \S+ da duoc tiep nhan luc /) });
      expect(row.provider_message_id).toBe(sms.messageId);
      const attempts = await db.query<{ outcome: string }[]>(`SELECT outcome FROM notification_attempt WHERE notification_id = $1 ORDER BY id`, [row.id]);
      // the report may come before the acceptance is recorded: both are in the history, in either order
      expect(attempts.map((a) => a.outcome).sort()).toEqual(['accepted', 'delivered']);
    });

    it('is marked undelivered, with the reason, when the carrier could not deliver it', async () => {
      await steer({ report: 'FAILED' });
      const accepted = aDossierAccepted({ applicant: { email: undefined, phone: aPhone() } });
      await service.publish(accepted);

      const row = await eventually(async () => {
        const found = await statusOf(accepted.dossierCode);
        return found?.status === 'undelivered' && found;
      }, 'the SMS undelivered');
      expect(row.last_error).toBe('FAILED (ABSENT_SUBSCRIBER)');
    });
  });

  describe('POST /api/v1/delivery-reports/sms', () => {
    /** A message sent and not yet reported, as the dispatcher leaves it. */
    const aSentMessage = async () => {
      const id = randomUUID();
      await db.query(
        `INSERT INTO notification (id, dossier_code, receiving_agency_code, event_message_id, template_key, channel, recipient, subject, body, status,
                                   attempts, sent_at, provider_message_id)
         VALUES ($1, '000.00.01.H26-261126-9001', '000.00.01.H26', $2, 'dossier.received', 'sms', '0912345678', 's', 'b', 'sent', 1, now(), 'GW-9')`,
        [id, randomUUID()],
      );
      return id;
    };
    const stateOf = async (id: string) => (await db.query<{ status: string }[]>(`SELECT status FROM notification WHERE id = $1`, [id]))[0].status;
    const post = (body: string, signature: string) =>
      fetch(reportsUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body });
    const reportOf = (id: string, status = 'DELIVERED') => JSON.stringify({ requestId: id, messageId: 'GW-9', status, at: '2026-12-07T09:00:05+07:00' });

    it('refuses a report without the right signature, 401 and nothing changed', async () => {
      const id = await aSentMessage();
      const body = reportOf(id);
      for (const signature of [signatureOf('another-secret-entirely', body), '', signatureOf(SECRET, `${body} `)]) {
        const response = await post(body, signature);
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(((await response.json()) as AnyJson).code).toBe('DELIVERY.REPORT_SIGNATURE_INVALID');
      }
      expect(await stateOf(id)).toBe('sent');
    });

    it('records a signed report once: a repeat is answered 200 and changes nothing', async () => {
      const id = await aSentMessage();
      const body = reportOf(id);
      const first = await post(body, signatureOf(SECRET, body));
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ recorded: true });
      expect(await stateOf(id)).toBe('delivered');

      const failedLate = reportOf(id, 'FAILED');
      for (const [again, signature] of [
        [body, signatureOf(SECRET, body)],
        [failedLate, signatureOf(SECRET, failedLate)],
      ]) {
        const repeat = await post(again, signature);
        expect(repeat.status).toBe(200);
        expect(await repeat.json()).toEqual({ recorded: false });
      }
      expect(await stateOf(id)).toBe('delivered');
    });

    it('answers 200 to a report about a message it does not know', async () => {
      const body = reportOf(randomUUID());
      const response = await post(body, signatureOf(SECRET, body));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ recorded: false });
    });

    it('refuses a signed report that is not one, naming the fields', async () => {
      const body = JSON.stringify({ requestId: 'not-ours', messageId: 'GW-9', status: 'READ', at: 'yesterday' });
      const response = await post(body, signatureOf(SECRET, body));
      expect(response.status).toBe(400);
      const problem = (await response.json()) as AnyJson;
      expect(problem.code).toBe('REQUEST.INVALID');
      expect([...new Set(problem.errors.map((e: AnyJson) => e.field))].sort()).toEqual(['at', 'requestId', 'status']);
    });
  });
});
