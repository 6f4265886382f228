import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The appointment printed on the receipt (thời hạn hẹn trả kết quả) and the current one after pauses and
 * extensions, and supplements: what the competent body asked the applicant for (shown on the record while the dossier waits),
 * what the applicant supplied, the workflow sequence of the last coordinator change applied, and the lookup secret printed on the receipt with which an applicant without an
 * account proves the dossier is theirs (kept as a hash only).
 */
export class Supplements1764150000002 implements MigrationInterface {
  name = 'Supplements1764150000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE dossier ADD COLUMN lookup_secret_hash text, ADD COLUMN supplement_request jsonb, ADD COLUMN coordinator_sequence integer NOT NULL DEFAULT 0,
         ADD COLUMN appointment_at timestamptz, ADD COLUMN original_appointment_at timestamptz,
         ADD COLUMN appointment_sequence integer NOT NULL DEFAULT 0, ADD COLUMN extension_count integer NOT NULL DEFAULT 0`,
    );
    await runner.query(`
      CREATE TABLE dossier_supplement (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        round integer NOT NULL,
        documents jsonb NOT NULL,
        note text,
        received_by text,
        supplied_at timestamptz NOT NULL,
        UNIQUE (dossier_id, round)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE dossier_supplement`);
    await runner.query(
      `ALTER TABLE dossier DROP COLUMN lookup_secret_hash, DROP COLUMN supplement_request, DROP COLUMN coordinator_sequence, DROP COLUMN appointment_at, DROP COLUMN original_appointment_at,
         DROP COLUMN appointment_sequence, DROP COLUMN extension_count`,
    );
  }
}
