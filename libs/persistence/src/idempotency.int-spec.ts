import { DataSource } from 'typeorm';
import { type TestDatabase, createTestDatabase } from '@motcua/testing';
import { postgresOptions, runMigrations } from './data-source';
import { IdempotencyKeyReused, idempotencyMigrations, purgeIdempotencyRecords, runIdempotent } from './idempotency';

/** A retried command gets the first answer, once, even when the retries race; a reused key is refused. */
describe('idempotency keys', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let runs = 0;

  const command = (answer: string) => async () => {
    runs++;
    await new Promise((resolve) => setTimeout(resolve, 20)); // a command that takes a moment: retries overlap it
    return { status: 201, body: { answer } };
  };
  const attempt = (key: string, fingerprint: string, answer = 'first') =>
    dataSource.transaction((manager) => runIdempotent(manager, { scope: 'officer-1 POST /things', key, fingerprint }, command(answer)));

  beforeAll(async () => {
    db = await createTestDatabase('idempotency');
    dataSource = new DataSource(postgresOptions({ url: db.url, entities: [], migrations: idempotencyMigrations, poolSize: 12 }));
    await dataSource.initialize();
    await runMigrations(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  beforeEach(() => {
    runs = 0;
  });

  it('runs the command once and replays its response for the same key and request', async () => {
    const first = await attempt('k-1', 'f-1');
    const again = await attempt('k-1', 'f-1', 'second');
    expect(first).toEqual({ status: 201, body: { answer: 'first' }, replayed: false });
    expect(again).toEqual({ status: 201, body: { answer: 'first' }, replayed: true });
    expect(runs).toBe(1);
  });

  it('runs the command once when ten retries race each other', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => attempt('k-race', 'f-race')));
    expect(runs).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r.body)))).toEqual(new Set([JSON.stringify({ answer: 'first' })]));
  });

  it('refuses the same key with another request, and changes nothing', async () => {
    await attempt('k-2', 'f-2');
    await expect(attempt('k-2', 'another body')).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(runs).toBe(1);
  });

  it('forgets a key when the command failed, so the retry runs it', async () => {
    await expect(
      dataSource.transaction((manager) =>
        runIdempotent(manager, { scope: 's', key: 'k-3', fingerprint: 'f' }, async () => {
          throw new Error('the command failed');
        }),
      ),
    ).rejects.toThrow('the command failed');
    await expect(attempt('k-3', 'f')).resolves.toMatchObject({ replayed: false });
  });

  it('purges records past the retention and keeps recent ones', async () => {
    await attempt('k-old', 'f');
    await attempt('k-new', 'f');
    await dataSource.query(`UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = 'k-old'`);
    expect(await purgeIdempotencyRecords(dataSource, 24)).toBe(1);
    const keys = (await dataSource.query(`SELECT key FROM idempotency_record WHERE key IN ('k-old', 'k-new')`)) as { key: string }[];
    expect(keys.map((k) => k.key)).toEqual(['k-new']);
  });
});
