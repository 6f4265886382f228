import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { readEnvironment } from '@motcua/config';
import { MigrationFailedError, postgresOptions, runMigrations } from './data-source';
import { DatabaseEnvironment } from './database-environment';
import { IdempotencyRetention } from './idempotency';

export interface PersistenceOptions {
  /** `intake`, `workflow`, ...: the connection's application_name. */
  service: string;
  entities: Function[];
  migrations: Function[];
}

/**
 * The service's database: reads DatabaseEnvironment, opens the DataSource and applies pending migrations
 * before the app serves anything. Re-exports TypeOrmModule, so `DataSource` and `TypeOrmModule.forFeature`
 * work as usual.
 */
@Module({})
export class PersistenceModule {
  static forService(o: PersistenceOptions): DynamicModule {
    const logger = new Logger('Persistence');
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: (): TypeOrmModuleOptions => {
            const env = readEnvironment(DatabaseEnvironment);
            return {
              ...postgresOptions({
                url: env.DATABASE_URL,
                entities: o.entities,
                migrations: o.migrations,
                poolSize: env.DATABASE_POOL_SIZE,
                connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
                poolWaitMs: env.DATABASE_POOL_WAIT_MS,
                applicationName: o.service,
              }),
              // The database may still be starting next to us (compose, CI); a failed migration will not heal.
              retryAttempts: 10,
              retryDelay: 2000,
              toRetry: (error: unknown) => !(error instanceof MigrationFailedError),
            };
          },
          dataSourceFactory: async (options?: DataSourceOptions) => {
            if (!options) throw new Error('PersistenceModule: no data source options');
            const dataSource = new DataSource(options);
            await dataSource.initialize();
            try {
              const applied = await runMigrations(dataSource);
              if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      // Every service keeps idempotency records (their migration is listed with its own): purge old ones.
      providers: [IdempotencyRetention],
      exports: [TypeOrmModule],
    };
  }
}
