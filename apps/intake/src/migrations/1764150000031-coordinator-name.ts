import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordinator's full name beside their id on the public record, as workflow's events name them (intake holds
 * no staff list). Null until an event names them (dossiers received before, or events of the first version).
 */
export class CoordinatorName1764150000031 implements MigrationInterface {
  name = 'CoordinatorName1764150000031';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE dossier ADD COLUMN coordinator_name text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE dossier DROP COLUMN coordinator_name`);
  }
}
