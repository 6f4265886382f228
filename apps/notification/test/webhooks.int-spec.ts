import { once } from 'node:events';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import { Role } from '@motcua/auth';
import { aDossierAccepted, eventually, useServiceApp } from '@motcua/testing';
import request from 'supertest';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';
import { verifyWebhookSignature } from '../src/webhooks/webhook-signature';

// Read when the app starts: local http receivers, quick retries, a subscription disabled after three failures in a
// row (no time required), and a channel circuit that would open after two failures in a row if a receiver's failures
// counted toward it (they do not: one failing receiver must not hold back the other subscribers).
Object.assign(process.env, {
  WEBHOOK_ALLOW_LOCAL_HTTP: 'true',
  WEBHOOK_DISABLE_AFTER_FAILURES: '3',
  WEBHOOK_DISABLE_AFTER_HOURS: '0',
  DELIVERY_POLL_INTERVAL_MS: '20',
  DELIVERY_RETRY_BASE_MS: '20',
  DELIVERY_RETRY_MAX_MS: '50',
  DELIVERY_CIRCUIT_FAILURES: '2',
  WEBHOOK_SUBSCRIPTIONS_REFRESH_MS: '300',
});

/** One POST as the receiver got it. */
interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A partner's receiver: every POST is kept as received (raw body), and each path answers the statuses a test gave it,
 * in turn (the last one from then on; 200 when none was given).
 */
class Receiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, number[]>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const statuses = this.answers.get(path) ?? [200];
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0];
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'lỗi tạm thời');
    });
  });

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}${path}`;
  }

  answer(path: string, ...statuses: number[]): void {
    this.answers.set(path, statuses);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }
}

describe('notification: webhooks to agencies’ subscribed systems', () => {
  const { service, db, server } = useServiceApp({ service: SERVICE, module: AppModule, entities, migrations });
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  const http = () => service.app.getHttpServer();
  const admin = () => service.token([Role.Admin]);

  /** Subscribes `path` of the receiver to `agencyCode`'s events; returns the created subscription (with its secret). */
  const subscribe = async (agencyCode: string, path: string, events?: string[]) => {
    const response = await request(http())
      .post('/api/v1/webhook-subscriptions')
      .auth(await admin(), { type: 'bearer' })
      .send({ agencyCode, url: receiver.url(path), events })
      .expect(201);
    return response.body as { id: string; secret: string };
  };

  const subscription = async (id: string) =>
    (
      await request(http())
        .get(`/api/v1/webhook-subscriptions/${id}`)
        .auth(await admin(), { type: 'bearer' })
        .expect(200)
    ).body;

  const deliveriesOf = (subscriptionId: string): Promise<{ id: string; status: string; attempts: number; last_error: string | null; dossier_code: string }[]> =>
    db.query(`SELECT id, status, attempts, last_error, dossier_code FROM notification WHERE channel = 'webhook' AND recipient = $1 ORDER BY created_at, id`, [
      subscriptionId,
    ]);

  /** Publishes the event and waits until the service has consumed it. */
  const consumed = async (event: object): Promise<string> => {
    const before = server.counts.handled;
    const messageId = await service.publish(event);
    await eventually(() => server.counts.handled > before, 'the event to be consumed');
    return messageId;
  };

  describe('POST /api/v1/webhook-subscriptions', () => {
    it('subscribes a system and shows its secret once', async () => {
      const created = await request(http())
        .post('/api/v1/webhook-subscriptions')
        .auth(await admin(), { type: 'bearer' })
        .send({ agencyCode: '000.00.81.H26', url: receiver.url('/created'), events: ['intake.dossier.accepted'] })
        .expect(201);
      expect(created.body).toMatchObject({
        agencyCode: '000.00.81.H26',
        url: receiver.url('/created'),
        events: ['intake.dossier.accepted'],
        status: 'active',
        consecutiveFailures: 0,
        createdBy: 'officer-1',
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      });
      const shown = await subscription(created.body.id);
      expect(shown).not.toHaveProperty('secret');
      expect(shown).toMatchObject({ id: created.body.id, status: 'active', createdAt: expect.stringMatching(/\+07:00$/) });
    });

    it('answers a retry under the same Idempotency-Key with the same subscription', async () => {
      const send = async () =>
        request(http())
          .post('/api/v1/webhook-subscriptions')
          .auth(await admin(), { type: 'bearer' })
          .set('Idempotency-Key', 'dang-ky-webhook-1')
          .send({ agencyCode: '000.00.82.H26', url: receiver.url('/retried') })
          .expect(201);
      const first = await send();
      const second = await send();
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      const listed = await request(http())
        .get('/api/v1/webhook-subscriptions')
        .query({ agencyCode: '000.00.82.H26' })
        .auth(await admin(), { type: 'bearer' });
      expect(listed.body.items).toHaveLength(1);
    });

    it('is for administrators only', async () => {
      const body = { agencyCode: '000.00.83.H26', url: receiver.url('/x') };
      await request(http()).post('/api/v1/webhook-subscriptions').send(body).expect(401);
      for (const token of [await service.token([Role.Receiver, Role.Leader], ['000.00.83.H26']), await service.token([], [], 'machine')]) {
        const refused = await request(http()).post('/api/v1/webhook-subscriptions').auth(token, { type: 'bearer' }).send(body).expect(403);
        expect(refused.body.code).toBe('AUTH.FORBIDDEN');
        await request(http()).get('/api/v1/webhook-subscriptions').auth(token, { type: 'bearer' }).expect(403);
      }
    });

    it('refuses a URL that is not https, naming the field', async () => {
      const refused = await request(http())
        .post('/api/v1/webhook-subscriptions')
        .auth(await admin(), { type: 'bearer' })
        .send({ agencyCode: '000.00.83.H26', url: 'http://doi-tac.example.vn/hook' })
        .expect(400);
      expect(refused.body).toMatchObject({ code: 'WEBHOOK.URL_INVALID', errors: [{ field: 'url', code: 'WEBHOOK.URL_INVALID' }] });
      expect(refused.body.title).toBe('Địa chỉ nhận sự kiện (webhook) không hợp lệ');
    });

    it('refuses an event type not offered, and a malformed agency code', async () => {
      const token = await admin();
      const unknown = await request(http())
        .post('/api/v1/webhook-subscriptions')
        .auth(token, { type: 'bearer' })
        .send({ agencyCode: '000.00.83.H26', url: receiver.url('/x'), events: ['workflow.case.closed'] })
        .expect(400);
      expect(unknown.body).toMatchObject({ code: 'WEBHOOK.EVENT_UNKNOWN', errors: [{ field: 'events[0]' }] });
      const badAgency = await request(http())
        .post('/api/v1/webhook-subscriptions')
        .auth(token, { type: 'bearer' })
        .send({ agencyCode: 'x y', url: receiver.url('/x') });
      expect(badAgency.status).toBe(400);
      expect(badAgency.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET, DELETE and enable', () => {
    it("lists an agency's subscriptions page by page", async () => {
      for (const path of ['/p1', '/p2', '/p3']) await subscribe('000.00.84.H26', path);
      const token = await admin();
      const first = await request(http())
        .get('/api/v1/webhook-subscriptions')
        .query({ agencyCode: '000.00.84.H26', limit: 2 })
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(first.body.items.map((s: { url: string }) => s.url)).toEqual([receiver.url('/p1'), receiver.url('/p2')]);
      expect(first.body.items[0]).not.toHaveProperty('secret');
      const second = await request(http())
        .get('/api/v1/webhook-subscriptions')
        .query({ agencyCode: '000.00.84.H26', limit: 2, cursor: first.body.nextCursor })
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(second.body).toMatchObject({ items: [{ url: receiver.url('/p3') }], nextCursor: null });
    });

    it('answers 404 for a subscription that does not exist', async () => {
      const token = await admin();
      for (const id of ['0193a1b2-0000-7000-8000-000000000099', 'not-an-id']) {
        const missing = await request(http()).get(`/api/v1/webhook-subscriptions/${id}`).auth(token, { type: 'bearer' }).expect(404);
        expect(missing.body.code).toBe('WEBHOOK.NOT_FOUND');
        await request(http()).delete(`/api/v1/webhook-subscriptions/${id}`).auth(token, { type: 'bearer' }).expect(404);
        await request(http()).post(`/api/v1/webhook-subscriptions/${id}/enable`).auth(token, { type: 'bearer' }).expect(404);
      }
    });

    it('sends nothing more to a deleted subscription', async () => {
      const { id } = await subscribe('000.00.85.H26', '/deleted');
      const deleted = await request(http())
        .delete(`/api/v1/webhook-subscriptions/${id}`)
        .auth(await admin(), { type: 'bearer' })
        .expect(200);
      expect(deleted.body.status).toBe('deactivated');
      await consumed(aDossierAccepted({ receivingAgencyCode: '000.00.85.H26' }));
      expect(await deliveriesOf(id)).toEqual([]);
    });
  });

  describe('changes made by another instance', () => {
    // As another instance of notification writes them: straight to the table, this instance not told.
    const insertedElsewhere = async (agencyCode: string, path: string): Promise<string> => {
      const [{ id }] = await db.query(
        `INSERT INTO webhook_subscription (id, agency_code, url, secret, events, created_by) VALUES (gen_random_uuid(), $1, $2, 'whsec_khac', '{}', 'admin-khac') RETURNING id`,
        [agencyCode, receiver.url(path)],
      );
      return id as string;
    };
    // longer than the refresh (300 ms) and shorter than the age at which a copy is read again on look-up (600 ms):
    // only the instance's own refresh can have shown it the change
    const refreshed = () => new Promise((resolve) => setTimeout(resolve, 450));

    it('fans events out to a subscription created elsewhere once this instance has re-read them (WEBHOOK_SUBSCRIPTIONS_REFRESH_MS)', async () => {
      await subscribe('000.00.86.H26', '/here-created', ['workflow.task.created']); // the copy read just now
      const id = await insertedElsewhere('000.00.86.H26', '/elsewhere-created');
      await refreshed();
      await consumed(aDossierAccepted({ receivingAgencyCode: '000.00.86.H26' }));
      expect(await deliveriesOf(id)).toHaveLength(1);
    });

    it('records nothing more for a subscription deactivated elsewhere, once re-read', async () => {
      const { id } = await subscribe('000.00.87.H26', '/elsewhere-deactivated');
      await consumed(aDossierAccepted({ receivingAgencyCode: '000.00.87.H26' }));
      expect(await deliveriesOf(id)).toHaveLength(1);
      await subscribe('000.00.87.H26', '/here-too', ['workflow.task.created']); // the copy read just now
      await db.query(`UPDATE webhook_subscription SET active = false WHERE id = $1`, [id]);
      await refreshed();
      await consumed(aDossierAccepted({ receivingAgencyCode: '000.00.87.H26' }));
      expect(await deliveriesOf(id)).toHaveLength(1);
    });
  });

  describe('delivery', () => {
    it('POSTs an event for the agency once, signed, to each subscription that wants it', async () => {
      const agency = '000.00.91.H26';
      const wanted = await subscribe(agency, '/one');
      const other = await subscribe(agency, '/tasks-only', ['workflow.task.created']);
      const elsewhere = await subscribe('000.00.92.H26', '/elsewhere');
      const accepted = aDossierAccepted({ receivingAgencyCode: agency });
      const messageId = await service.publish(accepted);

      const [delivery] = await eventually(async () => {
        const rows = await deliveriesOf(wanted.id);
        return rows.length === 1 && rows[0].status === 'sent' && rows;
      }, 'the delivery to be sent');
      // the same message again (a redelivery) is not delivered again
      const duplicates = server.counts.duplicate;
      await service.publish(accepted, messageId);
      await eventually(() => server.counts.duplicate > duplicates, 'the copy to be dropped');

      const posts = receiver.at('/one');
      expect(posts).toHaveLength(1);
      const [post] = posts;
      expect(post.headers).toMatchObject({
        'content-type': 'application/json',
        'x-motcua-delivery': delivery.id,
        'x-motcua-event': 'intake.dossier.accepted',
        'x-motcua-timestamp': expect.stringMatching(/^\d+$/),
      });
      expect(verifyWebhookSignature(wanted.secret, post.headers['x-motcua-signature'], post.headers['x-motcua-timestamp'], post.body, 300)).toBe(true);
      expect(verifyWebhookSignature(other.secret, post.headers['x-motcua-signature'], post.headers['x-motcua-timestamp'], post.body, 300)).toBe(false);
      expect(JSON.parse(post.body)).toEqual({
        deliveryId: delivery.id,
        type: 'intake.dossier.accepted',
        occurredAt: accepted.occurredAt,
        dossierCode: accepted.dossierCode,
        data: JSON.parse(JSON.stringify(accepted)),
      });
      expect(await deliveriesOf(other.id)).toEqual([]);
      expect(await deliveriesOf(elsewhere.id)).toEqual([]);
      expect(receiver.at('/tasks-only')).toEqual([]);
    });

    it('retries a receiver that answered 500, and delivers once when it answers 200', async () => {
      receiver.answer('/flaky', 500, 200);
      const { id } = await subscribe('000.00.93.H26', '/flaky');
      await service.publish(aDossierAccepted({ receivingAgencyCode: '000.00.93.H26' }));

      const [delivery] = await eventually(async () => {
        const rows = await deliveriesOf(id);
        return rows[0]?.status === 'sent' && rows;
      }, 'the delivery to be sent after a retry');
      expect(delivery.attempts).toBe(2);
      const posts = receiver.at('/flaky');
      expect(posts.map((p) => p.headers['x-motcua-delivery'])).toEqual([delivery.id, delivery.id]);
      expect(posts[0].body).toBe(posts[1].body);
      expect(await subscription(id)).toMatchObject({ status: 'active', consecutiveFailures: 0, lastError: 'HTTP 500: lỗi tạm thời' });
    });

    it('keeps delivering to a healthy receiver while another keeps failing: a receiver’s failures do not open the channel’s circuit', async () => {
      receiver.answer('/broken', 500);
      const broken = await subscribe('000.00.95.H26', '/broken');
      await subscribe('000.00.96.H26', '/healthy');
      for (let i = 0; i < 2; i++) await service.publish(aDossierAccepted({ receivingAgencyCode: '000.00.95.H26' }));
      // more failures in a row than DELIVERY_CIRCUIT_FAILURES: a shared circuit would now hold the channel for seconds
      await eventually(async () => (await deliveriesOf(broken.id)).reduce((n, d) => n + d.attempts, 0) >= 2, 'the broken receiver failing');
      await service.publish(aDossierAccepted({ receivingAgencyCode: '000.00.96.H26' }));
      await eventually(() => receiver.at('/healthy').length === 1, 'the healthy receiver served at once', 2_000);
    });

    it('disables a subscription that keeps failing, says why, sends it nothing more, and sends again once enabled', async () => {
      receiver.answer('/down', 500);
      const agency = '000.00.94.H26';
      const { id } = await subscribe(agency, '/down');
      await service.publish(aDossierAccepted({ receivingAgencyCode: agency }));

      const disabled = await eventually(async () => {
        const s = await subscription(id);
        return s.status === 'disabled' && s;
      }, 'the subscription to be disabled');
      expect(disabled).toMatchObject({
        consecutiveFailures: 3,
        lastError: 'HTTP 500: lỗi tạm thời',
        disabledAt: expect.stringMatching(/\+07:00$/),
        disabledReason: expect.stringMatching(/^Tạm ngừng gửi sau 3 lần gửi liên tiếp không thành công .*; lần cuối: HTTP 500: lỗi tạm thời$/),
      });
      // its pending delivery fails with the reason, without another POST
      const [failed] = await eventually(async () => {
        const rows = await deliveriesOf(id);
        return rows[0]?.status === 'failed' && rows;
      }, 'the pending delivery to fail');
      expect(failed.last_error).toContain(`webhook subscription ${id} is disabled: Tạm ngừng gửi sau 3 lần`);
      expect(receiver.at('/down')).toHaveLength(3);

      // a second event: nothing recorded, nothing POSTed
      await consumed(aDossierAccepted({ receivingAgencyCode: agency }));
      expect(await deliveriesOf(id)).toHaveLength(1);
      expect(receiver.at('/down')).toHaveLength(3);

      // repaired and enabled: the next event goes
      receiver.answer('/down', 200);
      const enabled = await request(http())
        .post(`/api/v1/webhook-subscriptions/${id}/enable`)
        .auth(await admin(), { type: 'bearer' })
        .expect(200);
      expect(enabled.body).toMatchObject({ status: 'active', consecutiveFailures: 0, disabledAt: null, disabledReason: null });
      await service.publish(aDossierAccepted({ receivingAgencyCode: agency }));
      await eventually(async () => (await deliveriesOf(id)).some((d) => d.status === 'sent'), 'a delivery after enabling');
      expect(receiver.at('/down')).toHaveLength(4);
    });

    it('disables a subscription at once when its receiver answers 410 Gone', async () => {
      receiver.answer('/gone', 410);
      const { id } = await subscribe('000.00.95.H26', '/gone');
      await service.publish(aDossierAccepted({ receivingAgencyCode: '000.00.95.H26' }));
      const gone = await eventually(async () => {
        const s = await subscription(id);
        return s.status === 'disabled' && s;
      }, 'the subscription to be disabled');
      expect(gone.disabledReason).toContain('HTTP 410');
      expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    });
  });
});
