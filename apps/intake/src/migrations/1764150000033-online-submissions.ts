import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hồ sơ trực tuyến: online dossiers filed on the National Portal, before the desk has decided on them (status 1), and
 * what it decided: accepted (2, the dossier it became) or refused (3, why). One row per portal reference, whatever
 * the adapter pulls twice or retries: the unique constraint holds it when two copies arrive at once. The checks hold
 * what a decision leaves behind. A dossier keeps the portal's reference and the filing time (channel 2 only).
 */
export class OnlineSubmissions1764150000033 implements MigrationInterface {
  name = 'OnlineSubmissions1764150000033';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE online_submission (
        id uuid PRIMARY KEY,
        portal_reference text NOT NULL,
        -- what the adapter sent, hashed: a repeat with other content is refused, never filed again
        content_fingerprint text NOT NULL,
        procedure_code text NOT NULL,
        receiving_agency_code text NOT NULL,
        applicant jsonb NOT NULL,
        documents jsonb NOT NULL,
        return_method text NOT NULL CHECK (return_method IN ('desk', 'post', 'electronic')),
        delivery_address jsonb CHECK (delivery_address IS NULL OR return_method = 'post'),
        filed_at timestamptz NOT NULL,
        counts_from timestamptz NOT NULL,
        decide_by timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'accepted', 'refused')),
        event_sequence integer NOT NULL DEFAULT 1,
        dossier_code text UNIQUE,
        decided_by text,
        decided_at timestamptz,
        outcome text CHECK (outcome IN ('refused', 'incomplete')),
        reason text,
        missing jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT online_submission_portal_reference UNIQUE (portal_reference),
        CONSTRAINT online_submission_decision CHECK (
          (state = 'new' AND decided_by IS NULL AND decided_at IS NULL AND dossier_code IS NULL AND outcome IS NULL)
          OR (state = 'accepted' AND decided_by IS NOT NULL AND decided_at IS NOT NULL AND dossier_code IS NOT NULL AND outcome IS NULL)
          OR (state = 'refused' AND decided_by IS NOT NULL AND decided_at IS NOT NULL AND dossier_code IS NULL AND outcome IS NOT NULL AND reason IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX online_submission_desk ON online_submission (receiving_agency_code, state, created_at DESC, id DESC)`);
    await runner.query(
      `ALTER TABLE dossier
         ADD COLUMN portal_reference text,
         ADD COLUMN filed_at timestamptz,
         ADD CONSTRAINT dossier_portal_reference UNIQUE (portal_reference),
         ADD CONSTRAINT dossier_portal_reference_online CHECK (portal_reference IS NULL OR channel = 2)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE dossier
         DROP CONSTRAINT dossier_portal_reference_online,
         DROP CONSTRAINT dossier_portal_reference,
         DROP COLUMN filed_at,
         DROP COLUMN portal_reference`,
    );
    await runner.query(`DROP TABLE online_submission`);
  }
}
