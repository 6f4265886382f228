import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters that limit the citizen's lookup (per dossier, per client), shared by every replica of intake.
 * UNLOGGED: a counter is worth minutes, so it is not worth a WAL write on every lookup; after a crash of the
 * database the limits simply start again from zero. `expires_at` is when a row stops mattering (its window and
 * any block are over): the clean-up deletes by it.
 */
export class LookupAttempts1764150000030 implements MigrationInterface {
  name = 'LookupAttempts1764150000030';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE UNLOGGED TABLE lookup_attempt_counter (
        throttler text NOT NULL,
        key text NOT NULL,
        hits integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (throttler, key)
      )`);
    await runner.query(`CREATE INDEX lookup_attempt_counter_expires_at ON lookup_attempt_counter (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE lookup_attempt_counter`);
  }
}
