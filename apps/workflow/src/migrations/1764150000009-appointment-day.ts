import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The start of the appointment's day in Vietnam, kept beside the appointment by PostgreSQL itself (a stored
 * generated column: every writer of `appointment_at` keeps it right). The on-time statistics compare every
 * processed dossier with it ("early": before the appointment's day); converting a million appointments to
 * Vietnamese time on each call was a quarter of a city-year's statistics (half of the statement alone). Adding the
 * column rewrites the table once, under an exclusive lock: on a large database, migrate before taking traffic.
 */
export class AppointmentDay1764150000009 implements MigrationInterface {
  name = 'AppointmentDay1764150000009';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE dossier_case ADD COLUMN appointment_day_starts_at timestamptz
        GENERATED ALWAYS AS (date_trunc('day', appointment_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh') STORED`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE dossier_case DROP COLUMN appointment_day_starts_at`);
  }
}
