import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions: a frontend or partner system of an agency receives that agency's dossier events as signed
 * POSTs. Each delivery is a `notification` row (channel 'webhook', recipient = the subscription's id, template key
 * `webhook:<id>`), so the dispatcher, its retries and the delivery log serve webhooks as they serve email and SMS.
 * `active` is the administrator's word (false once deleted); `disabled_at` is the sender's (sustained failure).
 */
export class WebhookSubscriptions1764150000014 implements MigrationInterface {
  name = 'WebhookSubscriptions1764150000014';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY,
        agency_code text NOT NULL,
        url text NOT NULL,
        -- The HMAC key: kept in clear because every delivery is signed with it; shown once, at creation.
        secret text NOT NULL,
        -- The event types it wants; empty: every type offered.
        events text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        -- The current run of failed deliveries (reset by a success or a re-enable) and when it began: a subscription
        -- is disabled only after enough failures over long enough.
        consecutive_failures int NOT NULL DEFAULT 0,
        failing_since timestamptz(3),
        last_failure_at timestamptz(3),
        last_error text,
        disabled_at timestamptz(3),
        disabled_reason text,
        CONSTRAINT webhook_subscription_disabled_with_reason CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL))
      )`);
    // The fan-out's read (an agency's subscriptions) and the list's pages, with or without the agency.
    await runner.query(`CREATE INDEX webhook_subscription_agency_page ON webhook_subscription (agency_code, created_at, id)`);
    await runner.query(`CREATE INDEX webhook_subscription_page ON webhook_subscription (created_at, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE webhook_subscription`);
  }
}
