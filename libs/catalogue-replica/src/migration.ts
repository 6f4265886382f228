import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service's replica of workflow's catalogue: one row per area, agency, procedure and published yearly schedule
 * of days off, each as workflow last
 * described it and with the catalogue revision of that description.
 */
export class CreateCatalogueReplica1764150000010 implements MigrationInterface {
  name = 'CreateCatalogueReplica1764150000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE catalogue_replica (
        kind text NOT NULL CHECK (kind IN ('area', 'agency', 'procedure', 'schedule')),
        code text NOT NULL,
        revision bigint NOT NULL,
        entry jsonb NOT NULL,
        PRIMARY KEY (kind, code)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE catalogue_replica`);
  }
}
