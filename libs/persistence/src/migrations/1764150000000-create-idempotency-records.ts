import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The table `runIdempotent` remembers commands in (see idempotency.ts). */
export class CreateIdempotencyRecords1764150000000 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1764150000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_record (
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await runner.query(`CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_record`);
  }
}
