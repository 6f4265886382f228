import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An agency's own office hours (null: the national default), which its step deadlines and appointments follow. */
export class AgencyOfficeHours1764150000010 implements MigrationInterface {
  name = 'AgencyOfficeHours1764150000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agency ADD COLUMN office_hours jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agency DROP COLUMN office_hours`);
  }
}
