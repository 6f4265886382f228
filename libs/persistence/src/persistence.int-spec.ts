import { randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { Column, DataSource, Entity, type MigrationInterface, PrimaryGeneratedColumn, type QueryRunner } from 'typeorm';
import { postgresOptions, runMigrations } from './data-source';
import { PersistenceModule } from './persistence.module';

const server = `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
async function createDatabase(label: string): Promise<string> {
  const name = `motcua_t_${label}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return name;
}
const dropDatabase = (name: string) => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

@Entity()
class DossierStatusChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  dossierCode: string;

  @Column({ type: 'timestamptz' })
  changedAt: Date;
}

class CreateDossierStatusChange1700000000001 implements MigrationInterface {
  name = 'CreateDossierStatusChange1700000000001';
  async up(q: QueryRunner): Promise<void> {
    // Slow on purpose: widens the window in which a second starter could also apply it.
    await q.query('SELECT pg_sleep(0.3)');
    await q.query('CREATE TABLE dossier_status_change (id serial PRIMARY KEY, dossier_code text NOT NULL, changed_at timestamptz NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dossier_status_change');
  }
}

class IndexDossierCode1700000000002 implements MigrationInterface {
  name = 'IndexDossierCode1700000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX dossier_status_change_code ON dossier_status_change (dossier_code)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dossier_status_change_code');
  }
}

const entities = [DossierStatusChange];
const migrations = [CreateDossierStatusChange1700000000001, IndexDossierCode1700000000002];

describe('persistence', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await dropDatabase(name);
  });

  it('applies migrations exactly once when two services start at the same moment on a fresh database', async () => {
    const db = await createDatabase('race');
    created.push(db);
    const options = postgresOptions({ url: `${server}/${db}`, entities, migrations, poolSize: 2, applicationName: 'race' });
    const [a, b] = [new DataSource(options), new DataSource(options)];
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [first, second] = await Promise.all([runMigrations(a), runMigrations(b)]);
      expect([...first, ...second].sort()).toEqual(migrations.map((m) => m.name).sort());
      expect([first.length, second.length].sort()).toEqual([0, 2]);
      const rows: unknown[] = await a.query('SELECT name FROM migrations');
      expect(rows).toHaveLength(2);
      // Nobody is left holding the lock.
      const locks: unknown[] = await a.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'");
      expect(locks).toHaveLength(0);
      await expect(runMigrations(b)).resolves.toEqual([]);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });

  it('maps entities to snake_case tables and columns', async () => {
    const db = await createDatabase('naming');
    created.push(db);
    const ds = new DataSource(postgresOptions({ url: `${server}/${db}`, entities, migrations }));
    await ds.initialize();
    try {
      await runMigrations(ds);
      const metadata = ds.getMetadata(DossierStatusChange);
      expect(metadata.tableName).toBe('dossier_status_change');
      expect(metadata.columns.map((c) => c.databaseName).sort()).toEqual(['changed_at', 'dossier_code', 'id']);
      await ds.getRepository(DossierStatusChange).save({ dossierCode: 'H26.01-251126-0001', changedAt: new Date() });
      const rows: { dossier_code: string }[] = await ds.query('SELECT dossier_code FROM dossier_status_change');
      expect(rows).toEqual([{ dossier_code: 'H26.01-251126-0001' }]);
    } finally {
      await ds.destroy();
    }
  });

  describe('PersistenceModule', () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });

    it('opens the database and migrates it before the app starts', async () => {
      const db = await createDatabase('module');
      created.push(db);
      process.env.DATABASE_URL = `${server}/${db}`;
      const moduleRef = await Test.createTestingModule({
        imports: [PersistenceModule.forService({ service: 'intake', entities, migrations })],
      }).compile();
      try {
        const ds = moduleRef.get(DataSource);
        const rows: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
        expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
        const [{ application_name }] = await ds.query('SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()');
        expect(application_name).toBe('intake');
      } finally {
        await moduleRef.close();
      }
    });

    it.each([['not a url'], ['mysql://root@localhost/intake']])('refuses to start with DATABASE_URL=%s, naming the variable', async (url) => {
      process.env.DATABASE_URL = url;
      await expect(
        Test.createTestingModule({ imports: [PersistenceModule.forService({ service: 'intake', entities, migrations })] }).compile(),
      ).rejects.toThrow(/DATABASE_URL/);
    });

    it('refuses to start without DATABASE_URL', async () => {
      delete process.env.DATABASE_URL;
      await expect(
        Test.createTestingModule({ imports: [PersistenceModule.forService({ service: 'intake', entities, migrations })] }).compile(),
      ).rejects.toThrow(/DATABASE_URL/);
    });
  });
});
