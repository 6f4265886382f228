import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1764150000010 implements MigrationInterface {
  name = 'CreateNotifications1764150000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        dossier_code text NOT NULL,
        -- The desk that received the dossier: only its officers may read the log (it holds the applicant's contact).
        receiving_agency_code text NOT NULL,
        event_message_id text NOT NULL,
        template_key text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'sms', 'none')),
        recipient text,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'no_contact')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        -- Defence behind the inbox: one event gives at most one notification of each template.
        CONSTRAINT notification_once_per_event UNIQUE (event_message_id, template_key),
        CONSTRAINT notification_recipient_matches_channel CHECK ((channel = 'none') = (recipient IS NULL))
      )`);
    await runner.query(`CREATE INDEX notification_dossier_page ON notification (dossier_code, created_at, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notification`);
  }
}
