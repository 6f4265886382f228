import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The postal channel (Decision 45/2016/QĐ-TTg):
 * - `result_delivery`: what intake said at receipt of a dossier whose result goes back by post (the address), kept
 *   until the result is signed and becomes a shipment;
 * - `shipment`: one carrier order, outgoing (a result to the applicant) or incoming (a dossier the post collects
 *   for the desk: a pick-up); its state is the newest fact of its history;
 * - `shipment_event`: the append-only history (the carrier's callbacks and tracking, the desk's hand-over), each
 *   carrier event once (its EventId);
 * - `carrier_request`: the outbox of calls to the carrier (create, cancel), sent by the dispatcher with the order
 *   number as the carrier's idempotency key.
 */
export class Shipments1764150000040 implements MigrationInterface {
  name = 'Shipments1764150000040';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE result_delivery (
        dossier_code text PRIMARY KEY,
        agency_code text NOT NULL,
        procedure_code text NOT NULL,
        procedure_name text,
        coordinator_id text NOT NULL,
        -- workflow's sequence of the coordinator change applied last (0: the one at receipt)
        coordinator_sequence int NOT NULL DEFAULT 0,
        -- PostalAddress: recipient, phone, street, wardCode
        address jsonb NOT NULL,
        accepted_at timestamptz(3) NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE shipment (
        id uuid PRIMARY KEY,
        direction text NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
        -- the carrier's idempotency key: the dossier code of a result; the pick-up's own number
        order_number text NOT NULL UNIQUE,
        dossier_code text,
        agency_code text NOT NULL,
        procedure_code text NOT NULL,
        coordinator_id text,
        coordinator_sequence int NOT NULL DEFAULT 0,
        -- both ends as the waybill prints them: name, phone, street, ward/district/province codes
        sender jsonb NOT NULL,
        receiver jsonb NOT NULL,
        -- a pick-up's checklist (the procedure's documents) and what the postman found missing
        documents jsonb NOT NULL DEFAULT '[]',
        missing_documents jsonb,
        cod_amount int NOT NULL DEFAULT 0 CHECK (cod_amount >= 0),
        postal_fee int,
        weight_grams int NOT NULL CHECK (weight_grams > 0),
        service text NOT NULL,
        window_start timestamptz(3),
        window_end timestamptz(3),
        requested_by text,
        state text NOT NULL,
        waybill text UNIQUE,
        -- the events published about it so far: the next one's sequence is this plus one
        sequence int NOT NULL DEFAULT 0,
        -- counts every fact recorded: a fact decided on a read is written only if nothing was recorded since (compare-and-set)
        version int NOT NULL DEFAULT 0,
        -- the carrier's time of the newest fact applied: an older one changes nothing
        last_carrier_event_at timestamptz(3),
        -- when the reconciler asks the carrier's tracking, if no callback came first (null: final, nothing to ask)
        next_check_at timestamptz(3),
        state_changed_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX shipment_one_result_per_dossier ON shipment (dossier_code) WHERE direction = 'outgoing'`);
    await runner.query(`CREATE INDEX shipment_desk_list ON shipment (agency_code, direction, created_at, id)`);
    await runner.query(`CREATE INDEX shipment_of_dossier ON shipment (dossier_code)`);
    await runner.query(`CREATE INDEX shipment_to_check ON shipment (next_check_at) WHERE next_check_at IS NOT NULL`);
    await runner.query(`
      CREATE TABLE shipment_event (
        id bigserial PRIMARY KEY,
        shipment_id uuid NOT NULL REFERENCES shipment (id),
        source text NOT NULL CHECK (source IN ('carrier', 'desk', 'applicant', 'system')),
        carrier_event_id text,
        carrier_status text,
        -- the state the fact means, and whether it moved the shipment (a stale or repeated one does not)
        state text NOT NULL,
        applied boolean NOT NULL,
        occurred_at timestamptz(3) NOT NULL,
        recorded_at timestamptz(3) NOT NULL DEFAULT now(),
        actor_id text,
        actor_name text,
        note text
      )`);
    await runner.query(`CREATE UNIQUE INDEX shipment_event_once ON shipment_event (shipment_id, carrier_event_id) WHERE carrier_event_id IS NOT NULL`);
    await runner.query(`CREATE INDEX shipment_event_history ON shipment_event (shipment_id, occurred_at, id)`);
    await runner.query(`
      CREATE TABLE carrier_request (
        id uuid PRIMARY KEY,
        shipment_id uuid NOT NULL REFERENCES shipment (id),
        kind text NOT NULL CHECK (kind IN ('create', 'cancel')),
        status text NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3),
        last_error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        done_at timestamptz(3),
        UNIQUE (shipment_id, kind)
      )`);
    await runner.query(`CREATE INDEX carrier_request_due ON carrier_request (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE carrier_request, shipment_event, shipment, result_delivery`);
  }
}
