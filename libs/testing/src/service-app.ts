import type { INestApplication } from '@nestjs/common';
import type { PrincipalKind, Role } from '@motcua/auth';
import { createService, type ServiceDefinition } from '@motcua/bootstrap';
import { responseContractViolations } from '@motcua/http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AmqpConnection, AmqpServer, topologyNames } from '@motcua/messaging';
import { DataSource } from 'typeorm';
import { createTestAuth } from './auth';
import { deleteTopology, uniquePrefix } from './broker';
import { createTestDatabase } from './database';
import { publishEvent } from './events';
import { standIn } from './stand-in';

/**
 * What a test needs to say about the service under test: the rest is the same for every service. `env`: variables
 * of its own for this run (read when the app is built, e.g. where its outside parties' simulators listen); a
 * function is called in beforeAll, once what it names (a simulator's port) exists.
 */
export type ServiceAppDefinition = Pick<ServiceDefinition, 'service' | 'module' | 'entities' | 'migrations'> & {
  readonly env?: Record<string, string> | (() => Record<string, string>);
};

/** A service as it runs in production (HTTP API and consumer), on its own database and broker topology. */
export interface RunningServiceApp {
  readonly app: INestApplication;
  /** The topology prefix of this run: queues and exchanges no other test shares. */
  readonly prefix: string;
  /** A token the app accepts, for a caller of this kind (default officer) working for these agencies. */
  token(roles: Role[], agencies?: string[], kind?: PrincipalKind): Promise<string>;
  /** Publishes an event to the exchange as the producer's outbox relay would; returns its message id. */
  publish(event: object, messageId?: string): Promise<string>;
  /** Closes the app, then drops its database, its topology and its keys. */
  stop(): Promise<void>;
}

// One short retry tier: a handler failure shows within a test's patience, and clean-up knows the queue to delete.
const RETRY_DELAYS_MS = [200];

/**
 * Starts `definition` the way `runService` does, but on a fresh database, a unique topology prefix and test keys,
 * and resolves once the consumer runs. For one test file: start in beforeAll, stop in afterAll.
 */
export async function startServiceApp(definition: ServiceAppDefinition): Promise<RunningServiceApp> {
  const { service } = definition;
  const database = await createTestDatabase(service);
  const prefix = uniquePrefix(service);
  const auth = createTestAuth();
  Object.assign(process.env, auth.env, {
    DATABASE_URL: database.url,
    MESSAGING_PREFIX: prefix,
    MESSAGING_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(','),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // every response held against the service's OpenAPI document (docs/adr/019)
    OPENAPI_RESPONSE_CHECK: 'true',
    ...(typeof definition.env === 'function' ? definition.env() : definition.env),
  });
  const cleanUp = async () => {
    await deleteTopology(topologyNames(prefix, [service], RETRY_DELAYS_MS));
    await database.drop();
    auth.cleanup();
  };
  let app: INestApplication;
  try {
    const { env: _env, ...serviceDefinition } = definition;
    app = await createService({ ...serviceDefinition, title: `${service} (test)`, description: `${service} under test`, defaultPort: 0 });
    await app.init();
    // The connection opens without waiting; once it is up, the topology is declared and the consumer runs.
    await app.get(AmqpConnection).waitUntilConnected(10_000);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    app,
    prefix,
    token: (roles, agencies = [], kind = 'officer') => auth.token({ subject: `${kind}-1`, kind, roles, agencies }),
    publish: (event, messageId) => publishEvent(prefix, event, messageId),
    async stop() {
      const violations = responseContractViolations(app as NestFastifyApplication);
      await app.close();
      await cleanUp();
      if (violations.length > 0) {
        throw new Error(`responses the OpenAPI document does not describe:\n${violations.map((v) => `${v.operation} ${v.status}: ${v.problem}`).join('\n')}`);
      }
    },
  };
}

/** What a test file gets from `useServiceApp`: names it may take at its top level and use in tests and hooks. */
export interface ServiceAppFixture {
  readonly service: RunningServiceApp;
  /** The service's own database connection. */
  readonly db: DataSource;
  /** The service's consumer, with its counts of deliveries handled, duplicate, retried and parked. */
  readonly server: AmqpServer;
}

/** Starts `definition` with `startServiceApp` before the file's tests and stops it after them. */
export function useServiceApp(definition: ServiceAppDefinition): ServiceAppFixture {
  let running: RunningServiceApp | undefined;
  beforeAll(async () => {
    running = await startServiceApp(definition);
  }, 30_000);
  afterAll(async () => {
    await running?.stop();
  });
  const service = (): RunningServiceApp => {
    if (!running) throw new Error(`useServiceApp(${definition.service}): not started yet (use it inside a test or hook)`);
    return running;
  };
  return {
    service: standIn(service),
    db: standIn(() => service().app.get(DataSource)),
    server: standIn(() => service().app.get(AmqpServer)),
  };
}
