// Creates each registered service's database when it does not exist yet (CREATE DATABASE cannot run inside a
// migration), so a service added to scripts/services.json gets its database on the next run.
import pg from 'pg';
import { services } from './service-env.mjs';

const adminUrl =
  process.env.DATABASE_ADMIN_URL ??
  `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/postgres`;

const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
try {
  for (const { database } of services) {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}" ENCODING 'UTF8' TEMPLATE template0`);
      console.error(`[motcua] created database ${database}`);
    }
  }
} finally {
  await client.end();
}
