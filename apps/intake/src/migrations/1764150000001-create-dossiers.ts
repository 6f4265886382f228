import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDossiers1764150000001 implements MigrationInterface {
  name = 'CreateDossiers1764150000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE dossier (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        procedure_code text NOT NULL,
        process_version integer,
        channel smallint NOT NULL CHECK (channel IN (1, 2, 3)),
        receiving_agency_code text NOT NULL,
        coordinator_id text NOT NULL,
        applicant jsonb NOT NULL,
        documents jsonb NOT NULL,
        return_method text NOT NULL CHECK (return_method IN ('desk', 'post', 'electronic')),
        national_status smallint NOT NULL CHECK (national_status BETWEEN 1 AND 10),
        current_step text,
        current_agency_code text,
        workflow_sequence integer NOT NULL DEFAULT 0,
        event_sequence integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX dossier_receiving_agency ON dossier (receiving_agency_code, received_at DESC)`);
    await runner.query(`CREATE INDEX dossier_current_agency ON dossier (current_agency_code) WHERE current_agency_code IS NOT NULL`);
    await runner.query(`
      CREATE TABLE dossier_status_change (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        national_status smallint NOT NULL CHECK (national_status BETWEEN 1 AND 10),
        source text NOT NULL,
        -- the producer's per-dossier sequence number: each fact is recorded once, whatever order it arrived in
        sequence integer NOT NULL,
        note text,
        occurred_at timestamptz NOT NULL,
        UNIQUE (dossier_id, source, sequence)
      )`);
    await runner.query(`CREATE INDEX dossier_status_change_dossier ON dossier_status_change (dossier_id, occurred_at, id)`);
    // Số thứ tự hồ sơ: one counter per receiving unit per Vietnamese day. Incremented in the dossier's own
    // transaction, so a rolled-back receipt gives its number back: the day's codes stay gap-free.
    await runner.query(`
      CREATE TABLE dossier_code_counter (
        agency_code text NOT NULL,
        day date NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (agency_code, day)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE dossier_code_counter`);
    await runner.query(`DROP TABLE dossier_status_change`);
    await runner.query(`DROP TABLE dossier`);
  }
}
