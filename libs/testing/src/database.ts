import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** postgres://postgres@127.0.0.1:5432/<name> */
  readonly url: string;
  readonly name: string;
  /** Drops the database (WITH FORCE: open connections of a test that failed do not block it). */
  drop(): Promise<void>;
}

const host = () => process.env.PGHOST ?? '127.0.0.1';
const port = () => Number(process.env.PGPORT ?? 5432);
const user = () => process.env.PGUSER ?? 'postgres';

function adminClient(): Client {
  return new Client({ host: host(), port: port(), user: user(), database: 'postgres' });
}

/** A fresh, empty database for one test file: `motcua_t_<label>_<random>`. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const name = `motcua_t_${safe}_${randomBytes(4).toString('hex')}`;
  const admin = adminClient();
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  let dropped = false;
  return {
    name,
    url: `postgres://${user()}@${host()}:${port()}/${name}`,
    async drop() {
      if (dropped) return;
      dropped = true;
      const client = adminClient();
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
