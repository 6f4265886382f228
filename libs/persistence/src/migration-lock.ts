import type { QueryRunner } from 'typeorm';

/*
 * The lock that serialises migrations (see runMigrations): connection setup for the migration runner, no table.
 * Session-level, so it is held on the runner's connection until released, across the migrations' transactions.
 */

/**
 * Arbitrary but fixed: the key of the session-level advisory lock that serialises migrations. Advisory locks
 * are per database, so the four services (four databases) never wait on one another.
 */
export const MIGRATION_LOCK_KEY = 7_104_202_611;

/**
 * Waits until no other connection holds the migration lock, then holds it. It asks again every `retryMs` instead of
 * waiting inside one `pg_advisory_lock`: a statement left waiting holds a snapshot, and a migration that builds an
 * index CONCURRENTLY waits for every older snapshot of its database, so a replica starting beside the one migrating
 * would wait for it while it waits for that replica, until PostgreSQL broke the deadlock by failing the migration.
 */
export async function lockMigrations(runner: QueryRunner, retryMs = 250): Promise<void> {
  for (;;) {
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_KEY])) as { locked: boolean }[];
    if (locked) return;
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}

/** Gives the lock back, so the pooled connection carries no lock into its next use. */
export async function unlockMigrations(runner: QueryRunner): Promise<void> {
  await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
}
