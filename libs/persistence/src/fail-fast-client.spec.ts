import { once } from 'node:events';
import { createServer } from 'node:net';
import { Pool } from 'pg';
import { DatabaseUnreachableError, failFastClient } from './fail-fast-client';

describe('a pool whose connections fail fast while the database is out of reach', () => {
  it('answers every request queued for the pool about one connect timeout after a hang began, not one timeout per turn', async () => {
    // a server that takes connections and never says a word
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as { port: number };
    const pool = new Pool({
      host: '127.0.0.1',
      port,
      user: 'x',
      database: 'x',
      max: 2,
      connectionTimeoutMillis: 10_000,
      Client: failFastClient({ connectTimeoutMs: 200, holdDownMs: 1_000 }),
    });
    try {
      const started = Date.now();
      const errors = await Promise.all(Array.from({ length: 20 }, () => pool.query('SELECT 1').catch((e: unknown) => e)));
      expect(Date.now() - started).toBeLessThan(1_500); // without the hold-down: 10 turns of 200 ms at least
      expect(errors.filter((e) => e instanceof DatabaseUnreachableError).length).toBeGreaterThan(10);
      expect(errors.every((e) => e instanceof Error && /Connection terminated|timeout/.test(e.message))).toBe(true);
    } finally {
      await pool.end();
      silent.close();
    }
  });
});
