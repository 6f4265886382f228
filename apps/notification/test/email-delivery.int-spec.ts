import { Role } from '@motcua/auth';
import { TEST_DESK, aDossierAccepted, eventually, useServiceApp } from '@motcua/testing';
import request from 'supertest';
import { type SmtpSimulator, startSmtpSimulator } from '../../../simulators/smtp/smtp-simulator';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';

interface Row {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
}

describe('notification: email over SMTP, to a real SMTP server', () => {
  let catcher: SmtpSimulator;
  beforeAll(async () => {
    catcher = await startSmtpSimulator();
  });
  afterAll(() => catcher.close());

  const { service, db } = useServiceApp({
    service: SERVICE,
    module: AppModule,
    entities,
    migrations,
    env: () => ({
      SMTP_PORT: String(catcher.smtpPort),
      DELIVERY_POLL_INTERVAL_MS: '20',
      DELIVERY_RETRY_BASE_MS: '50',
      DELIVERY_RETRY_MAX_MS: '200',
      DELIVERY_CIRCUIT_FAILURES: '3',
      DELIVERY_CIRCUIT_OPEN_MS: '200',
      DELIVERY_CIRCUIT_MAX_OPEN_MS: '400',
    }),
  });
  beforeEach(() => catcher.reset());

  const rowOf = async (dossierCode: string): Promise<Row> =>
    ((await db.query(`SELECT id, status, attempts, last_error, provider_message_id FROM notification WHERE dossier_code = $1`, [dossierCode])) as Row[])[0];
  const mailTo = (address: string) => catcher.messages().filter((m) => m.to.includes(address));

  it('sends the receipt once, in Vietnamese (UTF-8 subject, text and HTML), with a Message-ID made of the notification id', async () => {
    const accepted = aDossierAccepted({ applicant: { fullName: 'Nguyễn Thị Hoa', email: 'hoa@example.vn' } });
    await service.publish(accepted);
    const [mail] = await eventually(() => mailTo('hoa@example.vn').length === 1 && mailTo('hoa@example.vn'), 'the mail at the SMTP server');
    const row = await eventually(async () => {
      const r = await rowOf(accepted.dossierCode);
      return r?.status === 'sent' && r;
    }, 'the message recorded as sent');

    expect(mail.subject).toBe(`Hồ sơ ${accepted.dossierCode} đã được tiếp nhận`);
    expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Hoa,');
    expect(mail.html).toContain('<meta charset="utf-8">');
    expect(mail.from).toContain('mot-cua@dichvucong.hanoi.gov.vn');
    expect(mail.messageId).toBe(`<${row.id}@motcua.hanoi.gov.vn>`);
    expect(row).toMatchObject({ attempts: 1, provider_message_id: mail.messageId, last_error: null });

    // the desk sees it sent, with its attempt
    const token = await service.token([Role.Receiver], [TEST_DESK]);
    const log = await request(service.app.getHttpServer())
      .get('/api/v1/notifications')
      .query({ dossierCode: accepted.dossierCode })
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(log.body.items[0]).toMatchObject({ status: 'sent', sentAt: expect.stringMatching(/\+07:00$/), attempts: [{ attempt: 1, outcome: 'accepted' }] });
    expect(log.body.items[0].attempts[0].response).toContain(`Message-ID ${mail.messageId}`);
  });

  it('keeps what it could not send while the server is down, then sends each message once when it is back', async () => {
    catcher.control({ mode: 'fail' });
    const dossiers = Array.from({ length: 5 }, (_, i) => aDossierAccepted({ applicant: { fullName: 'Trần Văn Nam', email: `nam.${i}@example.vn` } }));
    for (const accepted of dossiers) await service.publish(accepted);
    await eventually(async () => {
      const rows = await Promise.all(dossiers.map((d) => rowOf(d.dossierCode)));
      return rows.every((r) => r && r.status === 'pending' && r.attempts >= 1 && r.last_error?.includes('451'));
    }, 'every message tried and refused for now');
    expect(catcher.messages()).toHaveLength(0);

    catcher.control({ mode: 'ok' });
    await eventually(
      async () => (await Promise.all(dossiers.map((d) => rowOf(d.dossierCode)))).every((r) => r.status === 'sent'),
      'every message sent',
      15_000,
    );
    const ids = catcher.messages().map((m) => m.messageId);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it('fails a message at once when the server refuses the mailbox, with the reason', async () => {
    catcher.control({ mode: 'reject' });
    const accepted = aDossierAccepted({ applicant: { fullName: 'Lê Thị Mai', email: 'khong-co@example.vn' } });
    await service.publish(accepted);
    const row = await eventually(async () => {
      const r = await rowOf(accepted.dossierCode);
      return r?.status === 'failed' && r;
    }, 'the message failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('SMTP 550');
  });

  it('sends a failed message again when the coordinator or the head of the desk asks, once per Idempotency-Key', async () => {
    catcher.control({ mode: 'reject' });
    const accepted = aDossierAccepted({ coordinatorId: 'officer-9', applicant: { fullName: 'Vũ Văn Bình', email: 'binh@example.vn' } });
    await service.publish(accepted);
    const failed = await eventually(async () => {
      const r = await rowOf(accepted.dossierCode);
      return r?.status === 'failed' && r;
    }, 'the message failed');
    catcher.control({ mode: 'ok' });
    const http = service.app.getHttpServer();
    const resend = async (roles: Role[], agencies: string[], key?: string) => {
      const call = request(http)
        .post(`/api/v1/notifications/${failed.id}/resend`)
        .auth(await service.token(roles, agencies), { type: 'bearer' });
      return key ? call.set('Idempotency-Key', key) : call;
    };

    // a receiver who does not coordinate it may not; another desk does not see it
    expect((await resend([Role.Receiver], [TEST_DESK])).body.code).toBe('NOTIFICATION.RESEND_NOT_ALLOWED');
    expect((await resend([Role.HeadOfDesk], ['004.01.20.H26'])).status).toBe(404);

    const first = await resend([Role.HeadOfDesk], [TEST_DESK], 'resend-binh-1');
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ resendOf: failed.id, status: 'pending' });
    const again = await resend([Role.HeadOfDesk], [TEST_DESK], 'resend-binh-1');
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');

    await eventually(() => mailTo('binh@example.vn').length === 1, 'the mail sent again');
    const resent = (await db.query(`SELECT status, resend_of FROM notification WHERE id = $1`, [first.body.id])) as { status: string; resend_of: string }[];
    await eventually(
      async () => ((await db.query(`SELECT status FROM notification WHERE id = $1`, [first.body.id])) as { status: string }[])[0].status === 'sent',
      'sent',
    );
    expect(resent[0].resend_of).toBe(failed.id);
    expect(mailTo('binh@example.vn')).toHaveLength(1);

    // a message that never had a channel (no contact given) is not sent again; an unknown id is not found
    const unreachable = aDossierAccepted({ applicant: { fullName: 'Mai Văn Tư', email: undefined, phone: undefined } });
    await service.publish(unreachable);
    const noContact = await eventually(() => rowOf(unreachable.dossierCode), 'the no_contact row');
    const refused = await request(http)
      .post(`/api/v1/notifications/${noContact.id}/resend`)
      .auth(await service.token([Role.HeadOfDesk], [TEST_DESK]), { type: 'bearer' })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'NOTIFICATION.NOT_RESENDABLE' });
    expect(
      (
        await request(http)
          .post('/api/v1/notifications/not-an-id/resend')
          .auth(await service.token([Role.HeadOfDesk], [TEST_DESK]), { type: 'bearer' })
      ).status,
    ).toBe(404);
  });

  it('shows operators the channels: attempts and messages by outcome, the queue, and each circuit on /health/ready', async () => {
    const http = service.app.getHttpServer();
    const metrics = (await request(http).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/notification_attempts_total\{[^}]*channel="email"[^}]*outcome="accepted"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/notification_messages_total\{[^}]*channel="email"[^}]*status="failed"[^}]*\} [1-9]/);
    expect(metrics).toContain('notification_queue_depth');
    expect(metrics).toContain('notification_oldest_due_seconds');
    const ready = await request(http).get('/health/ready').expect(200);
    expect(ready.body.info.channels).toMatchObject({ email: { circuit: 'closed' }, sms: { circuit: expect.any(String) }, openCircuits: expect.any(Array) });
  });
});
