import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The official yearly schedules an administrator published through the API (they replace the built-in ones). */
export class OfficialSchedules1764150000008 implements MigrationInterface {
  name = 'OfficialSchedules1764150000008';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE official_schedule (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        schedule jsonb NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE official_schedule`);
  }
}
