import type { DataSource } from 'typeorm';
import { MigrationExecutor } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { lockMigrations, unlockMigrations } from './migration-lock';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface PostgresOptionsInit {
  url: string;
  /** Explicit classes, never globs: what is listed is what exists. */
  entities: Function[];
  migrations: Function[];
  poolSize?: number;
  /**
   * How long a query waits for a connection, a free one of the pool or a new one to the server, before it fails
   * (`DEFAULT_CONNECT_TIMEOUT_MS` if not given). Bounded, so that while the database is down or out of reach a
   * request fails within seconds (503, the problem-details filter) instead of waiting for as long as TCP does.
   */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity: which service holds a connection. */
  applicationName?: string;
}

/** A request's wait for a database connection, at most: long for a pool under load, short for a client waiting. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 2000;

/** The one way a service describes its database to TypeORM: migrations only, snake_case, UTC. */
export function postgresOptions(o: PostgresOptionsInit): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: o.entities,
    migrations: o.migrations,
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: o.poolSize,
    // pg-pool: both the wait for a free connection and the connection of a new one
    connectTimeoutMS: o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
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
