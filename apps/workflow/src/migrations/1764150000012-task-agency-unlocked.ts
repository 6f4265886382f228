import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A task's agency is no longer checked by a foreign key. The check took a KEY SHARE lock on the agency's row for
 * every task opened there, so every step forwarded into a busy agency (a district's specialists, a ward's
 * committee) locked the same row, and two at once made the lock a MultiXact: a shared structure PostgreSQL writes
 * and reads back under its own locks. With 48 officers forwarding into 8 agencies that was about one MultiXact per
 * forward and a tenth of the forward statement's time (`pg_stat_statements`: 0.584 → 0.523 ms).
 *
 * The agency comes from the catalogue (`resolveStepAgency`), whose agencies are never deleted: a dissolved
 * agency keeps its row and names its successor. A case's receiving agency has never had a foreign key either.
 */
export class TaskAgencyUnlocked1764150000012 implements MigrationInterface {
  name = 'TaskAgencyUnlocked1764150000012';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE task DROP CONSTRAINT IF EXISTS task_agency_code_fkey`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE task ADD CONSTRAINT task_agency_code_fkey FOREIGN KEY (agency_code) REFERENCES agency (code) NOT VALID`);
    await runner.query(`ALTER TABLE task VALIDATE CONSTRAINT task_agency_code_fkey`);
  }
}
