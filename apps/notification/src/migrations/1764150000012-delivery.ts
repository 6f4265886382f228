import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery for real: a notification is due (`next_attempt_at`), taken by one dispatcher at a time (taking it moves
 * `next_attempt_at` a lease ahead: a dispatcher that dies leaves it due again), sent,
 * retried, and ends sent → delivered / undelivered, or failed with the reason; every attempt is appended to
 * `notification_attempt` (the history the status must agree with). Webhooks join email and SMS as channels;
 * officers' inbox messages are read or unread.
 */
export class Delivery1764150000012 implements MigrationInterface {
  name = 'Delivery1764150000012';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notification DROP CONSTRAINT notification_channel_check`);
    await runner.query(`ALTER TABLE notification ADD CONSTRAINT notification_channel_check CHECK (channel IN ('email', 'sms', 'webhook', 'officer', 'none'))`);
    await runner.query(`ALTER TABLE notification DROP CONSTRAINT notification_status_check`);
    await runner.query(`
      ALTER TABLE notification
        ADD COLUMN next_attempt_at timestamptz(3),
        ADD COLUMN attempts int NOT NULL DEFAULT 0,
        ADD COLUMN sent_at timestamptz(3),
        ADD COLUMN delivered_at timestamptz(3),
        ADD COLUMN provider_message_id text,
        ADD COLUMN last_error text,
        ADD COLUMN read_at timestamptz(3),
        ADD COLUMN resend_of uuid REFERENCES notification (id)`);
    await runner.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_status_check
        CHECK (status IN ('pending', 'sent', 'delivered', 'undelivered', 'failed', 'no_contact'))`);
    // What was pending before delivery existed is due now.
    await runner.query(`UPDATE notification SET next_attempt_at = created_at WHERE status = 'pending' AND channel IN ('email', 'sms')`);
    // The dispatcher's one read: due messages in due order, through this index only.
    await runner.query(`CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending' AND next_attempt_at IS NOT NULL`);
    await runner.query(`CREATE INDEX notification_provider_message ON notification (channel, provider_message_id) WHERE provider_message_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE notification_attempt (
        id bigserial PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notification (id),
        attempt int NOT NULL,
        started_at timestamptz(3) NOT NULL,
        finished_at timestamptz(3) NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('accepted', 'transient', 'permanent', 'delivered', 'undelivered')),
        response text,
        error text
      )`);
    await runner.query(`CREATE INDEX notification_attempt_of ON notification_attempt (notification_id, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notification_attempt`);
    await runner.query(`DROP INDEX notification_provider_message`);
    await runner.query(`DROP INDEX notification_due`);
    await runner.query(`ALTER TABLE notification DROP CONSTRAINT notification_status_check`);
    await runner.query(`
      ALTER TABLE notification DROP COLUMN next_attempt_at, DROP COLUMN attempts, DROP COLUMN sent_at,
        DROP COLUMN delivered_at, DROP COLUMN provider_message_id, DROP COLUMN last_error, DROP COLUMN read_at, DROP COLUMN resend_of`);
    await runner.query(`ALTER TABLE notification ADD CONSTRAINT notification_status_check CHECK (status IN ('pending', 'no_contact'))`);
    await runner.query(`ALTER TABLE notification DROP CONSTRAINT notification_channel_check`);
    await runner.query(`ALTER TABLE notification ADD CONSTRAINT notification_channel_check CHECK (channel IN ('email', 'sms', 'officer', 'none'))`);
  }
}
