import { Role } from '@motcua/auth';
import { ReturnMethod } from '@motcua/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aDossierAccepted, eventually, type RunningPostalService, startPostalService } from './support';

describe('postal-delivery: accepted dossiers', () => {
  let service: RunningPostalService;
  let db: DataSource;

  beforeAll(async () => {
    service = await startPostalService();
    db = service.app.get(DataSource);
  }, 30_000);

  afterAll(async () => {
    await service?.stop();
  });

  const inboxHas = async (messageId: string): Promise<boolean> =>
    ((await db.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [messageId])) as unknown[]).length === 1;
  const shipmentCount = async (): Promise<number> => (await db.query(`SELECT count(*)::int AS n FROM shipment`))[0].n;

  it('consumes a dossier whose result is returned at the desk, and records no shipment', async () => {
    const accepted = aDossierAccepted({ returnMethod: ReturnMethod.Desk });
    const messageId = await service.publish(accepted);

    await eventually(() => inboxHas(messageId));
    expect(await shipmentCount()).toBe(0);

    const token = await service.token();
    const response = await request(service.app.getHttpServer())
      .get('/api/v1/shipments')
      .query({ dossierCode: accepted.dossierCode })
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(response.body).toEqual({ items: [], nextCursor: null });
  });

  it('consumes a dossier whose result goes by post, and records nothing yet', async () => {
    const messageId = await service.publish(aDossierAccepted({ returnMethod: ReturnMethod.Post }));

    await eventually(() => inboxHas(messageId));
    expect(await shipmentCount()).toBe(0);
  });

  it('consumes the same message once, however often it is delivered', async () => {
    const accepted = aDossierAccepted({ returnMethod: ReturnMethod.Desk });
    const before = service.consumed();
    const messageId = await service.publish(accepted);
    await service.publish(accepted, messageId);

    await eventually(() => service.consumed() >= before + 2);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM inbox_message WHERE message_id = $1`, [messageId]);
    expect(n).toBe(1);
  });

  describe('GET /api/v1/shipments', () => {
    it('needs an officer token', async () => {
      const http = service.app.getHttpServer();
      await request(http).get('/api/v1/shipments').query({ dossierCode: '000.00.01.H26-261126-0001' }).expect(401);
      const noRole = await service.token([]);
      await request(http)
        .get('/api/v1/shipments')
        .query({ dossierCode: '000.00.01.H26-261126-0001' })
        .auth(noRole, { type: 'bearer' })
        .expect(403);
    });

    it('refuses a malformed dossier code or cursor as a problem', async () => {
      const token = await service.token([Role.Returner]);
      const http = service.app.getHttpServer();
      const badCode = await request(http).get('/api/v1/shipments').query({ dossierCode: 'x' }).auth(token, { type: 'bearer' }).expect(400);
      expect(badCode.body.code).toBe('REQUEST.INVALID');
      const badCursor = await request(http)
        .get('/api/v1/shipments')
        .query({ dossierCode: '000.00.01.H26-261126-0001', cursor: 'not-a-cursor' })
        .auth(token, { type: 'bearer' })
        .expect(400);
      expect(badCursor.body.code).toBe('REQUEST.INVALID_CURSOR');
    });
  });
});
