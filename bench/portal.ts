/**
 * (q) The national-portal adapter (issue 20) against the portal simulator run inside this process
 * (simulators/national-portal: real HTTP over loopback, so its work shares the machine's two cores with the
 * adapter, as a load generator's does). Each phase starts a fresh national-portal process on a fresh database; the
 * producers' events (intake's DossierAccepted, workflow's TaskCreated, TaskCompleted, CaseClosed) go straight to its
 * exchange through one AMQP channel. A dossier's life of 4 events queues 6 portal updates: 4 DongBoHoSoMC versions
 * (TrangThaiHoSo 2, 4, 9, 10) and 2 CapNhatTienDoHoSoMC rows (the step's hand-over and its completion).
 *
 *   1. throughput: every event of `dossiers` dossiers published at once, the portal up: updates accepted by the
 *      portal a second (first to last acceptance; and from the first publication);
 *   2. latency: an open loop of `latency-rate` events/s for `latency-seconds` (a dossier's 4 events 1 s apart):
 *      from the event's publication (a stand-in for the producer's commit: its relay publishes right after it) to
 *      the portal's acceptance of each update it made (the simulator's `receivedAt`);
 *   3. backlog: the portal down (connections cut) while the events of `backlog` dossiers are recorded; then back:
 *      the catch-up's time and rate;
 * each checked: every dossier's versions exactly 2, 4, 9, 10 and its 2 rows, no violation at the simulator (none
 * out of order, none before its dossier), none twice; and after each, the adapter's resident memory and CPU.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { CaseClosed, NationalStatus, TaskCompleted, TaskCreated, event } from '@motcua/contracts';
import { type RunningSuite, aDossierAccepted, type createTestAuth, eventually, startSuite, withEventPublisher } from '@motcua/testing';
import { type RunningNationalPortalSimulator, startNationalPortalSimulator } from '../simulators/national-portal/national-portal-simulator';
import { cpuSeconds, percentile, pidsOf, rssMiB } from './load';

export interface PortalBenchOptions {
  readonly dossiers: number;
  readonly latencyRate: number;
  readonly latencySeconds: number;
  readonly backlog: number;
  readonly env: Record<string, string>;
}

type Rows = [string, string][];

const CLIENT_ID = 'bench-portal-client';
const CLIENT_SECRET = 'bench-portal-client-secret';
const DESK = '000.00.01.H26';
/** Updates a dossier's life queues: versions 2, 4, 9, 10 and two progress rows. */
const VERSIONS = [2, 4, 9, 10];
const ROWS = 2;
const UPDATES_PER_DOSSIER = VERSIONS.length + ROWS;
/** The targets of issue 20. */
const TARGET_RATE = 500;
const TARGET_P99_MS = 2_000;

const codeOf = (phase: number, i: number) => `${DESK}-261126-${phase}${String(i).padStart(6, '0')}`;

/** A dossier's life as its producers publish it: event k of 4 (0 intake's acceptance, then workflow's 1, 2, 3). */
function lifeEvent(code: string, k: number, ids: { taskId: string; caseId: string }): object {
  const base = { dossierCode: code, coordinatorId: 'officer-1' };
  const step = { stepNumber: 1, stepName: 'Thẩm định', agencyCode: DESK };
  switch (k) {
    case 0:
      return aDossierAccepted({ dossierCode: code, appointmentAt: '2026-12-03T09:00:00.000Z' });
    case 1:
      return event(TaskCreated, {
        ...base,
        ...step,
        ...ids,
        role: 'specialist',
        processVersion: 1,
        nationalStatus: NationalStatus.InProgress,
        sequence: 1,
        occurredAt: '2026-11-26T02:10:00.000Z',
      });
    case 2:
      return event(TaskCompleted, {
        ...base,
        ...step,
        taskId: ids.taskId,
        action: 'sign',
        actorId: 'cv-1',
        note: null,
        nationalStatus: NationalStatus.Processed,
        sequence: 2,
        occurredAt: '2026-11-29T03:00:00.000Z',
      });
    default:
      return event(CaseClosed, {
        ...base,
        caseId: ids.caseId,
        outcome: 'returned',
        actorId: 'tra-1',
        note: null,
        nationalStatus: NationalStatus.Returned,
        sequence: 3,
        occurredAt: '2026-11-30T08:00:00.000Z',
      });
  }
}

/** When each event left, by dossier: `published.get(code)[k]`. */
type Published = Map<string, number[]>;

/** Every event of `count` dossiers as fast as the channel takes them, in life order per dossier (interleaved across dossiers by wave). */
async function publishBurst(suite: RunningSuite, phase: number, count: number): Promise<Published> {
  const published: Published = new Map();
  const ids = Array.from({ length: count }, () => ({ taskId: randomUUID(), caseId: randomUUID() }));
  await withEventPublisher(suite.prefix, async (publish) => {
    let n = 0;
    // a wave of 500 dossiers at a time, each wave's events in life order: the dossiers' lives overlap as at desks
    for (let wave = 0; wave < count; wave += 500) {
      for (let k = 0; k < 4; k++) {
        for (let i = wave; i < Math.min(count, wave + 500); i++) {
          const code = codeOf(phase, i);
          if (k === 0) published.set(code, []);
          published.get(code)!.push(Date.now());
          publish(lifeEvent(code, k, ids[i]));
          if (++n % 200 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the socket drain
        }
      }
    }
  });
  return published;
}

/** `rate` events a second, evenly spaced, for `seconds`: rate/4 new dossiers a second, each one's 4 events 1 s apart. */
async function publishOpenLoop(suite: RunningSuite, phase: number, rate: number, seconds: number): Promise<Published> {
  const perSecond = rate / 4;
  const count = Math.round(perSecond * seconds);
  const schedule: { at: number; i: number; k: number }[] = [];
  for (let i = 0; i < count; i++) for (let k = 0; k < 4; k++) schedule.push({ at: (i * 1000) / perSecond + k * 1000, i, k });
  schedule.sort((a, b) => a.at - b.at);
  const ids = Array.from({ length: count }, () => ({ taskId: randomUUID(), caseId: randomUUID() }));
  const published: Published = new Map();
  await withEventPublisher(suite.prefix, async (publish) => {
    const t0 = performance.now();
    for (const { at, i, k } of schedule) {
      const wait = t0 + at - performance.now();
      if (wait > 1) await sleep(wait);
      const code = codeOf(phase, i);
      if (k === 0) published.set(code, []);
      published.get(code)!.push(Date.now());
      publish(lifeEvent(code, k, ids[i]));
    }
  });
  return published;
}

interface Acceptance {
  readonly code: string;
  /** 0..3 the versions 2, 4, 9, 10; 4, 5 the progress rows. */
  readonly update: number;
  /** The event that made it (0..3). */
  readonly cause: number;
  readonly at: number;
}

/** Which event made each update: version k by event k; row 0 by the task's creation (1), row 1 by its completion (2). */
const causeOfRow = [1, 2];

/** The portal's acceptances of the dossiers published, and what is wrong with them (order, repeats, missing). */
function check(portal: RunningNationalPortalSimulator, published: Published): { list: Acceptance[]; wrong: string[]; repeats: number; missing: number } {
  const list: Acceptance[] = [];
  const wrong: string[] = [];
  let repeats = 0;
  let missing = 0;
  for (const code of published.keys()) {
    const d = portal.dossier(code);
    const statuses = d?.versions.map((v) => v.TrangThaiHoSo) ?? [];
    const rows = d?.progress ?? [];
    if (statuses.length > VERSIONS.length || rows.length > ROWS || (d?.recreated ?? 0) > 0) repeats++;
    if (statuses.length < VERSIONS.length || rows.length < ROWS) missing++;
    if (JSON.stringify(statuses) !== JSON.stringify(VERSIONS.slice(0, statuses.length)) && wrong.length < 5) wrong.push(`${code}: ${statuses.join(',')}`);
    d?.versions.forEach((v, k) => list.push({ code, update: k, cause: k, at: Date.parse(v.receivedAt) }));
    rows.forEach((r, k) => list.push({ code, update: VERSIONS.length + k, cause: causeOfRow[k] ?? 3, at: Date.parse(r.receivedAt) }));
  }
  return { list, wrong, repeats, missing };
}

/** No violation, every dossier's versions in order, none twice, none missing. */
function inOrder(portal: RunningNationalPortalSimulator, published: Published): boolean {
  const { wrong, repeats, missing } = check(portal, published);
  return portal.violations().length === 0 && wrong.length === 0 && repeats === 0 && missing === 0;
}

function accepted(portal: RunningNationalPortalSimulator): number {
  const s = portal.stats();
  return s.recordsAccepted + s.progressRows;
}

/**
 * Waits until the portal accepted `total` updates more than `before`, or nothing more came for `quietMs` (an update
 * lost: the checks below then show it as missing), or `timeoutMs`.
 */
async function allAccepted(
  portal: RunningNationalPortalSimulator,
  before: number,
  total: number,
  what: string,
  timeoutMs: number,
  quietMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let lastChange = Date.now();
  while (accepted(portal) - before < total) {
    const now = accepted(portal);
    if (now !== last) [last, lastChange] = [now, Date.now()];
    if (Date.now() - lastChange > quietMs || Date.now() > deadline) {
      console.error(`${what}: ${now - before} of ${total} accepted, nothing more for ${quietMs / 1000} s`);
      return;
    }
    await sleep(100);
  }
}

async function portalDb<T>(suite: RunningSuite, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: suite.services['national-portal'].database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

interface Phase {
  readonly suite: RunningSuite;
  readonly pid: number;
}

async function withAdapter<T>(label: string, env: Record<string, string>, work: (phase: Phase) => Promise<T>): Promise<T> {
  const suite = await startSuite(label, env, ['national-portal']);
  try {
    return await work({ suite, pid: suite.services['national-portal'].process.pid! });
  } finally {
    await suite.stop();
  }
}

/** CPU seconds of the adapter, PostgreSQL, and this process (publisher + simulator), from a start. */
function cpuMeter(pid: number) {
  const pg = pidsOf('postgres');
  const start = { adapter: cpuSeconds([pid]), pg: cpuSeconds(pg), bench: process.cpuUsage() };
  return (updates: number) => {
    const b = process.cpuUsage(start.bench);
    const per = (s: number) => ((s * 1000) / updates).toFixed(2);
    return `${per(cpuSeconds([pid]) - start.adapter)} / ${per(cpuSeconds(pg) - start.pg)} / ${per((b.user + b.system) / 1e6)}`;
  };
}

const CPU_LABEL = 'CPU ms per update: adapter / PostgreSQL (all backends) / this process (publisher + simulator)';

function verdict(ok: boolean): string {
  return ok ? 'pass' : 'FAIL';
}

function checkRows(rows: Rows, tag: string, portal: RunningNationalPortalSimulator, published: Published): Acceptance[] {
  const { list, wrong, repeats, missing } = check(portal, published);
  rows.push([
    `${tag} dossiers / updates accepted / violations at the portal / dossiers out of order / with a repeat / with one missing`,
    `${published.size} / ${list.length} / ${portal.violations().length} / ${wrong.length}${wrong.length ? ` (${wrong.join('; ')})` : ''} / ${repeats} / ${missing}`,
  ]);
  return list;
}

function memory(rows: Rows, tag: string, pid: number): void {
  const { rss, peak } = rssMiB(pid);
  rows.push([`${tag} memory: national-portal resident after / peak (MiB)`, `${rss} / ${peak}`]);
}

export async function portalFigures(auth: ReturnType<typeof createTestAuth>, rows: Rows, o: PortalBenchOptions): Promise<void> {
  const portal = await startNationalPortalSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...auth.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    PORTAL_URL: portal.url,
    PORTAL_CLIENT_ID: CLIENT_ID,
    PORTAL_CLIENT_SECRET: CLIENT_SECRET,
    PORTAL_PULL_INTERVAL_MS: '0',
    ...o.env,
    ...extra,
  });
  const fmt = (n: number, digits = 0) => n.toFixed(digits);
  const settings = Object.entries(o.env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  try {
    // 1. throughput
    await withAdapter('bench-portal-throughput', env(), async ({ suite, pid }) => {
      const tag = '(q1)';
      const warm = await publishBurst(suite, 1, 200);
      await allAccepted(portal, 0, warm.size * UPDATES_PER_DOSSIER, 'the warm-up at the portal', 120_000);
      portal.reset();
      const cpu = cpuMeter(pid);
      const t0 = Date.now();
      const published = await publishBurst(suite, 2, o.dossiers);
      const publishedS = (Date.now() - t0) / 1000;
      const total = o.dossiers * UPDATES_PER_DOSSIER;
      await allAccepted(portal, 0, total, `${total} updates at the portal`, 1_800_000);
      const cpuFigures = cpu(total);
      await sleep(500);
      const list = checkRows(rows, tag, portal, published);
      const times = list.map((a) => a.at);
      const first = Math.min(...times);
      const last = Math.max(...times);
      const rate = list.length / ((last - t0) / 1000);
      rows.push(
        [`${tag} ${o.dossiers} dossiers × 4 events published in (s) → events/s`, `${fmt(publishedS, 1)} → ${fmt((o.dossiers * 4) / publishedS)}`],
        [
          `${tag} updates accepted by the portal/s: from the first publication / first to last acceptance (target ≥ ${TARGET_RATE})`,
          `${fmt(rate)} / ${fmt(list.length / ((last - first) / 1000))} → ${verdict(rate >= TARGET_RATE)}`,
        ],
        [
          `${tag} of which versions (DongBoHoSoMC) / progress rows per s`,
          `${fmt((rate * VERSIONS.length) / UPDATES_PER_DOSSIER)} / ${fmt((rate * ROWS) / UPDATES_PER_DOSSIER)}`,
        ],
        [`${tag} portal calls: ${Object.keys(portal.stats().calls).join(' / ')}`, Object.values(portal.stats().calls).join(' / ')],
        [`${tag} ${CPU_LABEL}`, cpuFigures],
      );
      memory(rows, tag, pid);
    });
    portal.reset();

    // 2. latency
    await withAdapter('bench-portal-latency', env(), async ({ suite, pid }) => {
      const tag = '(q2)';
      const warm = await publishOpenLoop(suite, 3, o.latencyRate, 2);
      await allAccepted(portal, 0, warm.size * UPDATES_PER_DOSSIER, 'the warm-up at the portal', 120_000);
      portal.reset();
      const cpu = cpuMeter(pid);
      const published = await publishOpenLoop(suite, 4, o.latencyRate, o.latencySeconds);
      const sentAt = Date.now();
      const total = published.size * UPDATES_PER_DOSSIER;
      await allAccepted(portal, 0, total, `${total} updates at the portal`, 600_000);
      const cpuFigures = cpu(total);
      const list = checkRows(rows, tag, portal, published);
      const latencies = (filter: (a: Acceptance) => boolean) =>
        list
          .filter(filter)
          .map((a) => a.at - published.get(a.code)![a.cause])
          .sort((a, b) => a - b);
      const all = latencies(() => true);
      const spread = (sorted: number[]) => [50, 95, 99, 100].map((p) => fmt(percentile(sorted, p))).join(' / ');
      // where the time goes: published → queued (the consumer's inbox transaction) and queued → accepted (the dispatcher)
      const queued = await portalDb<{ key: string; cause: string; at: Date; kind: string }>(
        suite,
        `SELECT dossier_key AS key, cause, kind, created_at AS at FROM portal_update`,
      );
      const causeIndex: Record<string, number> = { 'accepted#1': 0, 'task-created#1': 1, 'task-completed#2': 2, 'case-closed#3': 3 };
      const consumer = queued
        .filter((q) => published.has(q.key))
        .map((q) => q.at.getTime() - published.get(q.key)![causeIndex[q.cause]])
        .sort((a, b) => a - b);
      const p99 = percentile(all, 99);
      rows.push(
        [`${tag} open loop at ${o.latencyRate} events/s for ${o.latencySeconds} s (${o.latencyRate / 4} new dossiers/s)`, `${published.size * 4} events`],
        [
          `${tag} event published → portal's acceptance, every update: p50 / p95 / p99 / max (ms)`,
          `${spread(all)} → p99 ${verdict(p99 <= TARGET_P99_MS)} (≤ ${TARGET_P99_MS})`,
        ],
        [
          `${tag} the same, versions / progress rows: p99 (ms)`,
          `${fmt(
            percentile(
              latencies((a) => a.update < 4),
              99,
            ),
          )} / ${fmt(
            percentile(
              latencies((a) => a.update >= 4),
              99,
            ),
          )}`,
        ],
        [`${tag} of which published → queued (inbox transaction): p50 / p95 / p99 / max (ms)`, spread(consumer)],
        [`${tag} last acceptance after the last publication (s)`, fmt((Math.max(...list.map((a) => a.at)) - sentAt) / 1000, 2)],
        [`${tag} ${CPU_LABEL}`, cpuFigures],
      );
      memory(rows, tag, pid);
    });
    portal.reset();

    // 3. backlog: the portal down while the events are recorded, then back
    await withAdapter(
      'bench-portal-backlog',
      env({ PORTAL_CIRCUIT_OPEN_MS: '1000', PORTAL_CIRCUIT_MAX_OPEN_MS: '2000', PORTAL_RETRY_MAX_MS: '2000' }),
      async ({ suite, pid }) => {
        const tag = '(q3)';
        portal.control({ mode: 'down' });
        const downAt = Date.now();
        const published = await publishBurst(suite, 5, o.backlog);
        const total = o.backlog * UPDATES_PER_DOSSIER;
        await eventually(
          async () => (await portalDb<{ n: number }>(suite, `SELECT count(*)::int AS n FROM portal_update WHERE sent_at IS NULL`))[0].n >= total,
          `${total} updates queued`,
          1_800_000,
        );
        const queuedS = (Date.now() - downAt) / 1000;
        const cpu = cpuMeter(pid);
        const upAt = Date.now();
        portal.control({ mode: 'ok' });
        await allAccepted(portal, 0, total, `${total} updates at the portal`, 3_600_000);
        const cpuFigures = cpu(total);
        await sleep(1_000);
        const list = checkRows(rows, tag, portal, published);
        const times = list.map((a) => a.at);
        const first = Math.min(...times);
        const last = Math.max(...times);
        const [{ unsent }] = await portalDb<{ unsent: number }>(suite, `SELECT count(*)::int AS unsent FROM portal_update WHERE sent_at IS NULL`);
        rows.push(
          [
            `${tag} portal down: ${o.backlog} dossiers × 4 events published and ${total} updates queued after (s) → events/s`,
            `${fmt(queuedS, 1)} → ${fmt((o.backlog * 4) / queuedS)}`,
          ],
          [
            `${tag} portal back: first acceptance after (s); every update accepted after (s) → updates/s`,
            `${fmt((first - upAt) / 1000, 1)}; ${fmt((last - upAt) / 1000, 1)} → ${fmt(list.length / ((last - upAt) / 1000))}`,
          ],
          [
            `${tag} caught up in order, none twice, none left (1 h of ≈ 28 updates/s ≈ 100,000 updates)`,
            `${verdict(inOrder(portal, published) && unsent === 0)} (${unsent} unsent)`,
          ],
          [`${tag} ${CPU_LABEL}`, cpuFigures],
        );
        memory(rows, tag, pid);
      },
    );
    rows.push(['(q) adapter settings', settings || 'defaults']);
  } finally {
    await portal.close();
  }
}
