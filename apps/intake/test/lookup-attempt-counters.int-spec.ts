import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { postgresOptions, runMigrations } from '@motcua/persistence';
import { type TestDatabase, createTestDatabase } from '@motcua/testing';
import { entities, migrations } from '../src/database';
import { LookupAttemptStore } from '../src/lookup/lookup-attempt.store';
import { PostgresThrottlerStorage } from '../src/lookup/postgres-throttler-storage';

/**
 * The counters behind the citizen's lookup limits, in intake's database: two replicas (two connection pools)
 * count the same attempts, each attempt once, however they race; a block is as long as it says and no longer.
 */
describe('the lookup attempt counters', () => {
  let db: TestDatabase;
  let replicas: DataSource[];
  let one: PostgresThrottlerStorage;
  let other: PostgresThrottlerStorage;

  beforeAll(async () => {
    db = await createTestDatabase('lookup_counters');
    replicas = [0, 1].map(() => new DataSource(postgresOptions({ url: db.url, entities, migrations, poolSize: 10 })));
    await Promise.all(replicas.map((replica) => replica.initialize()));
    await runMigrations(replicas[0]);
    [one, other] = replicas.map((replica) => new PostgresThrottlerStorage(new LookupAttemptStore(replica)));
  });

  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.destroy()));
    await db?.drop();
  });

  const MINUTE = 60_000;

  it('counts every attempt once when two replicas race on one key', async () => {
    const attempts = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? one : other).increment('race', MINUTE, 1000, MINUTE, 'dossier')));
    expect(attempts.map((a) => a.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(attempts.filter((a) => a.isBlocked || a.timeToExpire <= 0 || a.timeToExpire > 60)).toEqual([]);
  });

  it('blocks the attempt past the limit, for every replica, without making the block longer while it lasts', async () => {
    for (let i = 1; i <= 3; i += 1)
      expect(await (i % 2 ? one : other).increment('guessed', MINUTE, 3, 30_000, 'dossier')).toMatchObject({ totalHits: i, isBlocked: false });
    const blocked = await one.increment('guessed', MINUTE, 3, 30_000, 'dossier');
    expect(blocked).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 30 });
    for (let i = 0; i < 5; i += 1) expect(await other.increment('guessed', MINUTE, 3, 30_000, 'dossier')).toMatchObject({ totalHits: 4, isBlocked: true });
    const [row] = (await replicas[0].query(`SELECT blocked_until FROM lookup_attempt_counter WHERE throttler = 'dossier' AND key = 'guessed'`)) as {
      blocked_until: Date;
    }[];
    const [again] = (await replicas[1].query(`SELECT blocked_until FROM lookup_attempt_counter WHERE throttler = 'dossier' AND key = 'guessed'`)) as {
      blocked_until: Date;
    }[];
    expect(again.blocked_until).toEqual(row.blocked_until);
    // the same key under another limit is another counter
    expect(await one.increment('guessed', MINUTE, 3, 30_000, 'client')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('counts again from one once the block is over, and starts a new window once the old one ends', async () => {
    const SHORT = 1_500;
    for (let i = 0; i < 2; i += 1) await one.increment('short', SHORT, 1, SHORT, 'client');
    expect(await other.increment('short', SHORT, 1, SHORT, 'client')).toMatchObject({ isBlocked: true });
    await sleep(SHORT + 100);
    expect(await other.increment('short', SHORT, 1, SHORT, 'client')).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
    await one.increment('window', SHORT, 10, SHORT, 'client');
    await one.increment('window', SHORT, 10, SHORT, 'client');
    await sleep(SHORT + 100);
    expect(await one.increment('window', SHORT, 10, SHORT, 'client')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('cleans up the counters whose window and block are over, and only those', async () => {
    await one.increment('stale', 500, 10, 500, 'client');
    await one.increment('blocked-stale', 500, 0, 500, 'client');
    await one.increment('live', MINUTE, 10, MINUTE, 'client');
    await one.increment('blocked-live', 500, 0, MINUTE, 'client'); // its window is over, its block is not
    await sleep(600);
    const keys = async () =>
      (
        (await replicas[0].query(`SELECT key FROM lookup_attempt_counter WHERE key IN ('stale', 'blocked-stale', 'live', 'blocked-live') ORDER BY key`)) as {
          key: string;
        }[]
      ).map((r) => r.key);
    expect(await keys()).toEqual(['blocked-live', 'blocked-stale', 'live', 'stale']);
    expect(await other.removeExpired()).toBeGreaterThanOrEqual(2);
    expect(await keys()).toEqual(['blocked-live', 'live']);
    expect(await one.increment('blocked-live', 500, 0, MINUTE, 'client')).toMatchObject({ isBlocked: true });
  });
});
