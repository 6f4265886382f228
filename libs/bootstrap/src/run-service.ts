import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AmqpServer } from '@motcua/messaging';
import { readEnvironment } from '@motcua/config';
import { IsCorsOrigins, IsTrustProxy, configureHttpApp, createHttpAdapter, parseCorsOrigins, parseTrustProxy } from '@motcua/http';
import { DatabaseEnvironment, postgresOptions, runMigrations } from '@motcua/persistence';
import { rememberValidationRules } from './validation-rules';

/** What differs between the four services at start: everything else starts the same way. */
export interface ServiceDefinition {
  readonly service: string;
  readonly title: string;
  readonly description: string;
  readonly defaultPort: number;
  readonly module: Type<unknown>;
  readonly entities: Function[];
  readonly migrations: Function[];
}

class HttpEnvironment {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * The proxies (the gateway) whose `X-Forwarded-For` says who the client is: `false` (default), `true`, or
   * their addresses and networks (`10.0.0.0/8,loopback`). The citizen's lookup is limited per client by it.
   */
  @IsTrustProxy()
  TRUST_PROXY = 'false';

  /**
   * Requests handled at once; the next wait their turn. Keep it below DATABASE_POOL_SIZE (20) less
   * MESSAGING_CONSUMER_CONCURRENCY (2), so that the service's own consumer never queues behind its requests.
   */
  @IsInt()
  @Min(1)
  HTTP_MAX_IN_FLIGHT: number = 16;

  /** How long a request may wait for its turn before it is answered 503 `SERVICE.OVERLOADED` with `Retry-After`. */
  @IsInt()
  @Min(0)
  HTTP_MAX_QUEUE_MS: number = 10_000;

  /**
   * The origins whose pages may call the API from a browser, comma-separated and exact
   * (`https://motcua.hanoi.gov.vn,http://localhost:5173`). None by default: no cross-origin access.
   */
  @IsCorsOrigins()
  CORS_ORIGINS = '';

  /** `Strict-Transport-Security: max-age=…` on every response; 0 (default) sends none: TLS ends at the gateway. */
  @IsInt()
  @Min(0)
  HSTS_MAX_AGE_SECONDS: number = 0;

  /**
   * Hold every response against the service's own OpenAPI document and answer one it does not describe as a 500
   * `CONTRACT.RESPONSE_UNDOCUMENTED` (the tests turn it on; see docs/adr/019). Off in production.
   */
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true')
  @IsBoolean()
  OPENAPI_RESPONSE_CHECK: boolean = false;
}

/** Builds a service: its HTTP API (docs, problem details, logs) and its consumer on the broker, started. */
export async function createService(definition: ServiceDefinition): Promise<NestFastifyApplication> {
  rememberValidationRules();
  const { TRUST_PROXY, HTTP_MAX_IN_FLIGHT, HTTP_MAX_QUEUE_MS, OPENAPI_RESPONSE_CHECK, CORS_ORIGINS, HSTS_MAX_AGE_SECONDS } = readEnvironment(HttpEnvironment);
  const adapter = createHttpAdapter({ trustProxy: parseTrustProxy(TRUST_PROXY) });
  const app = await NestFactory.create<NestFastifyApplication>(definition.module, adapter, { bufferLogs: true });
  await configureHttpApp(app, {
    service: definition.service,
    title: definition.title,
    description: definition.description,
    admission: { maxInFlight: HTTP_MAX_IN_FLIGHT, maxQueueMs: HTTP_MAX_QUEUE_MS },
    browsers: { corsOrigins: parseCorsOrigins(CORS_ORIGINS) ?? [], hstsMaxAgeSeconds: HSTS_MAX_AGE_SECONDS },
    checkResponses: OPENAPI_RESPONSE_CHECK,
  });
  app.connectMicroservice<MicroserviceOptions>({ strategy: app.get(AmqpServer) }, { inheritAppConfig: true });
  // Initialise the whole app (its modules load what they need, e.g. workflow's catalogue) before the consumer
  // starts: after a restart, messages are already waiting and arrive the moment it listens.
  await app.init();
  // Fastify's routes and hooks are final from here: in-process tests send requests without listening.
  await app.getHttpAdapter().getInstance().ready();
  await app.startAllMicroservices();
  return app;
}

/**
 * The entry point of every service: `node main.js` serves; `node main.js migrate` applies the pending
 * migrations (under the advisory lock, like a start does) and exits.
 */
export async function runService(definition: ServiceDefinition): Promise<void> {
  const logger = new Logger(definition.service);
  if (process.argv.slice(2).includes('migrate')) {
    const { DATABASE_URL } = readEnvironment(DatabaseEnvironment);
    const dataSource = new DataSource(postgresOptions({ url: DATABASE_URL, entities: definition.entities, migrations: definition.migrations, poolSize: 1 }));
    await dataSource.initialize();
    try {
      const applied = await runMigrations(dataSource);
      logger.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await dataSource.destroy();
    }
    return;
  }
  const http = readEnvironment(HttpEnvironment);
  const app = await createService(definition);
  await app.listen(http.PORT ?? definition.defaultPort, http.HOST);
  logger.log(`${definition.title} listening on ${await app.getUrl()}`);
  // Stopped by the orchestrator: stop taking requests and messages, let the outbox relay finish its batch, close
  // the connections, then exit. What is not done is redelivered or relayed by the next start.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: shutting down`);
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        },
      );
    });
  }
}
