import { createTestDatabase, deleteTopology, TcpProxy, uniquePrefix, withBrokerChannel, type TestDatabase } from '@motcua/testing';
import { eventsExchangeName, MessagingReadiness, topologyNames } from '../src';
import { ParcelRegistered, effects, eventually, parcel, startService, unsentCount, type TestService } from './harness';

// The project-level testTimeout is not applied by jest 30 (it is a global option): these talk to real servers.
jest.setTimeout(60_000);

/**
 * Faults: the broker connection cut (through a TCP proxy: the shared RabbitMQ is never stopped), a crash
 * between commit and publish, the database cut under a consumer. The assertions: nothing lost, every effect once.
 */
describe('messaging: faults', () => {
  const prefix = uniquePrefix('faults');
  const databases: TestDatabase[] = [];
  const proxies: TcpProxy[] = [];
  const services: TestService[] = [];
  const environment = { MESSAGING_PREFIX: prefix, MESSAGING_RETRY_DELAYS_MS: '300,600,1200', MESSAGING_MAX_ATTEMPTS: 6 };

  const database = async (label: string) => {
    const db = await createTestDatabase(`faults_${label}`);
    databases.push(db);
    return db;
  };
  const proxy = async (port: number) => {
    const p = new TcpProxy();
    proxies.push(p);
    return { proxy: p, port: await p.start('127.0.0.1', port) };
  };
  const start = async (...args: Parameters<typeof startService>) => {
    const service = await startService(...args);
    services.push(service);
    return service;
  };

  afterAll(async () => {
    for (const service of services) await service.close();
    for (const p of proxies) await p.close();
    await deleteTopology(topologyNames(prefix, ['desk', 'scale', 'ledger', 'archive']));
    await Promise.all(databases.map((db) => db.drop()));
  });

  describe('the broker connection is cut', () => {
    let broker: TcpProxy;
    let desk: TestService;
    let scale: TestService;

    beforeAll(async () => {
      const { proxy: p, port } = await proxy(5672);
      broker = p;
      const env = { ...environment, AMQP_URL: `amqp://guest:guest@127.0.0.1:${port}` };
      desk = await start({ service: 'desk', bindings: ['mail.#'], databaseUrl: (await database('desk')).url, environment: env });
      scale = await start({ service: 'scale', bindings: ['test.#'], databaseUrl: (await database('scale')).url, environment: env });
    });

    it('keeps an event committed during the cut and delivers it after the connection is back; the consumer consumes again', async () => {
      await desk.unitOfWork.run((tx) => tx.publish(parcel('BEFORE-CUT')));
      await eventually(async () => (await effects(scale)).some((e) => e.code === 'BEFORE-CUT'), 'the first event', 5_000);

      broker.cut();
      const readiness = desk.app.get(MessagingReadiness);
      await eventually(async () => !(await readiness.check()).up, 'readiness to report the broker down', 5_000);

      await desk.unitOfWork.run((tx) => tx.publish(parcel('DURING-CUT')));
      expect(await unsentCount(desk)).toBe(1);
      expect((await readiness.check()).details).toMatchObject({ connected: false, outboxPending: 1 });

      broker.restore();
      await eventually(async () => (await effects(scale)).some((e) => e.code === 'DURING-CUT'), 'the event committed during the cut', 20_000);
      await eventually(async () => (await unsentCount(desk)) === 0, 'the outbox row marked sent', 5_000);
      expect((await readiness.check()).up).toBe(true);

      // The relay and the re-created consumer keep working after the reconnection.
      await desk.unitOfWork.run((tx) => tx.publish(parcel('AFTER-CUT')));
      await eventually(async () => (await effects(scale)).some((e) => e.code === 'AFTER-CUT'), 'an event after the reconnection', 5_000);
      expect((await effects(scale)).filter((e) => e.code.endsWith('-CUT')).map((e) => e.code)).toEqual(['BEFORE-CUT', 'DURING-CUT', 'AFTER-CUT']);
    });

    it('loses nothing and applies each event once when the connection is cut in the middle of a stream', async () => {
      const codes = Array.from({ length: 400 }, (_, i) => `STREAM-${i}`);
      for (let chunk = 0; chunk < codes.length; chunk += 100) {
        await desk.unitOfWork.run(async (tx) => {
          for (const code of codes.slice(chunk, chunk + 100)) await tx.publish(parcel(code));
        });
      }
      // Cut while the relay publishes and the consumer applies, then heal.
      await eventually(async () => (await effects(scale)).some((e) => e.code.startsWith('STREAM-')), 'the stream to start', 5_000);
      broker.cut();
      await new Promise((resolve) => setTimeout(resolve, 300));
      broker.restore();

      await eventually(
        async () => (await effects(scale)).filter((e) => e.code.startsWith('STREAM-')).length >= codes.length,
        'every event of the stream',
        30_000,
      );
      await eventually(async () => (await unsentCount(desk)) === 0, 'the outbox drained', 10_000);
      const applied = (await effects(scale)).filter((e) => e.code.startsWith('STREAM-')).map((e) => e.code);
      expect(applied).toHaveLength(codes.length);
      expect(new Set(applied).size).toBe(codes.length);
    });
  });

  it('publishes after a restart what was committed before a crash, and absorbs what was published but not marked sent', async () => {
    const deskDb = await database('crash');
    const ledger = await start({ service: 'ledger', bindings: ['test.#'], databaseUrl: (await database('ledger')).url, environment });

    // The first process commits three events but dies before its relay publishes them.
    const first = await start({ service: 'desk', bindings: ['mail.#'], databaseUrl: deskDb.url, environment, consume: false });
    await first.relay.stop();
    for (const code of ['CRASH-1', 'CRASH-2', 'CRASH-3']) await first.unitOfWork.run((tx) => tx.publish(parcel(code)));
    expect(await unsentCount(first)).toBe(3);
    // ...and CRASH-1 even reached the broker before the crash, without being marked sent.
    const [row] = await first.dataSource.query(`SELECT id, payload::text AS payload FROM outbox_message WHERE payload->>'code' = 'CRASH-1'`);
    await withBrokerChannel(async (channel) => {
      channel.publish(eventsExchangeName(prefix), ParcelRegistered.type, Buffer.from(row.payload), {
        messageId: row.id,
        type: ParcelRegistered.type,
        persistent: true,
        headers: { 'x-attempt': 1 },
      });
      await channel.waitForConfirms();
    });
    await first.close();
    await eventually(async () => (await effects(ledger)).some((e) => e.code === 'CRASH-1'), 'the early copy of CRASH-1', 5_000);
    expect((await effects(ledger)).filter((e) => e.code.startsWith('CRASH-'))).toHaveLength(1);

    // A fresh process on the same database publishes the rows; the consumer applies each event once.
    const duplicatesBefore = ledger.server.counts.duplicate;
    const second = await start({ service: 'desk', bindings: ['mail.#'], databaseUrl: deskDb.url, environment, consume: false });
    await eventually(async () => (await unsentCount(second)) === 0, 'the restarted relay to publish', 5_000);
    await eventually(async () => (await effects(ledger)).filter((e) => e.code.startsWith('CRASH-')).length === 3, 'all three events', 5_000);
    await eventually(() => ledger.server.counts.duplicate === duplicatesBefore + 1, 'the second copy of CRASH-1 to be skipped', 5_000);
    expect(
      (await effects(ledger))
        .filter((e) => e.code.startsWith('CRASH-'))
        .map((e) => e.code)
        .sort(),
    ).toEqual(['CRASH-1', 'CRASH-2', 'CRASH-3']);
  });

  it('retries a message that arrives while the consumer’s database is unreachable, and applies it once it is back', async () => {
    const db = await database('dbcut');
    const { proxy: postgres, port } = await proxy(5432);
    const url = new URL(db.url);
    url.port = String(port);
    const consumer = await start({ service: 'archive', bindings: ['test.#'], databaseUrl: url.toString(), environment });

    postgres.cut();
    await withBrokerChannel(async (channel) => {
      channel.publish(eventsExchangeName(prefix), ParcelRegistered.type, Buffer.from(JSON.stringify({ code: 'DB-CUT', weight: 1 })), {
        messageId: 'db-cut-1',
        type: ParcelRegistered.type,
        persistent: true,
        headers: { 'x-attempt': 1 },
      });
      await channel.waitForConfirms();
    });
    await eventually(() => consumer.server.counts.retried >= 1, 'a retry while the database is away', 5_000);
    postgres.restore();
    await eventually(() => consumer.recorder.seen.some((s) => s.code === 'DB-CUT'), 'the message applied after the database is back', 15_000);
    await eventually(async () => (await effects(consumer)).some((e) => e.code === 'DB-CUT'), 'its effect committed', 5_000);
    const seen = consumer.recorder.seen.filter((s) => s.code === 'DB-CUT');
    expect(seen).toHaveLength(1);
    expect(seen[0].attempt).toBeGreaterThan(1);
  });
});
