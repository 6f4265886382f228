import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open tasks of an agency that have an owner, in the queue's order: with the queue's own index, what a head
 * reads to see every open task of the agency and whom it is with (GET /tasks?owner=all). Built CONCURRENTLY,
 * outside a transaction, so that a city's task table keeps taking commands while it builds; an invalid index left
 * by an interrupted build is dropped first.
 */
export class AgencyOwnedTasks1764150000011 implements MigrationInterface {
  name = 'AgencyOwnedTasks1764150000011';
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS task_agency_owned`);
    await runner.query(
      `CREATE INDEX CONCURRENTLY task_agency_owned ON task (agency_code, created_at, id) INCLUDE (procedure_code) WHERE status = 'open' AND owner_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS task_agency_owned`);
  }
}
