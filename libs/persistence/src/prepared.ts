import type { Pool, PoolClient, QueryResult } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * Runs one statement as a named prepared statement: PostgreSQL parses and plans it once per connection instead of
 * on every call (measured here: about a third of a short statement's round trip). TypeORM has no prepared
 * statements, so this talks to its pg client directly: inside `manager`'s transaction when it is bound to one,
 * otherwise on a connection of the pool for that one statement. `name` must identify `text` exactly (statements
 * are cached by name per connection). Stores run every statement through here (docs/adr/010-data-access.md).
 */
async function runPrepared(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<QueryResult> {
  const runner = manager.queryRunner;
  const client = runner ? ((await runner.connect()) as PoolClient) : (manager.connection.driver as unknown as { master: Pool }).master;
  return client.query({ name, text, values });
}

/** The rows a prepared statement returns. */
export async function queryPrepared<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  return (await runPrepared(manager, name, text, values)).rows as T[];
}

/** How many rows a prepared statement changed (an UPDATE, a DELETE without RETURNING). */
export async function executePrepared(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<number> {
  return (await runPrepared(manager, name, text, values)).rowCount ?? 0;
}
