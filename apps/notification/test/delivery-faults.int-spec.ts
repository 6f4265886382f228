import { aDossierAccepted, eventually, publishEvent, useSuite } from '@motcua/testing';
import { type RunningSmsGatewaySimulator, startSmsGatewaySimulator } from '../../../simulators/sms-gateway/sms-gateway-simulator';
import { type SmtpSimulator, startSmtpSimulator } from '../../../simulators/smtp/smtp-simulator';

interface Row {
  id: string;
  status: string;
  attempts: number;
}

/**
 * Delivery through faults, with notification as its own processes: a crash between the provider's acceptance and
 * our record of it, and two replicas dispatching from one database.
 */
describe('notification delivery: a crash mid-send, and two replicas', () => {
  let catcher: SmtpSimulator;
  let gateway: RunningSmsGatewaySimulator;
  beforeAll(async () => {
    catcher = await startSmtpSimulator();
    gateway = await startSmsGatewaySimulator({ apiKey: 'faults-sms-key', callbackSecret: 'faults-sms-secret' });
  });
  afterAll(async () => {
    await catcher.close();
    await gateway.close();
  });

  const { suite, db } = useSuite('notification-faults', ['notification'], () => ({
    SMTP_PORT: String(catcher.smtpPort),
    SMS_GATEWAY_URL: gateway.url,
    SMS_GATEWAY_API_KEY: 'faults-sms-key',
    SMS_CALLBACK_SECRET: 'faults-sms-secret',
    DELIVERY_POLL_INTERVAL_MS: '20',
    // a message taken by a process that died is due again this soon; a send gives up before its lease ends (as the
    // defaults do, 10 s within 30 s), else a slow moment lets the other replica take the message while it is sent
    DELIVERY_LEASE_MS: '4000',
    DELIVERY_SEND_TIMEOUT_MS: '3000',
    DELIVERY_RETRY_BASE_MS: '50',
    DELIVERY_RETRY_MAX_MS: '200',
  }));
  beforeEach(() => catcher.reset());

  const rowOf = async (dossierCode: string): Promise<Row | undefined> =>
    (await db('notification').query<Row>(`SELECT id, status, attempts FROM notification WHERE dossier_code = $1`, [dossierCode])).rows[0];

  it('sends a mail again after a crash between the server taking it and our record, under the same Message-ID, and says so', async () => {
    // the server keeps the mail but holds its "250 OK" back: notification is killed before it hears it
    catcher.control({ mode: 'slow', delayMs: 60_000 });
    const accepted = aDossierAccepted({ applicant: { fullName: 'Phạm Văn Hùng', email: 'hung@example.vn' } });
    await publishEvent(suite.prefix, accepted);
    await eventually(() => catcher.messages().length === 1, 'the mail at the server');
    await suite.crash('notification');
    expect((await rowOf(accepted.dossierCode))?.status).toBe('pending'); // nothing recorded as sent

    catcher.control({ mode: 'ok' });
    await suite.restart('notification');
    const row = await eventually(
      async () => {
        const r = await rowOf(accepted.dossierCode);
        return r?.status === 'sent' && r;
      },
      'the message sent after the restart',
      15_000,
    );

    const copies = catcher.messages();
    expect(copies).toHaveLength(2);
    expect(copies[1].messageId).toBe(copies[0].messageId);
    expect(copies[0].messageId).toBe(`<${row.id}@motcua.hanoi.gov.vn>`);
    expect(row.attempts).toBe(2);
    const { rows: attempts } = await db('notification').query<{ attempt: number; outcome: string; response: string }>(
      `SELECT attempt, outcome, response FROM notification_attempt WHERE notification_id = $1 ORDER BY id`,
      [row.id],
    );
    // the first attempt died with the process: only the second is on record, and it says what happened
    expect(attempts).toEqual([{ attempt: 2, outcome: 'accepted', response: expect.stringContaining('under the same Message-ID') }]);
  });

  it('sends no second SMS after a crash between the gateway taking it and our record: the resend carries the same request id', async () => {
    // the gateway takes the message but answers late: notification is killed while it waits
    gateway.control({ mode: 'slow', delayMs: 3_000 });
    const accepted = aDossierAccepted({ applicant: { fullName: 'Ngô Thị Thu', email: undefined, phone: '0987 654 321' } });
    await publishEvent(suite.prefix, accepted);
    const taken = await eventually(async () => {
      const r = await rowOf(accepted.dossierCode);
      return r && r.attempts === 1 && r;
    }, 'the SMS taken for sending');
    // taken is committed just before the request goes out: give it time to reach the gateway, which holds its answer
    await new Promise((resolve) => setTimeout(resolve, 700));
    await suite.crash('notification');
    await eventually(() => gateway.messages('0987654321').length === 1, 'the SMS at the gateway', 8_000);
    expect((await rowOf(accepted.dossierCode))?.status).toBe('pending');

    gateway.control({ mode: 'ok' });
    await suite.restart('notification');
    const row = await eventually(
      async () => {
        const r = await rowOf(accepted.dossierCode);
        return (r?.status === 'sent' || r?.status === 'delivered') && r;
      },
      'the SMS recorded as sent after the restart',
      15_000,
    );
    const [sms] = gateway.messages('0987654321');
    expect(gateway.messages('0987654321')).toHaveLength(1); // one SMS reached the phone
    expect(sms).toMatchObject({ requestId: taken.id, duplicates: 1 }); // the resend was recognised as the same message
    expect(row.attempts).toBe(2);
  });

  it('sends each message once with two notification replicas dispatching from one database', async () => {
    await suite.startReplica('notification');
    const dossiers = Array.from({ length: 60 }, (_, i) => aDossierAccepted({ applicant: { fullName: 'Đỗ Thị Lan', email: `lan.${i}@example.vn` } }));
    await Promise.all(dossiers.map((accepted) => publishEvent(suite.prefix, accepted)));
    await eventually(
      async () => {
        const { rows } = await db('notification').query<{ sent: number }>(
          `SELECT count(*)::int AS sent FROM notification WHERE dossier_code = ANY($1) AND status = 'sent'`,
          [dossiers.map((d) => d.dossierCode)],
        );
        return rows[0].sent === dossiers.length;
      },
      'every message sent',
      20_000,
    );
    const ids = catcher.messages().map((m) => m.messageId);
    expect(ids).toHaveLength(dossiers.length);
    expect(new Set(ids).size).toBe(dossiers.length);
  });
});
