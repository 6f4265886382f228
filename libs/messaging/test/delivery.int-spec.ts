import { RequestContext } from '@motcua/observability';
import { createTestDatabase, deleteTopology, uniquePrefix, withBrokerChannel, type TestDatabase } from '@motcua/testing';
import { randomUUID } from 'node:crypto';
import { eventsExchangeName, outboxInsert, topologyNames, unroutedName } from '../src';
import { LetterPosted, ParcelRegistered, ParcelWeighed, effects, eventually, parcel, startService, type TestService } from './harness';

// The project-level testTimeout is not applied by jest 30 (it is a global option): these talk to real servers.
jest.setTimeout(60_000);

/**
 * Routing, duplicates and correlation through the real broker: three services with their own databases.
 *   counter  binds test.#            (every parcel event)
 *   scale    binds test.parcel.registered
 *   post     binds mail.#            (no parcel event)
 */
describe('messaging: delivery', () => {
  const prefix = uniquePrefix('delivery');
  const services = ['counter', 'scale', 'post'];
  const databases: TestDatabase[] = [];
  let counter: TestService;
  let scale: TestService;
  let post: TestService;

  beforeAll(async () => {
    const environment = { MESSAGING_PREFIX: prefix, OUTBOX_POLL_INTERVAL_MS: 60_000 };
    const start = async (service: string, bindings: string[]) => {
      const db = await createTestDatabase(`delivery_${service}`);
      databases.push(db);
      return startService({ service, bindings, databaseUrl: db.url, environment });
    };
    counter = await start('counter', ['test.#']);
    scale = await start('scale', ['test.parcel.registered']);
    post = await start('post', ['mail.#']);
  });

  afterAll(async () => {
    await Promise.all([counter, scale, post].map((s) => s?.close()));
    await deleteTopology(topologyNames(prefix, services));
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('delivers an event published through the unit of work to every bound service, and not to the unbound one', async () => {
    // The poll interval is a minute: only the post-commit wake-up can deliver within the wait below.
    await post.unitOfWork.run(async (tx) => {
      await tx.publish(parcel('P-1', 3));
    });

    // Wait for the committed effects (the recorder sees a delivery before its transaction commits).
    await eventually(async () => (await effects(counter)).length === 1, 'counter to apply P-1', 5_000);
    await eventually(async () => (await effects(scale)).length === 1, 'scale to apply P-1', 5_000);
    expect((await effects(counter)).map((e) => e.code)).toEqual(['P-1']);
    expect((await effects(scale)).map((e) => e.code)).toEqual(['P-1']);

    // A later event the post service IS bound to arrives there, so its silence about the parcel means something.
    await counter.unitOfWork.run((tx) => tx.publish(Object.assign(new LetterPosted(), { code: 'L-1' })));
    await eventually(async () => (await effects(post)).length === 1, 'post to apply L-1', 5_000);
    expect(post.recorder.of(ParcelRegistered.type)).toHaveLength(0);
    expect((await effects(post)).map((e) => e.code)).toEqual(['L-1']);
    expect(scale.recorder.of(LetterPosted.type)).toHaveLength(0);

    // The AMQP envelope as the architecture fixes it.
    const seen = counter.recorder.of(ParcelRegistered.type)[0];
    const [row] = await post.dataSource.query(`SELECT id, sent_at FROM outbox_message WHERE type = $1`, [ParcelRegistered.type]);
    expect(seen.messageId).toBe(row.id);
    expect(row.sent_at).not.toBeNull();
    expect(seen.headers).toMatchObject({ 'x-event-version': 1, 'x-attempt': 1 });
    expect(post.recorder.of(LetterPosted.type)[0].headers).toMatchObject({ 'x-event-version': 2 });
  });

  it('keeps an event nobody is bound to in the unrouted queue', async () => {
    await withBrokerChannel(async (channel) => {
      channel.publish(eventsExchangeName(prefix), 'nobody.listens.here', Buffer.from('{}'), { messageId: randomUUID(), type: 'nobody.listens.here' });
      await channel.waitForConfirms();
      const kept = await eventually(async () => (await channel.get(unroutedName(prefix), { noAck: true })) || null, 'the unrouted message', 5_000);
      expect(kept.fields.routingKey).toBe('nobody.listens.here');
    });
  });

  it('applies a message delivered twice only once', async () => {
    const messageId = randomUUID();
    const body = Buffer.from(JSON.stringify({ code: 'DUP-1', weight: 2 }));
    const duplicatesBefore = counter.server.counts.duplicate;
    await withBrokerChannel(async (channel) => {
      for (let i = 0; i < 2; i++) {
        channel.publish(eventsExchangeName(prefix), ParcelRegistered.type, body, {
          messageId,
          type: ParcelRegistered.type,
          persistent: true,
          headers: { 'x-attempt': 1 },
        });
      }
      await channel.waitForConfirms();
    });

    await eventually(() => counter.server.counts.duplicate === duplicatesBefore + 1, 'the second copy to be recognised', 5_000);
    await eventually(() => scale.server.counts.duplicate >= 1, 'scale to see the duplicate too', 5_000);
    expect(counter.recorder.seen.filter((s) => s.messageId === messageId)).toHaveLength(1);
    expect((await effects(counter)).filter((e) => e.message_id === messageId)).toHaveLength(1);
    expect((await effects(scale)).filter((e) => e.message_id === messageId)).toHaveLength(1);
    const [inbox] = await counter.dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE message_id = $1`, [messageId]);
    expect(inbox.n).toBe(1);
  });

  it('carries the correlation id from the publisher’s request context into the handler’s and onto follow-up events', async () => {
    // The counter answers every registered parcel with a follow-up event, published in its handler's transaction.
    counter.recorder.behaviour = async (event, ctx) => {
      if (ctx.getMessage().properties.type === ParcelRegistered.type) {
        await ctx.transaction.publish(Object.assign(new ParcelWeighed(), { code: event.code }));
      }
    };
    try {
      const correlationId = `corr-${randomUUID()}`;
      await RequestContext.run({ correlationId }, () => post.unitOfWork.run((tx) => tx.publish(parcel('CORR-1'))));

      const first = await eventually(() => scale.recorder.seen.find((s) => s.code === 'CORR-1'), 'scale to receive CORR-1', 5_000);
      expect(first.amqpCorrelationId).toBe(correlationId);
      expect(first.context).toEqual({ correlationId, causationId: first.messageId });

      // The follow-up keeps the correlation and names the message that caused it.
      const followUp = await eventually(
        () => counter.recorder.seen.find((s) => s.type === ParcelWeighed.type && s.code === 'CORR-1'),
        'the follow-up event',
        5_000,
      );
      expect(followUp.amqpCorrelationId).toBe(correlationId);
      expect(followUp.context?.correlationId).toBe(correlationId);
      expect(followUp.headers['x-causation-id']).toBe(first.messageId);
    } finally {
      counter.recorder.behaviour = async () => undefined;
    }
  });

  it('runs a write deferred to the commit after the work and before the events, in the transaction: it may publish, and rolls back with it', async () => {
    const outboxed = async (code: string): Promise<number> =>
      (await post.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'code' = $1`, [code]))[0].n;
    const steps: string[] = [];
    await post.unitOfWork.run(async (tx) => {
      tx.beforeCommit(async () => {
        steps.push(
          `deferred write, events written: ${(await tx.manager.query(`SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'code' = 'DEFER-1'`))[0].n}`,
        );
        await tx.publish(parcel('DEFER-1'));
      });
      await tx.publish(parcel('DEFER-1'));
      steps.push('work done');
    });
    expect(steps).toEqual(['work done', 'deferred write, events written: 0']);
    expect(await outboxed('DEFER-1')).toBe(2);
    await eventually(
      () => new Set(scale.recorder.seen.filter((s) => s.code === 'DEFER-1').map((s) => s.messageId)).size === 2,
      'both DEFER-1 events at scale',
      5_000,
    );

    await expect(
      post.unitOfWork.run(async (tx) => {
        await tx.publish(parcel('DEFER-2'));
        tx.beforeCommit(() => Promise.reject(new Error('the deferred write failed')));
      }),
    ).rejects.toThrow('the deferred write failed');
    expect(await outboxed('DEFER-2')).toBe(0);

    // one statement's work has no transaction to defer a write to
    await expect(post.unitOfWork.runInOneStatement(async (tx) => tx.beforeCommit(() => Promise.resolve()))).rejects.toThrow('no transaction to defer it to');
  });

  it('never hands a batch’s earlier events to a later message’s statement, which may write its own only if its change took', async () => {
    const outboxed = async (code: string): Promise<number> =>
      (await counter.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE type = $1 AND payload->>'code' = $2`, [ParcelWeighed.type, code]))[0]
        .n;
    // every registered parcel is answered with a follow-up; a DROP parcel's follow-up is written by its own statement,
    // on a condition that fails (as a second acceptance of a dossier writes nothing), a KEEP's as the transaction commits
    counter.recorder.behaviour = async (event, ctx) => {
      if (ctx.getMessage().properties.type !== ParcelRegistered.type) return;
      await ctx.transaction.publish(Object.assign(new ParcelWeighed(), { code: event.code }));
      if (event.code.startsWith('DROP')) {
        await ctx.transaction.manager.query(`WITH o AS (${outboxInsert('$1', 'false')}) SELECT 1`, [(await ctx.transaction.takeEvents()) ?? '[]']);
      }
    };
    try {
      const codes = Array.from({ length: 20 }, (_, i) => `${i % 2 ? 'DROP' : 'KEEP'}-${i}`);
      const batched = counter.server.counts.appliedInBatches;
      await withBrokerChannel(async (channel) => {
        for (const code of codes) {
          channel.publish(eventsExchangeName(prefix), ParcelRegistered.type, Buffer.from(JSON.stringify({ code, weight: 1 })), {
            messageId: randomUUID(),
            type: ParcelRegistered.type,
            persistent: true,
            headers: { 'x-attempt': 1 },
          });
        }
        await channel.waitForConfirms();
      });
      await eventually(() => codes.every((code) => counter.recorder.seen.some((s) => s.code === code)), 'every parcel handled', 5_000);
      expect(counter.server.counts.appliedInBatches).toBeGreaterThan(batched);
      for (const code of codes) expect([code, await outboxed(code)]).toEqual([code, code.startsWith('KEEP') ? 1 : 0]);
    } finally {
      counter.recorder.behaviour = async () => undefined;
    }
  });

  it('gives work started outside any request a fresh correlation id', async () => {
    await post.unitOfWork.run((tx) => tx.publish(parcel('NOCORR-1')));
    const seen = await eventually(() => scale.recorder.seen.find((s) => s.code === 'NOCORR-1'), 'NOCORR-1', 5_000);
    expect(seen.amqpCorrelationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.context?.correlationId).toBe(seen.amqpCorrelationId);
  });
});
