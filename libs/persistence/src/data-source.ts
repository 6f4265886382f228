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
  /** Shown in pg_stat_activity: which service holds a connection. */
  applicationName?: string;
}

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
