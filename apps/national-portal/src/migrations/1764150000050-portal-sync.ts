import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The adapter's state (docs/national-portal.md):
 * - `portal_dossier`: one sync record per dossier (keyed by its code; an online submission refused before it had a
 *   code, by `QG:<MaHoSoQG>`): the HoSo as the portal should know it now, what the adapter keeps to build the next
 *   one (open tasks, each producer's highest sequence applied), and the state of its queue: due time of its head,
 *   attempts, refusals, the last error, parked;
 * - `portal_update`: the per-dossier queue, in order (id): a DongBoHoSoMC version or a CapNhatTienDoHoSoMC row,
 *   appended in the inbox transaction of the event that made it, sent strictly one dossier's head at a time; a
 *   progress row once per hand-over (`fact`), in workflow's order (`sequence`) among the unsent ones;
 * - `online_refused`: online dossiers intake would not take (its 4xx), with its message, for operators.
 */
export class PortalSync1764150000050 implements MigrationInterface {
  name = 'PortalSync1764150000050';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE portal_dossier (
        key text PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        dossier_code text,
        portal_reference text,
        -- the pure mapping's state (sync/dossier-sync.ts): the HoSo so far, open tasks, sequences applied
        record jsonb NOT NULL,
        -- the portal accepted a DongBoHoSoMC of it: later versions are updates, progress rows may go
        known_to_portal boolean NOT NULL DEFAULT false,
        -- pending: its queue's head is due at next_attempt_at; idle: nothing queued; parked: the head was refused
        -- PORTAL_MAX_REFUSALS times and waits for an operator
        state text NOT NULL CHECK (state IN ('pending', 'idle', 'parked')),
        next_attempt_at timestamptz(3),
        -- counts every take: the lease a dispatcher holds is the attempt it took (ADR 014)
        attempts int NOT NULL DEFAULT 0,
        -- the head's failures in a row: the portal unavailable (backoff), the portal refusing it (parked at the limit)
        failures int NOT NULL DEFAULT 0,
        refusals int NOT NULL DEFAULT 0,
        last_error text,
        last_error_at timestamptz(3),
        last_sent_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX portal_dossier_due ON portal_dossier (next_attempt_at) WHERE state = 'pending'`);
    await runner.query(`CREATE INDEX portal_dossier_list ON portal_dossier (state, created_at, id)`);
    await runner.query(`CREATE INDEX portal_dossier_reference ON portal_dossier (portal_reference) WHERE portal_reference IS NOT NULL`);
    await runner.query(`
      CREATE TABLE portal_update (
        id bigserial PRIMARY KEY,
        dossier_key text NOT NULL REFERENCES portal_dossier (key),
        kind text NOT NULL CHECK (kind IN ('dossier', 'progress')),
        -- the HoSo (without isUpdating, decided when sent) or the TienDo, as sent
        body jsonb NOT NULL,
        -- the event that made it: its type and producer's sequence, for operators
        cause text NOT NULL,
        -- a progress row's hand-over (task-created#<taskId>, task-completed#<taskId>): one row each; null for a version
        fact text,
        -- a progress row's workflow sequence: the order progress rows are sent in, whatever order they were heard in
        sequence int,
        sent_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (dossier_key, fact)
      )`);
    await runner.query(`CREATE INDEX portal_update_queue ON portal_update (dossier_key, id) WHERE sent_at IS NULL`);
    await runner.query(`
      CREATE TABLE online_refused (
        portal_reference text PRIMARY KEY,
        status int NOT NULL,
        code text,
        message text NOT NULL,
        submission jsonb NOT NULL,
        refused_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE online_refused`);
    await runner.query(`DROP TABLE portal_update`);
    await runner.query(`DROP TABLE portal_dossier`);
  }
}
