import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMessagingTables1764140000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764140000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY,
        type text NOT NULL,
        version integer NOT NULL,
        payload jsonb NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    // The relay's claim query: unsent rows in creation order. Partial, so it stays as small as the backlog.
    await runner.query(`CREATE INDEX outbox_message_unsent ON outbox_message (position) WHERE sent_at IS NULL`);
    // The purge of old sent rows.
    await runner.query(`CREATE INDEX outbox_message_sent_at ON outbox_message (sent_at) WHERE sent_at IS NOT NULL`);
    await runner.query(`
      CREATE TABLE inbox_message (
        message_id text PRIMARY KEY,
        type text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX inbox_message_received_at ON inbox_message (received_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE inbox_message`);
    await runner.query(`DROP TABLE outbox_message`);
  }
}
