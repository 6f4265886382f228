import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the post did with a case's result (an outgoing shipment), as the process-control slip shows it: handed
 * over by the returner, delivered, not delivered, returned to the desk, cancelled. Append-only; one row per
 * shipment update (`shipment_id`, `sequence`), so the same fact arriving again under another message id adds
 * nothing.
 */
export class CasePostalEvents1764150000016 implements MigrationInterface {
  name = 'CasePostalEvents1764150000016';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_postal_event (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES dossier_case (id),
        shipment_id uuid NOT NULL,
        sequence integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('handed_over', 'delivered', 'delivery_failed', 'returned', 'cancelled')),
        waybill text,
        agency_code text NOT NULL,
        actor_id text,
        actor_name text,
        received_by text,
        reason text,
        at timestamptz NOT NULL,
        UNIQUE (shipment_id, sequence)
      )`);
    await runner.query(`CREATE INDEX case_postal_event_case ON case_postal_event (case_id, at, sequence)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE case_postal_event`);
  }
}
