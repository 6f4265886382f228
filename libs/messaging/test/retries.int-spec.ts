import { createTestDatabase, deleteTopology, uniquePrefix, withBrokerChannel, type TestDatabase } from '@motcua/testing';
import type { ConfirmChannel, GetMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { UnprocessableMessageError, eventsExchangeName, inboxQueueName, parkingLotQueueName, retryQueueName, topologyNames } from '../src';
import { ParcelRegistered, effects, eventually, parcel, startService, type TestService } from './harness';

// The project-level testTimeout is not applied by jest 30 (it is a global option): these talk to real servers.
jest.setTimeout(60_000);

/** Failing handlers: delayed retries through the tiers, then the parking lot; poison goes there at once. */
describe('messaging: retries and the parking lot', () => {
  const prefix = uniquePrefix('retries');
  const delays = [200, 400];
  let db: TestDatabase;
  let scale: TestService;

  beforeAll(async () => {
    db = await createTestDatabase('retries');
    scale = await startService({
      service: 'scale',
      bindings: ['test.#', 'unknown.#'],
      databaseUrl: db.url,
      environment: { MESSAGING_PREFIX: prefix, MESSAGING_RETRY_DELAYS_MS: delays.join(','), MESSAGING_MAX_ATTEMPTS: 3 },
    });
    // Codes starting with FAIL always fail; FLAKY fails on its first attempt only.
    scale.recorder.behaviour = async (event, ctx) => {
      if (event.code.startsWith('FAIL')) throw new Error(`the scale is broken for ${event.code}`);
      if (event.code.startsWith('UNKNOWN')) throw new UnprocessableMessageError('SCALE.UNKNOWN_PARCEL', `no parcel ${event.code}`);
      if (event.code.startsWith('FLAKY') && ctx.getAttempt() === 1) throw new Error('flaky scale');
    };
  });

  afterAll(async () => {
    await scale?.close();
    await deleteTopology(topologyNames(prefix, ['scale'], delays));
    await db?.drop();
  });

  const parked = (channel: ConfirmChannel) =>
    eventually(async () => (await channel.get(parkingLotQueueName(prefix, 'scale'))) || null, 'a parked message', 10_000) as Promise<GetMessage>;

  const queueDepth = async (channel: ConfirmChannel, queue: string) => (await channel.checkQueue(queue)).messageCount;

  it('rolls back a batch with a failing message and applies its neighbours once each, on their own', async () => {
    const codes = Array.from({ length: 60 }, (_, i) => (i === 30 ? 'FAIL-IN-BATCH' : `OK-${i}`));
    const batchedBefore = scale.server.counts.appliedInBatches;
    // One commit puts 60 events in the outbox: they reach the consumer as a burst, so they queue up and are
    // taken into shared transactions.
    await scale.unitOfWork.run(async (tx) => {
      for (const code of codes) await tx.publish(parcel(code));
    });
    await eventually(
      async () => {
        const rows = await effects(scale);
        return codes.filter((c) => c.startsWith('OK')).every((c) => rows.some((r) => r.code === c)) && rows;
      },
      'the 59 good parcels',
      20_000,
    );
    await withBrokerChannel(async (channel) => {
      const message = await parked(channel);
      channel.ack(message);
      expect(JSON.parse(message.content.toString()).code).toBe('FAIL-IN-BATCH');
    });
    const rows = await effects(scale);
    for (const code of codes) {
      expect(rows.filter((r) => r.code === code)).toHaveLength(code.startsWith('OK') ? 1 : 0);
    }
    expect(scale.server.counts.appliedInBatches).toBeGreaterThan(batchedBefore);
  });

  it('parks a message its handler declares unprocessable at once, without retries', async () => {
    await scale.unitOfWork.run((tx) => tx.publish(parcel('UNKNOWN-1')));
    await withBrokerChannel(async (channel) => {
      const message = await parked(channel);
      channel.ack(message);
      expect(JSON.parse(message.content.toString()).code).toBe('UNKNOWN-1');
      expect(String(message.properties.headers?.['x-error'])).toContain('SCALE.UNKNOWN_PARCEL');
    });
    expect(scale.recorder.seen.filter((s) => s.code === 'UNKNOWN-1').map((s) => s.attempt)).toEqual([1]);
    expect(await effects(scale)).not.toContainEqual(expect.objectContaining({ code: 'UNKNOWN-1' }));
  });

  it('retries a failing handler with growing delays, then parks the message with the error', async () => {
    await scale.unitOfWork.run((tx) => tx.publish(parcel('FAIL-1')));

    const attempts = await eventually(
      () => {
        const seen = scale.recorder.seen.filter((s) => s.code === 'FAIL-1');
        return seen.length === 3 && seen;
      },
      'three attempts',
      10_000,
    );
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(new Set(attempts.map((a) => a.messageId)).size).toBe(1);
    const gaps = [attempts[1].at - attempts[0].at, attempts[2].at - attempts[1].at];
    expect(gaps[0]).toBeGreaterThanOrEqual(delays[0] - 20);
    expect(gaps[1]).toBeGreaterThanOrEqual(delays[1] - 20);
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
    expect(attempts[1].headers['x-last-error']).toContain('the scale is broken for FAIL-1');

    await withBrokerChannel(async (channel) => {
      const message = await parked(channel);
      channel.ack(message);
      expect(message.properties.messageId).toBe(attempts[0].messageId);
      expect(message.properties.type).toBe(ParcelRegistered.type);
      expect(JSON.parse(message.content.toString())).toEqual({ code: 'FAIL-1', weight: 1 });
      expect(message.properties.headers).toMatchObject({
        'x-attempt': 3,
        'x-original-routing-key': ParcelRegistered.type,
        'x-error': expect.stringContaining('the scale is broken for FAIL-1'),
      });
      expect(new Date(message.properties.headers!['x-failed-at'] as string).getTime()).toBeGreaterThan(attempts[2].at - 1000);

      // Nothing waits anywhere else: not in the inbox, not in a retry tier.
      expect(await queueDepth(channel, inboxQueueName(prefix, 'scale'))).toBe(0);
      for (const delay of delays) expect(await queueDepth(channel, retryQueueName(prefix, 'scale', delay))).toBe(0);
    });
    // Each failed attempt rolled back its transaction: no effect, no inbox row (so a replay could still apply it).
    expect((await effects(scale)).filter((e) => e.code === 'FAIL-1')).toHaveLength(0);
    const [inbox] = await scale.dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE message_id = $1`, [attempts[0].messageId]);
    expect(inbox.n).toBe(0);
  });

  it('applies a message whose handler fails once on its second attempt, once', async () => {
    await scale.unitOfWork.run((tx) => tx.publish(parcel('FLAKY-1')));
    await eventually(async () => (await effects(scale)).some((e) => e.code === 'FLAKY-1'), 'FLAKY-1 applied', 10_000);
    expect(scale.recorder.seen.filter((s) => s.code === 'FLAKY-1').map((s) => s.attempt)).toEqual([1, 2]);
    expect((await effects(scale)).filter((e) => e.code === 'FLAKY-1')).toHaveLength(1);
  });

  it('parks a message whose payload breaks its contract at once, without calling the handler or retrying', async () => {
    const retriedBefore = scale.server.counts.retried;
    const poisonId = randomUUID();
    const unknownId = randomUUID();
    await withBrokerChannel(async (channel) => {
      channel.publish(eventsExchangeName(prefix), ParcelRegistered.type, Buffer.from(JSON.stringify({ code: 42, weight: -1 })), {
        messageId: poisonId,
        type: ParcelRegistered.type,
        persistent: true,
        headers: { 'x-attempt': 1 },
      });
      channel.publish(eventsExchangeName(prefix), 'unknown.thing.happened', Buffer.from('{}'), {
        messageId: unknownId,
        type: 'unknown.thing.happened',
        persistent: true,
      });
      await channel.waitForConfirms();

      const first = await parked(channel);
      const second = await parked(channel);
      channel.ack(first);
      channel.ack(second);
      const byId = new Map([first, second].map((m) => [m.properties.messageId as string, m]));

      const poison = byId.get(poisonId)!;
      expect(poison.properties.headers!['x-error']).toMatch(/invalid test\.parcel\.registered payload: .*code.*weight/);
      expect(poison.properties.headers!['x-attempt']).toBe(1);
      expect(poison.properties.headers!['x-original-routing-key']).toBe(ParcelRegistered.type);
      expect(byId.get(unknownId)!.properties.headers!['x-error']).toBe('unknown event type unknown.thing.happened');
      expect(await queueDepth(channel, inboxQueueName(prefix, 'scale'))).toBe(0);
    });
    expect(scale.recorder.seen.filter((s) => s.messageId === poisonId)).toHaveLength(0);
    expect(scale.server.counts.retried).toBe(retriedBefore);
  });
});
