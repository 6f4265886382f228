import type { MigrationInterface, QueryRunner } from 'typeorm';
import { procedures } from './seed/1764150000006-procedures';

/**
 * The procedure catalogue: what a desk needs to receive a procedure (which desks, which documents), the seeded
 * procedures with their first process version, and the catalogue's revision, which every change raises so
 * replicas in other services can tell newer from older. A later migration that changes the catalogue raises the
 * revision too (`UPDATE catalogue_revision SET revision = revision + 1`): workflow then sends replicas a snapshot
 * when it starts.
 */
export class LoadProcedures1764150000006 implements MigrationInterface {
  name = 'LoadProcedures1764150000006';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE procedure
        ADD COLUMN desks jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN documents jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN legal_basis text,
        ADD COLUMN unverified text[] NOT NULL DEFAULT '{}',
        ADD COLUMN deactivated_at timestamptz,
        ADD CONSTRAINT procedure_deactivation CHECK (active = (deactivated_at IS NULL))`);
    await runner.query(`
      CREATE TABLE catalogue_revision (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        revision bigint NOT NULL,
        snapshot_published bigint NOT NULL DEFAULT 0
      )`);
    await runner.query(`INSERT INTO catalogue_revision (revision) VALUES (1)`);

    for (const p of procedures) {
      await runner.query(
        `INSERT INTO procedure (code, name, field, level, legal_time_value, legal_time_unit, fee, channels, active, desks, documents, legal_basis, unverified)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $10, $11, $12)
         ON CONFLICT (code) DO UPDATE SET desks = EXCLUDED.desks, documents = EXCLUDED.documents,
           legal_basis = EXCLUDED.legal_basis, unverified = EXCLUDED.unverified`,
        [
          p.code,
          p.name,
          p.field,
          p.level,
          p.legalTime.value,
          p.legalTime.unit,
          p.fee,
          p.channels,
          JSON.stringify(p.desks),
          JSON.stringify(p.documents),
          p.legalBasis,
          p.unverified,
        ],
      );
      // The spine's birth registration already has its version 1: it is not rewritten.
      await runner.query(
        `INSERT INTO process_version (procedure_code, version, published_at, steps) VALUES ($1, 1, '2020-01-01T00:00:00+07:00', $2)
         ON CONFLICT DO NOTHING`,
        [p.code, JSON.stringify(p.steps)],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE catalogue_revision`);
    await runner.query(`DELETE FROM process_version WHERE procedure_code <> '1.001193'`);
    await runner.query(`DELETE FROM procedure WHERE code <> '1.001193'`);
    await runner.query(
      `ALTER TABLE procedure DROP CONSTRAINT procedure_deactivation, DROP COLUMN desks, DROP COLUMN documents, DROP COLUMN legal_basis,
         DROP COLUMN unverified, DROP COLUMN deactivated_at`,
    );
  }
}
