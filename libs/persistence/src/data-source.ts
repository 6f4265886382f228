import type { DataSource } from 'typeorm';
import { MigrationExecutor } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { failFastClient } from './fail-fast-client';
import { lockMigrations, unlockMigrations } from './migration-lock';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface PostgresOptionsInit {
  url: string;
  /** Explicit classes, never globs: what is listed is what exists. */
  entities: Function[];
  migrations: Function[];
  poolSize?: number;
  /**
   * How long opening a connection to the server may take (`DEFAULT_CONNECT_TIMEOUT_MS` if not given); after one
   * failed, new ones fail at once for a moment (`CONNECT_HOLD_DOWN_MS`), until one succeeds (`failFastClient`). So while the database is down
   * or out of reach a request fails within seconds (503, the problem-details filter), not when TCP gives up.
   */
  connectTimeoutMs?: number;
  /** How long a query waits for a free connection of a full pool (`DEFAULT_POOL_WAIT_MS` if not given): a burst queues, but not for ever. */
  poolWaitMs?: number;
  /** Shown in pg_stat_activity: which service holds a connection. */
  applicationName?: string;
}

/** Opening a connection, at most: short, a client is waiting. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 2000;
/** After a failed connection, new ones fail at once for this long: what waits is answered, a healed database is tried again soon. */
export const CONNECT_HOLD_DOWN_MS = 500;
/** A request's wait for a free connection of a busy pool, at most: long enough for a burst to queue. */
export const DEFAULT_POOL_WAIT_MS = 10_000;

/** The one way a service describes its database to TypeORM: migrations only, snake_case, UTC. */
export function postgresOptions(o: PostgresOptionsInit): PostgresDataSourceOptions {
  const connectTimeout = o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  return {
    type: 'postgres',
    url: o.url,
    entities: o.entities,
    migrations: o.migrations,
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: o.poolSize,
    // pg-pool's wait for a free connection; opening one is bounded (shorter) by the client
    connectTimeoutMS: o.poolWaitMs ?? DEFAULT_POOL_WAIT_MS,
    extra: { Client: failFastClient({ connectTimeoutMs: connectTimeout, holdDownMs: CONNECT_HOLD_DOWN_MS }) },
    applicationName: o.applicationName,
    useUTC: true,
  };
}

/** A migration failed (its transaction was rolled back): retrying the start will not help. */
export class MigrationFailedError extends Error {
  constructor(readonly cause: unknown) {
    super(`migration failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MigrationFailedError';
  }
}

/**
 * Applies pending migrations, each in its own transaction, while holding a PostgreSQL advisory lock on one
 * dedicated connection: when several replicas start at once, one migrates and the others wait, then find
 * nothing pending. The same connection runs the migrations, so a pool of one cannot deadlock. Returns the
 * names of the migrations this call applied.
 */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner('master');
  try {
    await runner.connect();
    await lockMigrations(runner);
    let failed = false;
    try {
      const executor = new MigrationExecutor(ds, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((m) => m.name);
    } catch (error) {
      failed = true;
      throw new MigrationFailedError(error);
    } finally {
      // Never leave the lock on a pooled connection; a failure to unlock must not hide the migration's error.
      await unlockMigrations(runner).catch((error: unknown) => {
        if (!failed) throw error;
      });
    }
  } finally {
    await runner.release();
  }
}
