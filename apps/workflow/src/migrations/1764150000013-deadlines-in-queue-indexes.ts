import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The work-queue indexes: as they were, and with the step deadline among their included columns. */
const INDEXES = [
  {
    name: 'task_agency_queue',
    before: `task (agency_code, created_at, id) INCLUDE (procedure_code) WHERE status = 'open' AND owner_id IS NULL`,
    after: `task (agency_code, created_at, id) INCLUDE (procedure_code, due_at) WHERE status = 'open' AND owner_id IS NULL`,
  },
  {
    name: 'task_agency_owned',
    before: `task (agency_code, created_at, id) INCLUDE (procedure_code) WHERE status = 'open' AND owner_id IS NOT NULL`,
    after: `task (agency_code, created_at, id) INCLUDE (procedure_code, due_at) WHERE status = 'open' AND owner_id IS NOT NULL`,
  },
  {
    name: 'task_owner',
    before: `task (owner_id, created_at, id) INCLUDE (agency_code, procedure_code) WHERE status = 'open' AND owner_id IS NOT NULL`,
    after: `task (owner_id, created_at, id) INCLUDE (agency_code, procedure_code, due_at) WHERE status = 'open' AND owner_id IS NOT NULL`,
  },
];

/**
 * GET /tasks?dueBefore= (a queue's tasks past or near their deadline) and its counts checked each task's deadline
 * in the table: with a city's queues, thousands of row reads for the counts of a busy agency. With `due_at` in the
 * queue indexes both are read from the index alone. Each index is built anew beside the old one, CONCURRENTLY and
 * outside a transaction (a city's task table keeps taking commands), then takes its name; a run interrupted half
 * way is finished by running it again. Reverting it needs TypeORM's `undoLastMigration({ transaction: 'none' })`
 * (up, down and up again checked on a scratch database).
 */
export class DeadlinesInQueueIndexes1764150000013 implements MigrationInterface {
  name = 'DeadlinesInQueueIndexes1764150000013';
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    for (const { name, after } of INDEXES) await rebuild(runner, name, after);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const { name, before } of INDEXES) await rebuild(runner, name, before);
  }
}

async function rebuild(runner: QueryRunner, name: string, on: string): Promise<void> {
  await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}_new`);
  await runner.query(`CREATE INDEX CONCURRENTLY ${name}_new ON ${on}`);
  await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  await runner.query(`ALTER INDEX ${name}_new RENAME TO ${name}`);
}
