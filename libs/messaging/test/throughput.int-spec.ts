import { createTestDatabase, deleteTopology, uniquePrefix, type TestDatabase } from '@motcua/testing';
import { topologyNames } from '../src';
import { eventually, parcel, startService, unsentCount, type TestService } from './harness';

// The project-level testTimeout is not applied by jest 30 (it is a global option): these talk to real servers.
jest.setTimeout(60_000);

/** The relay batches: a backlog drains well over 1,000 events/s (claim, publish, one wait for confirms, mark). */
describe('messaging: throughput', () => {
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
    await deleteTopology(topologyNames(prefix, ['desk', 'counter'], 3));
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('relays a backlog of 5,000 events at well over 1,000 per second, and the consumer takes them all once', async () => {
    const total = 5_000;
    await desk.relay.stop();
    for (let chunk = 0; chunk < total; chunk += 500) {
      await desk.unitOfWork.run(async (tx) => {
        for (let i = chunk; i < chunk + 500; i++) await tx.publish(parcel(`BULK-${i}`));
      });
    }
    expect(await unsentCount(desk)).toBe(total);

    const relayStart = Date.now();
    desk.relay.start();
    await eventually(async () => (await unsentCount(desk)) === 0, 20_000, 'the backlog relayed');
    const relaySeconds = (Date.now() - relayStart) / 1000;
    await eventually(() => counter.server.counts.handled >= total, 60_000, 'every event consumed');
    const endToEndSeconds = (Date.now() - relayStart) / 1000;

    const [{ n }] = await counter.dataSource.query(`SELECT count(DISTINCT code)::int AS n FROM test_effect WHERE code LIKE 'BULK-%'`);
    expect(n).toBe(total);
    const relayRate = Math.round(total / relaySeconds);
    const consumeRate = Math.round(total / endToEndSeconds);
    console.log(`relay: ${relayRate} events/s; publish-to-applied: ${consumeRate} events/s (${total} events)`);
    expect(relayRate).toBeGreaterThan(1_000);
  });
});
