import { createTestDatabase, deleteTopology, uniquePrefix, type TestDatabase } from '@motcua/testing';
import { OUTBOX_RESCAN_MARGIN, outboxInsert, topologyNames } from '../src';
import { eventually, parcel, startService, unsentCount, type TestService } from './harness';

// The project-level testTimeout is not applied by jest 30 (it is a global option): these talk to real servers.
jest.setTimeout(60_000);

/**
 * A backlog: the relay drains it in batches and the consumer applies every event exactly once, many of them in
 * shared transactions. (How fast is measured by `npm run bench`, not asserted here on a shared machine.)
 */
describe('messaging: a large backlog', () => {
  const prefix = uniquePrefix('throughput');
  const databases: TestDatabase[] = [];
  let desk: TestService;
  let counter: TestService;

  beforeAll(async () => {
    const [deskDb, counterDb] = await Promise.all([createTestDatabase('throughput_desk'), createTestDatabase('throughput_counter')]);
    databases.push(deskDb, counterDb);
    const environment = { MESSAGING_PREFIX: prefix };
    desk = await startService({ service: 'desk', bindings: ['mail.#'], databaseUrl: deskDb.url, environment, consume: false });
    counter = await startService({ service: 'counter', bindings: ['test.#'], databaseUrl: counterDb.url, environment });
  });

  afterAll(async () => {
    await desk?.close();
    await counter?.close();
    await deleteTopology(topologyNames(prefix, ['desk', 'counter']));
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('relays a backlog of 5,000 events and the consumer applies each exactly once', async () => {
    const total = 5_000;
    await desk.relay.stop();
    for (let chunk = 0; chunk < total; chunk += 500) {
      await desk.unitOfWork.run(async (tx) => {
        for (let i = chunk; i < chunk + 500; i++) await tx.publish(parcel(`BULK-${i}`));
      });
    }
    expect(await unsentCount(desk)).toBe(total);

    desk.relay.start();
    await eventually(async () => (await unsentCount(desk)) === 0, 'the backlog relayed', 30_000);
    await eventually(() => counter.server.counts.handled >= total, 'every event consumed', 60_000);

    const [{ rows, codes }] = await counter.dataSource.query(
      `SELECT count(*)::int AS rows, count(DISTINCT code)::int AS codes FROM test_effect WHERE code LIKE 'BULK-%'`,
    );
    expect({ rows, codes }).toEqual({ rows: total, codes: total });
    expect(counter.server.counts.appliedInBatches).toBeGreaterThan(0);
  });

  it('relays an event whose transaction commits after more than the rescan margin of later events were sent', async () => {
    // The late transaction takes its outbox position first, then waits while later events are relayed: the claim
    // that follows them starts above the late row, and only the claim from the start (once a second) finds it.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let positioned!: () => void;
    const written = new Promise<void>((resolve) => (positioned = resolve));
    const late = desk.unitOfWork.run(async (tx) => {
      await tx.publish(parcel('LATE-1'));
      await tx.manager.query(outboxInsert('$1'), [await tx.takeEvents()]);
      positioned();
      await gate;
    });
    await written;
    const later = OUTBOX_RESCAN_MARGIN + 300;
    await desk.unitOfWork.run(async (tx) => {
      for (let i = 0; i < later; i++) await tx.publish(parcel(`AFTER-${i}`));
    });
    await eventually(async () => (await unsentCount(desk)) === 0, 'the later events relayed', 30_000);

    release();
    await late;
    const [{ behind }] = await desk.dataSource.query(
      `SELECT (SELECT max(position) FROM outbox_message) - position AS behind FROM outbox_message WHERE payload ->> 'code' = 'LATE-1'`,
    );
    expect(Number(behind)).toBeGreaterThan(OUTBOX_RESCAN_MARGIN);
    await eventually(async () => (await unsentCount(desk)) === 0, 'the late event relayed', 10_000);
    await eventually(
      async () => (await counter.dataSource.query(`SELECT 1 FROM test_effect WHERE code = 'LATE-1'`)).length === 1,
      'the late event consumed',
      10_000,
    );
  });

  it('shares one outbox between two replicas of a service without sending a row twice', async () => {
    const total = 2_000;
    const replica = await startService({
      service: 'desk',
      bindings: ['mail.#'],
      databaseUrl: databases[0].url,
      environment: { MESSAGING_PREFIX: prefix },
      consume: false,
    });
    try {
      await desk.relay.stop();
      await replica.relay.stop();
      for (let chunk = 0; chunk < total; chunk += 500) {
        await desk.unitOfWork.run(async (tx) => {
          for (let i = chunk; i < chunk + 500; i++) await tx.publish(parcel(`SHARED-${i}`));
        });
      }
      const handledBefore = counter.server.counts.handled;
      const duplicatesBefore = counter.server.counts.duplicate;
      const [deskBefore, replicaBefore] = [desk.relay.published, replica.relay.published];
      desk.relay.start();
      replica.relay.start();
      await eventually(async () => (await unsentCount(desk)) === 0, 'the two relays to drain the outbox', 30_000);
      await eventually(() => counter.server.counts.handled - handledBefore >= total, 'every event consumed', 60_000);

      // Both relays worked, and together they published each row exactly once (SKIP LOCKED, one claim each).
      const [byDesk, byReplica] = [desk.relay.published - deskBefore, replica.relay.published - replicaBefore];
      expect(byDesk).toBeGreaterThan(0);
      expect(byReplica).toBeGreaterThan(0);
      expect(byDesk + byReplica).toBe(total);
      expect(counter.server.counts.duplicate - duplicatesBefore).toBe(0);
    } finally {
      await replica.close();
    }
  });
});
