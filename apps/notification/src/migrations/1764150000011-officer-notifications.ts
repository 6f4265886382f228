import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages to officers (in the suite, addressed by officer id), beside the applicants' emails and SMS. */
export class OfficerNotifications1764150000011 implements MigrationInterface {
  name = 'OfficerNotifications1764150000011';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notification DROP CONSTRAINT notification_channel_check`);
    await runner.query(`ALTER TABLE notification ADD CONSTRAINT notification_channel_check CHECK (channel IN ('email', 'sms', 'officer', 'none'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notification DROP CONSTRAINT notification_channel_check`);
    await runner.query(`ALTER TABLE notification ADD CONSTRAINT notification_channel_check CHECK (channel IN ('email', 'sms', 'none'))`);
  }
}
