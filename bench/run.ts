/**
 * Benchmarks of the spine, printed as a table (not part of `npm test`):
 *   (a) intake: accepted dossiers per second and latency of POST /api/v1/dossiers, with outbox and inbox in place;
 *   (b) routing: dossiers routed end to end per second (submitted until every first task exists and every
 *       public record shows status 4), with the queues drained;
 *   (c) the catalogue: workflow's load at start, the replicas' snapshot, load time and memory (bench/catalogue.ts);
 *   (d) officers' work queues on a database of 1,000,000 tasks, and claim + forward throughput (bench/tasks.ts;
 *       not in the default parts: run it alone with `--parts d`);
 * and each service's resident memory as started and after the run (the V8 flags of scripts/node-options.json apply). Starts its own suite on fresh databases (as the e2e tests
 * do), so it needs `npm run build` first — `npm run bench` does that.
 *
 *   npm run bench -- [--duration 30] [--connections 64] [--routed 20000] [--parts a,b,c]
 *   npm run bench -- --parts d [--tasks 1000000] [--officers 5000] [--queries 1000] [--pairs 20000] [--workers 48] [--replicas 1]
 *   npm run bench -- --parts e [--tasks 1000000]      (e: the deadline watch's sweep over open tasks, bench/sweep.ts)
 *   npm run bench -- --parts f [--dossiers 1000000]   (f: on-time statistics, bench/statistics.ts)
 *   npm run bench -- --parts n [--messages 10000] [--outage 300] [--rate-limit 300] [--throughput-limit 5000]
 *                              [--latency-rate 300] [--latency-seconds 20]
 *       (n: notification's dispatch to the SMTP catcher and the SMS gateway simulator, bench/notification.ts:
 *       a backlog of --messages left by an outage of --outage seconds drained at --rate-limit/s per channel, none
 *       lost or twice; the same at --throughput-limit/s; an open loop of --latency-rate events/s for
 *       --latency-seconds, published → provider's acceptance; notification's memory and CPU per message)
 *   npm run bench -- --parts p [--shipments 8000] [--callback-connections 64]
 *       (p: postal-delivery against the carrier simulator, bench/postal.ts: --shipments results signed for return by
 *       post, carrier orders created through the outbox per second (target 300); then each shipment's PICKED_UP,
 *       IN_TRANSIT, DELIVERED callbacks, each twice, by --callback-connections connections: callbacks applied once
 *       per second (target 1,000); postal's memory and the CPU per order and per callback)
 *   npm run bench -- --parts q [--portal-dossiers 5000] [--latency-rate 300] [--portal-latency-seconds 30]
 *                              [--portal-backlog 16667] [--portal-env PORTAL_TAKE=1000,PORTAL_CONCURRENCY=16]
 *       (q: the national-portal adapter against the portal simulator, bench/portal.ts: updates accepted by the
 *       portal per second, event → portal's acceptance at --latency-rate events/s, a backlog of --portal-backlog
 *       dossiers × 6 updates caught up in order after an outage; the adapter's memory and CPU per update)
 *   npm run bench -- --parts faults [--fault-dossiers 100000] [--fault-rate 250] [--fault-outage 5] [--fault-timeout 60]
 *                                   [--fault-replay-every 100] [--fault-rabbit-node rabbit@localhost]
 *       (faults: the fault run, bench/faults.ts: an open loop of desk submissions retried with their Idempotency-Key
 *       while each service is SIGKILLed and restarted, RabbitMQ stopped and started, PostgreSQL restarted; each
 *       fault's drain, then nothing lost or twice, codes gap-free, parking lots and outboxes empty. It restarts the
 *       servers PGPORT and AMQP_URL point at)
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { Role } from '@motcua/auth';
import { createTestAuth, type RunningSuite, type ServiceName, SERVICE_NAMES, eventually, startSuite, BIRTH_REGISTRATION_DOCUMENTS } from '@motcua/testing';
import { catalogueFigures } from './catalogue';
import { faultFigures } from './faults';
import { cpuSeconds, openLoop, percentile, pidsOf, rssMiB } from './load';
import { machineDescription, machineReference } from './machine';
import { notificationFigures } from './notification';
import { postalFigures } from './postal';
import { portalFigures } from './portal';
import { statisticsFigures } from './statistics';
import { sweepFigures } from './sweep';
import { taskFigures } from './tasks';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '64' },
    rate: { type: 'string', default: '1000' },
    'routed-rate': { type: 'string', default: '500' },
    routed: { type: 'string', default: '10000' },
    parts: { type: 'string', default: 'a,b,c' },
    'routed-connections': { type: 'string', default: '64' },
    tasks: { type: 'string', default: '1000000' },
    officers: { type: 'string', default: '5000' },
    queries: { type: 'string', default: '1000' },
    pairs: { type: 'string', default: '20000' },
    workers: { type: 'string', default: '48' },
    replicas: { type: 'string', default: '1' },
    dossiers: { type: 'string', default: '1000000' },
    messages: { type: 'string', default: '10000' },
    outage: { type: 'string', default: '300' },
    'rate-limit': { type: 'string', default: '300' },
    'throughput-limit': { type: 'string', default: '5000' },
    'latency-rate': { type: 'string', default: '300' },
    'latency-seconds': { type: 'string', default: '20' },
    shipments: { type: 'string', default: '8000' },
    'callback-connections': { type: 'string', default: '64' },
    'portal-dossiers': { type: 'string', default: '5000' },
    'portal-latency-seconds': { type: 'string', default: '30' },
    'portal-backlog': { type: 'string', default: '16667' },
    'portal-env': { type: 'string', default: '' },
    'fault-dossiers': { type: 'string', default: '100000' },
    'fault-rate': { type: 'string', default: '250' },
    'fault-outage': { type: 'string', default: '5' },
    'fault-timeout': { type: 'string', default: '60' },
    'fault-replay-every': { type: 'string', default: '100' },
    'fault-rabbit-node': { type: 'string', default: '' },
  },
});

// The Ba Đình ward desks of the seed catalogue: load spreads over desks as it does in a city, because each desk's
// daily counter is a serialisation point by law (gap-free numbering).
const WARDS = ['00001', '00004', '00006', '00007', '00008', '00010', '00013', '00016', '00019', '00022', '00025', '00028', '00031', '00034'];
const deskOf = (ward: string) => `${ward.slice(2)}.01.20.H26`;

function submission(i: number): string {
  const ward = WARDS[i % WARDS.length];
  return JSON.stringify({
    procedureCode: '1.001193',
    receivingAgencyCode: deskOf(ward),
    channel: 1,
    applicant: { fullName: `Trần Văn Bình ${i}`, phone: '0912345678', email: `binh${i}@example.vn`, wardCode: ward },
    documents: BIRTH_REGISTRATION_DOCUMENTS,
    returnMethod: 'desk',
  });
}

async function count(suite: RunningSuite, service: ServiceName, sql: string): Promise<number> {
  const client = new Client({ connectionString: suite.services[service].database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

async function submitLoad(
  suite: RunningSuite,
  headers: Record<string, string>,
  load: Pick<autocannon.Options, 'connections' | 'duration' | 'amount' | 'overallRate'>,
  first: number,
) {
  let i = first;
  return autocannon({
    url: `${suite.url('intake')}/api/v1/dossiers`,
    method: 'POST',
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, body: submission(i++) }) }],
    ...load,
  });
}

/** The services' environment; `BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles them (written when they stop). */
const serviceEnv = (auth: ReturnType<typeof createTestAuth>): Record<string, string> => ({
  ...auth.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
});

const openLatency = (sorted: number[]) => [50, 90, 99, 100].map((p) => percentile(sorted, p).toFixed(0)).join(' / ');
const latency = (r: autocannon.Result) => `${r.latency.p50} / ${r.latency.p90} / ${r.latency.p99} / ${r.latency.max}`;
const failures = (r: autocannon.Result) => `${r.non2xx} / ${r.errors} / ${r.timeouts}`;

/** (a) intake alone. */
async function intakeCapacity(auth: ReturnType<typeof createTestAuth>, rows: [string, string][]): Promise<void> {
  // workflow runs until intake's catalogue replica is filled, then stops: intake is measured alone
  const suite = await startSuite('bench-intake', serviceEnv(auth), ['intake', 'workflow']);
  try {
    await suite.crash('workflow');
    const token = await auth.token({ subject: 'bench-desk', roles: [Role.Receiver], agencies: WARDS.map(deskOf) });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const duration = Number(options.duration);
    await submitLoad(suite, headers, { connections: 16, duration: 3 }, 0); // warm-up: JIT, pools, token cache
    const closed = await submitLoad(suite, headers, { connections: Number(options.connections), duration }, 1_000_000);
    rows.push(
      ['(a) intake alone, closed loop: accepted dossiers/s', (closed['2xx'] / duration).toFixed(0)],
      ['(a) intake alone, closed loop: latency p50 / p90 / p99 / max (ms)', latency(closed)],
      ['(a) closed loop: connections / duration (s) / non-2xx, errors, timeouts', `${options.connections} / ${duration} / ${failures(closed)}`],
    );
    const rate = Number(options.rate);
    const infrastructure = [...pidsOf('postgres'), ...pidsOf('beam.smp')];
    const cpuBefore = { intake: cpuSeconds([suite.services.intake.process.pid!]), infrastructure: cpuSeconds(infrastructure) };
    const open = await openLoop({ url: `${suite.url('intake')}/api/v1/dossiers`, headers, rate, durationS: duration, body: (i) => submission(2_000_000 + i) });
    const cpuMs = (group: keyof typeof cpuBefore, pids: number[]) => (((cpuSeconds(pids) - cpuBefore[group]) * 1000) / open.accepted).toFixed(2);
    rows.push(
      [`(a) intake alone, open loop at ${rate}/s: accepted dossiers/s`, (open.accepted / (open.elapsedMs / 1000)).toFixed(0)],
      [`(a) intake alone, open loop at ${rate}/s: latency p50 / p90 / p99 / max (ms)`, openLatency(open.latencies)],
      ['(a) open loop: failed requests', String(open.failed)],
      [
        '(a) open loop: CPU ms per dossier: intake / PostgreSQL + RabbitMQ',
        `${cpuMs('intake', [suite.services.intake.process.pid!])} / ${cpuMs('infrastructure', infrastructure)}`,
      ],
    );
    const { rss, peak } = rssMiB(suite.services.intake.process.pid!);
    rows.push(['(a) memory: intake resident after / peak (MiB)', `${rss} / ${peak}`]);
  } finally {
    await suite.stop();
  }
}

/** (b) the whole suite, routed end to end. */
async function routedEndToEnd(auth: ReturnType<typeof createTestAuth>, rows: [string, string][]): Promise<void> {
  const suite = await startSuite('bench-routed', serviceEnv(auth));
  try {
    // each service as started, before any load: what an idle replica costs (the ceiling: 150 MiB)
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const idle = SERVICE_NAMES.map((name) => rssMiB(suite.services[name].process.pid!).rss);
    rows.push([`(b) memory: resident 10 s after start, before load (${SERVICE_NAMES.join(' / ')}) (MiB)`, idle.join(' / ')]);
    const token = await auth.token({ subject: 'bench-desk', roles: [Role.Receiver], agencies: WARDS.map(deskOf) });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const statusFour = () => count(suite, 'intake', 'SELECT count(*) AS n FROM dossier WHERE national_status = 4');
    const tasks = () => count(suite, 'workflow', 'SELECT count(*) AS n FROM task');
    const warmUp = await submitLoad(suite, headers, { connections: 16, duration: 3 }, 0);
    await eventually(async () => ((await statusFour()) >= warmUp['2xx'] ? true : undefined), 'the warm-up to drain', 120_000);
    let expected = warmUp['2xx'];

    // The whole machine's CPU, by process, from here on: the services, PostgreSQL, RabbitMQ.
    const groups = {
      ...Object.fromEntries(SERVICE_NAMES.map((name) => [name, [suite.services[name].process.pid!]])),
      PostgreSQL: pidsOf('postgres'),
      RabbitMQ: pidsOf('beam.smp'),
    } as Record<string, number[]>;
    const cpuAtStart = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, cpuSeconds(pids)]));

    // Open loop at the target rate: does routing keep up, and how far behind is it when the load stops?
    const rate = Number(options['routed-rate']);
    const duration = Number(options.duration);
    const started = Date.now();
    const open = await openLoop({ url: `${suite.url('intake')}/api/v1/dossiers`, headers, rate, durationS: duration, body: (i) => submission(3_000_000 + i) });
    const sentMs = Date.now() - started;
    expected += open.accepted;
    await eventually(async () => ((await tasks()) >= expected ? true : undefined), 'every first task', 600_000);
    const routedMs = Date.now() - started;
    await eventually(async () => ((await statusFour()) >= expected ? true : undefined), 'status 4 on every public record', 600_000);
    const drainedMs = Date.now() - started;
    const openDossiers = open.accepted;
    rows.push(
      [`(b) suite, open loop at ${rate}/s for ${duration} s: accepted / failed`, `${open.accepted} / ${open.failed}`],
      [`(b) open loop: submission latency p50 / p90 / p99 / max (ms)`, openLatency(open.latencies)],
      [
        '(b) open loop: last first task after the last submission (s) → routed end to end/s',
        `${((routedMs - sentMs) / 1000).toFixed(1)} → ${(openDossiers / (routedMs / 1000)).toFixed(0)}`,
      ],
      [
        '(b) open loop: last record at status 4 after the last submission (s) → per s',
        `${((drainedMs - sentMs) / 1000).toFixed(1)} → ${(openDossiers / (drainedMs / 1000)).toFixed(0)}`,
      ],
    );
    const cpuMsPerDossier = Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => [name, ((cpuSeconds(pids) - cpuAtStart[name]) * 1000) / openDossiers]),
    );
    const totalCpu = Object.values(cpuMsPerDossier).reduce((a, b) => a + b, 0);
    rows.push([
      '(b) open loop: CPU ms per dossier: ' + Object.keys(cpuMsPerDossier).join(' / ') + ' = total',
      `${Object.values(cpuMsPerDossier)
        .map((v) => v.toFixed(2))
        .join(' / ')} = ${totalCpu.toFixed(2)}`,
    ]);

    // Closed loop: as fast as intake takes them, until every dossier is routed: the suite's capacity here.
    const n = Number(options.routed);
    const fastStart = Date.now();
    const run = await submitLoad(suite, headers, { connections: Number(options.connections), amount: n }, 1_000_000);
    const submittedMs = Date.now() - fastStart;
    const submitted = run['2xx'];
    expected += submitted;
    await eventually(async () => ((await tasks()) >= expected ? true : undefined), 'every first task', 600_000);
    const tasksMs = Date.now() - fastStart;
    await eventually(async () => ((await statusFour()) >= expected ? true : undefined), 'status 4 on every public record', 600_000);
    const fastDrainedMs = Date.now() - fastStart;
    const perSecond = (ms: number) => (submitted / (ms / 1000)).toFixed(0);
    rows.push(
      ['(b) suite, closed loop: dossiers submitted (2xx) / non-2xx, errors, timeouts', `${submitted} of ${n} / ${failures(run)}`],
      ['(b) closed loop: submissions/s / latency p50 / p99 (ms)', `${perSecond(submittedMs)} / ${run.latency.p50} / ${run.latency.p99}`],
      ['(b) closed loop: every first task exists after (s) → routed end to end/s', `${(tasksMs / 1000).toFixed(1)} → ${perSecond(tasksMs)}`],
      ['(b) closed loop: every record at status 4 after (s) → per s', `${(fastDrainedMs / 1000).toFixed(1)} → ${perSecond(fastDrainedMs)}`],
    );
    const unsent = await Promise.all(SERVICE_NAMES.map((s) => count(suite, s, 'SELECT count(*) AS n FROM outbox_message WHERE sent_at IS NULL')));
    rows.push(['(b) outbox rows unsent after (intake/workflow/notification/postal)', unsent.join(' / ')]);
    for (const name of SERVICE_NAMES) {
      const { rss, peak } = rssMiB(suite.services[name].process.pid!);
      rows.push([`(b) memory: ${name} resident after / peak (MiB)`, `${rss} / ${peak}`]);
    }
  } finally {
    await suite.stop();
  }
}

function wholeNumber(v: string): number {
  if (!/^[1-9]\d*$/.test(v)) throw new Error(`not a positive whole number: ${v}`);
  return Number(v);
}

async function main(): Promise<void> {
  const auth = createTestAuth();
  const rows: [string, string][] = [];
  const referenceBefore = machineReference();
  try {
    const parts = options.parts.split(',');
    if (parts.includes('a')) await intakeCapacity(auth, rows);
    if (parts.includes('b')) await routedEndToEnd(auth, rows);
    if (parts.includes('c')) await catalogueFigures(rows);
    if (parts.includes('d')) {
      const [tasks, officers, queries, pairs, workers, replicas] = [
        options.tasks,
        options.officers,
        options.queries,
        options.pairs,
        options.workers,
        options.replicas,
      ].map(wholeNumber);
      await taskFigures(auth, rows, { tasks, officers, queries, pairs, workers, replicas });
    }
    if (parts.includes('e')) {
      await sweepFigures(auth, rows, { tasks: wholeNumber(options.tasks) });
    }
    if (parts.includes('f')) await statisticsFigures(auth, rows, Number(options.dossiers));
    if (parts.includes('n')) {
      const [messages, outageS, rateLimit, throughputLimit, latencyRate, latencySeconds] = [
        options.messages,
        options.outage,
        options['rate-limit'],
        options['throughput-limit'],
        options['latency-rate'],
        options['latency-seconds'],
      ].map(wholeNumber);
      await notificationFigures(auth, rows, { messages, outageS, rateLimit, throughputLimit, latencyRate, latencySeconds });
    }
    if (parts.includes('p')) {
      const [shipments, connections] = [options.shipments, options['callback-connections']].map(wholeNumber);
      await postalFigures(auth, rows, { shipments, connections });
    }
    if (parts.includes('q')) {
      const [dossiers, latencyRate, latencySeconds, backlog] = [
        options['portal-dossiers'],
        options['latency-rate'],
        options['portal-latency-seconds'],
        options['portal-backlog'],
      ].map(wholeNumber);
      // adapter settings to compare (PORTAL_TAKE=1000,PORTAL_CONCURRENCY=16): the service's defaults otherwise
      const env = Object.fromEntries(
        options['portal-env']
          .split(',')
          .filter(Boolean)
          .map((pair) => pair.split('=') as [string, string]),
      );
      await portalFigures(auth, rows, { dossiers, latencyRate, latencySeconds, backlog, env });
    }
    if (parts.includes('faults')) {
      const [dossiers, rate, outageS, timeoutS, replayEvery] = [
        options['fault-dossiers'],
        options['fault-rate'],
        options['fault-outage'],
        options['fault-timeout'],
        options['fault-replay-every'],
      ].map(wholeNumber);
      await faultFigures(auth, rows, {
        dossiers,
        rate,
        outageS,
        timeoutS,
        replayEvery,
        rabbitNode: options['fault-rabbit-node'],
        agencies: WARDS.map(deskOf),
        submission,
      });
    }
  } finally {
    auth.cleanup();
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n| ${'measure'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | ----- |`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
  console.log(`\nlog level ${process.env.LOG_LEVEL ?? 'info'}; ${WARDS.length} ward desks; node ${process.version}; ${new Date().toISOString()}`);
  console.log(`PostgreSQL: ${await serverSettings()}`);
  console.log(`machine: ${machineDescription()}; one core's speed (lower is faster), before / after the run: ${referenceBefore} / ${machineReference()}`);
}

/** The settings the figures depend on, as the server reports them (docker-compose.yml sets the same). */
async function serverSettings(): Promise<string> {
  const db = new Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    database: 'postgres',
  });
  await db.connect();
  try {
    const names = ['server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'synchronous_commit', 'autovacuum'];
    const { rows } = await db.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1) ORDER BY array_position($1, name)`,
      [names],
    );
    return rows.map((r) => `${r.name} ${r.setting}`).join(', ');
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
