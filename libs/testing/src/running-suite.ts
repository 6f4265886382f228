import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { topologyNames } from '@motcua/messaging';
import { type TestDatabase, createTestDatabase } from './database';
import { deleteTopology, uniquePrefix } from './broker';
import { SERVICE_NAMES, type ServiceName } from './service-registry';
import { terminate } from './terminate';
import nodeOptions from '../../../scripts/node-options.json';

const ROOT = join(__dirname, '..', '..', '..');

/** The V8 flags every service runs with: scripts/node-options.json, as start:all and the Dockerfile (docs/adr/017). */
export const SERVICE_NODE_OPTIONS: string = nodeOptions.NODE_OPTIONS;

export interface RunningService {
  readonly name: ServiceName;
  readonly url: string;
  readonly database: TestDatabase;
  /** The current process (a new one after `restart`). */
  process: ChildProcess;
}

export interface RunningSuite {
  readonly prefix: string;
  /** The services started (every registered service unless the caller chose fewer). */
  readonly services: Record<ServiceName, RunningService>;
  url(service: ServiceName): string;
  /** Kills the service's process with SIGKILL, as a crash would: no shutdown hook runs. */
  crash(service: ServiceName): Promise<void>;
  /**
   * Starts the service again on the same database, port and topology (stopping it first, SIGTERM, if it runs), and waits until it is ready (unless told
   * not to: a test of what a service does before it can be ready). `env` overrides the process's variables for this
   * start: e.g. `DATABASE_URL` or `AMQP_URL` through a `TcpProxy` to the same database or broker.
   */
  restart(service: ServiceName, options?: { waitUntilReady?: boolean; env?: Record<string, string> }): Promise<void>;
  /** Starts one more process of the service on the same database and topology (a second replica); stopped with the suite. */
  startReplica(service: ServiceName): Promise<{ url: string; process: ChildProcess }>;
  /**
   * The responses, since this suite started, that a service's OpenAPI document does not describe (logged by each
   * service when started with `OPENAPI_RESPONSE_CHECK=true`, as the tests' `useSuite` does; docs/adr/019).
   */
  contractViolations(): string[];
  /**
   * The same, then forgotten: for a test that provokes a response no document may describe (a 500 it causes on
   * purpose) and checks that it got exactly that one.
   */
  takeContractViolations(): string[];
  stop(): Promise<void>;
}

/** The line a service logs for a response its document does not describe (libs/http's response check). */
const CONTRACT_VIOLATION_MARK = 'OPENAPI CONTRACT VIOLATION';

/** A port nothing listens on now (for a process about to be started on it). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

/**
 * Starts the whole suite (each registered service as built by `npm run build`, each run as its own process, as in
 * production) on fresh databases and a private topology prefix, so the test shares nothing with a
 * running development stack or another test. Service logs go to `test/logs/<label>/<service>.log`.
 */
/** The variable that tells a service where another answers: `INTAKE_URL`, `POSTAL_DELIVERY_URL`. */
export const serviceUrlVariable = (name: string): string => `${name.toUpperCase().replaceAll('-', '_')}_URL`;

export async function startSuite(label: string, env: Record<string, string>, only: readonly ServiceName[] = SERVICE_NAMES): Promise<RunningSuite> {
  const unknown = only.filter((name) => !SERVICE_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new Error(`no service ${unknown.join(', ')} in scripts/services.json (it registers ${SERVICE_NAMES.join(', ')})`);
  }
  const prefix = uniquePrefix(label);
  const logDir = join(ROOT, 'test', 'logs', label);
  mkdirSync(logDir, { recursive: true });
  const started: RunningService[] = [];
  let urls: Record<string, string> = {};
  // where each log file stood when this suite started: earlier runs' lines are not this run's
  const logOffsets = new Map<string, number>();
  const logOf = (name: ServiceName): string => {
    const file = join(logDir, `${name}.log`);
    if (!logOffsets.has(file)) logOffsets.set(file, existsSync(file) ? statSync(file).size : 0);
    return file;
  };
  const launch = (name: ServiceName, database: TestDatabase, port: number, overrides: Record<string, string> = {}): ChildProcess => {
    // The child writes its log to the file itself: nothing passes through this process (a benchmark's load
    // generator would otherwise pay for copying every log line), and what a crash leaves behind is kept.
    const log = openSync(logOf(name), 'a');
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', name, 'apps', name, 'src', 'main.js')], {
      env: {
        ...process.env,
        ...urls,
        ...env,
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        MESSAGING_PREFIX: prefix,
        LOG_LEVEL: env.LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'info',
        // the heap limits start:all and the image run with (what is measured is what runs), then the caller's own
        NODE_OPTIONS: [SERVICE_NODE_OPTIONS, process.env.NODE_OPTIONS, env.NODE_OPTIONS].filter(Boolean).join(' '),
        ...overrides,
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log); // the child has its own copy
    return child;
  };
  try {
    // every service's port first: each is told where the others answer (`INTAKE_URL`, …), as start:all does
    const ports = new Map<ServiceName, number>();
    for (const name of only) ports.set(name, await freePort());
    urls = Object.fromEntries(only.map((name) => [serviceUrlVariable(name), `http://127.0.0.1:${ports.get(name)}`]));
    for (const name of only) {
      const database = await createTestDatabase(`${label}_${name}`);
      const port = ports.get(name)!;
      started.push({ name, url: `http://127.0.0.1:${port}`, database, process: launch(name, database, port) });
    }
    await Promise.all(started.map((s) => waitUntilReady(s.url, s.process)));
  } catch (error) {
    await stopAll(started, prefix);
    throw error;
  }
  const services = Object.fromEntries(started.map((s) => [s.name, s])) as Record<ServiceName, RunningService>;
  const replicas: RunningService[] = [];
  return {
    prefix,
    services,
    url: (service) => services[service].url,
    async crash(service) {
      const { process: child } = services[service];
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
    async restart(service, { waitUntilReady: wait = true, env: overrides } = {}) {
      const running = services[service];
      await terminate(running.process); // one still running is stopped first, as an operator's restart would
      running.process = launch(service, running.database, Number(new URL(running.url).port), overrides);
      if (wait) await waitUntilReady(running.url, running.process);
    },
    async startReplica(service) {
      const running = services[service];
      const port = await freePort();
      const replica: RunningService = {
        name: service,
        url: `http://127.0.0.1:${port}`,
        database: running.database,
        process: launch(service, running.database, port),
      };
      replicas.push(replica);
      await waitUntilReady(replica.url, replica.process);
      return { url: replica.url, process: replica.process };
    },
    contractViolations: () => contractViolations(false),
    takeContractViolations: () => contractViolations(true),
    stop: () => stopAll([...replicas, ...started], prefix),
  };

  /** The marked lines of each service's log since its offset; `take`: the offset moves past what was read. */
  function contractViolations(take: boolean): string[] {
    return [...logOffsets].flatMap(([file, offset]) => {
      const log = readFileSync(file);
      if (take) logOffsets.set(file, log.length);
      return log
        .subarray(offset)
        .toString('utf8')
        .split('\n')
        .filter((line) => line.includes(CONTRACT_VIOLATION_MARK))
        .map((line) => {
          try {
            return `${file}: ${(JSON.parse(line) as { msg: string }).msg}`;
          } catch {
            return `${file}: ${line}`;
          }
        });
    });
  }
}

async function stopAll(started: RunningService[], prefix: string): Promise<void> {
  await Promise.all(started.map((s) => terminate(s.process)));
  await Promise.all(started.map((s) => s.database.drop()));
  await deleteTopology(topologyNames(prefix, SERVICE_NAMES));
}
