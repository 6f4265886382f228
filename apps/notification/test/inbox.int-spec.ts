import { Role } from '@motcua/auth';
import { TaskOwnerChanged, event } from '@motcua/contracts';
import { eventually, useServiceApp } from '@motcua/testing';
import request from 'supertest';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';

const WARD = '004.01.20.H26';

/** A task taken from `displaced` (the test tokens' officer is `officer-1`). */
const taskTakenFrom = (displaced: string, n: number) =>
  event(TaskOwnerChanged, {
    dossierCode: `${WARD}-261126-${String(n).padStart(4, '0')}`,
    nationalStatus: 4,
    sequence: 3,
    occurredAt: new Date(Date.UTC(2026, 10, 26, 3, n)).toISOString(),
    taskId: `0193a1c2-0000-7000-8000-${String(n).padStart(12, '0')}`,
    stepNumber: 1,
    agencyCode: WARD,
    change: 'reassigned',
    ownerId: `${WARD}.specialist.9`,
    previousOwnerId: displaced,
    actorId: `${WARD}.leader.1`,
    coordinatorId: `${WARD}.receiver.1`,
  });

describe("notification: an officer's work inbox", () => {
  const { service, db } = useServiceApp({ service: SERVICE, module: AppModule, entities, migrations, env: { DELIVERY_POLL_INTERVAL_MS: '0' } });
  const http = () => service.app.getHttpServer();
  const inbox = async (query: Record<string, string> = {}) =>
    request(http())
      .get('/api/v1/inbox')
      .query(query)
      .auth(await service.token([Role.Specialist], [WARD]), { type: 'bearer' });

  beforeAll(async () => {
    for (const n of [1, 2, 3]) await service.publish(taskTakenFrom('officer-1', n));
    await service.publish(taskTakenFrom('officer-2', 4));
    await eventually(async () => (await inbox()).body.items?.length === 3, "the caller's three messages");
  });

  it("lists the caller's own messages, newest first, unread, and nobody else's", async () => {
    const { body } = await inbox();
    expect(body.unread).toBe(3);
    expect(body.items.map((m: { dossierCode: string }) => m.dossierCode)).toEqual([3, 2, 1].map((n) => `${WARD}-261126-000${n}`));
    expect(body.items[0]).toMatchObject({ templateKey: 'task.taken_away', readAt: null, subject: expect.stringContaining('không còn do đồng chí xử lý') });
  });

  it('marks a message read once (reading it again keeps the first time) and lists the unread ones alone', async () => {
    const { body } = await inbox();
    const token = await service.token([Role.Specialist], [WARD]);
    const first = await request(http()).post(`/api/v1/inbox/${body.items[0].id}/read`).auth(token, { type: 'bearer' }).expect(200);
    expect(first.body.readAt).toMatch(/\+07:00$/);
    const again = await request(http()).post(`/api/v1/inbox/${body.items[0].id}/read`).auth(token, { type: 'bearer' }).expect(200);
    expect(again.body.readAt).toBe(first.body.readAt);

    const unread = await inbox({ unread: 'true' });
    expect(unread.body.unread).toBe(2);
    expect(unread.body.items).toHaveLength(2);
    expect(unread.body.items.every((m: { readAt: string | null }) => m.readAt === null)).toBe(true);
  });

  it('pages with a cursor', async () => {
    const first = await inbox({ limit: '2' });
    expect(first.body.items).toHaveLength(2);
    const second = await inbox({ limit: '2', cursor: first.body.nextCursor });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
  });

  it("answers 404 for another officer's message or one that is not there, and refuses citizens", async () => {
    const token = await service.token([Role.Specialist], [WARD]);
    const [theirs] = (await db.query(`SELECT id FROM notification WHERE recipient = 'officer-2'`)) as { id: string }[];
    const notMine = await request(http()).post(`/api/v1/inbox/${theirs.id}/read`).auth(token, { type: 'bearer' }).expect(404);
    expect(notMine.body.code).toBe('INBOX.MESSAGE_NOT_FOUND');
    await request(http()).post('/api/v1/inbox/not-an-id/read').auth(token, { type: 'bearer' }).expect(404);
    const citizen = await request(http())
      .get('/api/v1/inbox')
      .auth(await service.token([], [], 'citizen'), { type: 'bearer' })
      .expect(403);
    expect(citizen.body.code).toBe('INBOX.OFFICERS_ONLY');
    await request(http()).get('/api/v1/inbox').expect(401);
  });
});
