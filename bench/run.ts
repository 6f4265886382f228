/**
 * Benchmarks of the spine, printed as a table (not part of `npm test`):
 *   (a) intake: accepted dossiers per second and latency of POST /api/v1/dossiers, with outbox and inbox in place;
 *   (b) routing: dossiers routed end to end per second (submitted until every first task exists and every
 *       public record shows status 4), with the queues drained;
 * and each service's resident memory after the run. Starts its own suite on fresh databases (as the e2e tests
 * do), so it needs `npm run build` first — `npm run bench` does that.
 *
 *   npm run bench -- [--duration 30] [--connections 64] [--routed 20000]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { Role } from '@motcua/auth';
import { createTestAuth } from '@motcua/testing';
import { type RunningSuite, type ServiceName, SERVICE_NAMES, eventually, startSuite } from '../test/support/running-suite';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '64' },
    routed: { type: 'string', default: '20000' },
    'routed-connections': { type: 'string', default: '64' },
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
    documents: [{ name: 'Tờ khai đăng ký khai sinh' }, { name: 'Giấy chứng sinh' }],
    returnMethod: 'desk',
  });
}

function rssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
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

async function main(): Promise<void> {
  const auth = createTestAuth();
  const suite = await startSuite('bench', { ...auth.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const rows: [string, string][] = [];
  try {
    const token = await auth.token({ subject: 'bench-desk', roles: [Role.Receiver], agencies: WARDS.map(deskOf) });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    // (a) intake submissions
    let i = 0;
    const submissions = await autocannon({
      url: `${suite.url('intake')}/api/v1/dossiers`,
      method: 'POST',
      connections: Number(options.connections),
      duration: Number(options.duration),
      headers,
      requests: [{ setupRequest: (request) => ({ ...request, body: submission(i++) }) }],
    });
    const accepted = submissions['2xx'];
    rows.push(
      ['(a) intake: accepted dossiers/s (mean over run)', (accepted / Number(options.duration)).toFixed(0)],
      ['(a) intake: latency p50 / p90 / p99 / max (ms)', `${submissions.latency.p50} / ${submissions.latency.p90} / ${submissions.latency.p99} / ${submissions.latency.max}`],
      ['(a) intake: non-2xx responses / errors / timeouts', `${submissions.non2xx} / ${submissions.errors} / ${submissions.timeouts}`],
      ['(a) connections / duration (s)', `${options.connections} / ${options.duration}`],
    );
    // let routing of (a) finish before (b) is timed
    await eventually(
      async () => ((await count(suite, 'workflow', 'SELECT count(*) AS n FROM task')) >= accepted ? true : undefined),
      'routing of the submissions of (a)',
      600_000,
    );

    // (b) routed end to end: N dossiers submitted as fast as intake takes them; timed until every first task
    // exists in workflow and every public record shows status 4 in intake.
    const n = Number(options.routed);
    const tasksBefore = await count(suite, 'workflow', 'SELECT count(*) AS n FROM task');
    const started = Date.now();
    let j = 0;
    const routedRun = await autocannon({
      url: `${suite.url('intake')}/api/v1/dossiers`,
      method: 'POST',
      connections: Number(options['routed-connections']),
      amount: n,
      headers,
      requests: [{ setupRequest: (request) => ({ ...request, body: submission(1_000_000 + j++) }) }],
    });
    const submittedMs = Date.now() - started;
    await eventually(
      async () => ((await count(suite, 'workflow', 'SELECT count(*) AS n FROM task')) >= tasksBefore + routedRun['2xx'] ? true : undefined),
      'every first task',
      600_000,
    );
    const tasksMs = Date.now() - started;
    const total = accepted + routedRun['2xx'];
    await eventually(
      async () => ((await count(suite, 'intake', 'SELECT count(*) AS n FROM dossier WHERE national_status = 4')) >= total ? true : undefined),
      'status 4 on every public record',
      600_000,
    );
    const drainedMs = Date.now() - started;
    rows.push(
      ['(b) routed: dossiers submitted (2xx)', `${routedRun['2xx']} of ${n}`],
      ['(b) routed: submit phase (s) / submissions/s', `${(submittedMs / 1000).toFixed(1)} / ${(routedRun['2xx'] / (submittedMs / 1000)).toFixed(0)}`],
      ['(b) routed: every first task exists after (s)', (tasksMs / 1000).toFixed(1)],
      ['(b) routed: dossiers routed end to end /s (to first task)', (routedRun['2xx'] / (tasksMs / 1000)).toFixed(0)],
      ['(b) routed: every record at status 4 after (s) / per s', `${(drainedMs / 1000).toFixed(1)} / ${(routedRun['2xx'] / (drainedMs / 1000)).toFixed(0)}`],
    );
    const unsent = await Promise.all(SERVICE_NAMES.map((s) => count(suite, s, 'SELECT count(*) AS n FROM outbox_message WHERE sent_at IS NULL')));
    rows.push(['outbox rows unsent after the run (intake/workflow/notification/postal)', unsent.join(' / ')]);
    for (const name of SERVICE_NAMES) {
      const { rss, peak } = rssMiB(suite.services[name].process.pid!);
      rows.push([`memory: ${name} resident now / peak (MiB)`, `${rss} / ${peak}`]);
    }
  } finally {
    await suite.stop();
    auth.cleanup();
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n| ${'measure'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | ----- |`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
