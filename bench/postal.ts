/**
 * (p) Postal-delivery's carrier orders and callbacks, against the carrier simulator run inside this process
 * (simulators/postal-carrier: real HTTP over loopback, so its work shares the machine's two cores with postal, as a
 * load generator's does). Postal runs alone on a fresh database: workflow fills its catalogue replica and is then
 * stopped, as in apps/postal-delivery/test/shipments.int-spec.ts; this process plays intake and workflow by
 * publishing their events straight to the exchange through one AMQP channel.
 *
 *   1. orders: `shipments` dossiers accepted for return by post (14 ward desks, each dossier's address in its desk's
 *      ward) and left to settle; then the result of each is signed (`workflow.task.completed`, action sign): from the
 *      first of those publications until every shipment has its waybill (state created), carrier orders/s. The
 *      phases apart from postal's own timestamps (carrier_request.created_at: the consumer's transaction, the
 *      shipment's event time being the signing's; carrier_request.done_at: the dispatcher through the outbox of
 *      carrier calls). The simulator posts no callbacks in this phase.
 *   2. callbacks: for each shipment the carrier's PICKED_UP, IN_TRANSIT and DELIVERED (the simulator's own events,
 *      recorded by it without posting), each posted signed twice, the two copies together (as the carrier's `twice`
 *      mode does), statuses in rounds over all shipments, by `connections` kept-alive connections: callbacks/s.
 * After each, what was checked (one order per dossier at the carrier, each event once, one delivered announcement
 * per shipment), the CPU per order or callback of postal, PostgreSQL and this process (publisher, simulator, load),
 * and postal's resident memory.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { NationalStatus, ReturnMethod, TaskCompleted, type DossierAccepted, event } from '@motcua/contracts';
import { signatureOf } from '@motcua/http';
import { type RunningSuite, aDossierAccepted, type createTestAuth, eventually, startSuite, withEventPublisher } from '@motcua/testing';
import { type RunningPostalCarrierSimulator, startPostalCarrierSimulator } from '../simulators/postal-carrier/postal-carrier-simulator';
import { cpuSeconds, percentile, pidsOf, rssMiB } from './load';

export interface PostalBenchOptions {
  readonly shipments: number;
  readonly connections: number;
}

type Rows = [string, string][];

const TOKEN = 'bench-carrier-token';
const SECRET = 'bench-carrier-callback-secret';
const ORDERS_TARGET = 300;
const CALLBACKS_TARGET = 1_000;
const WARM_UP = 300;
// the Ba Đình ward desks of the seed catalogue (as bench/run.ts): each result goes from a desk to its own ward
const WARDS = ['00001', '00004', '00006', '00007', '00008', '00010', '00013', '00016', '00019', '00022', '00025', '00028', '00031', '00034'];
const deskOf = (ward: string) => `${ward.slice(2)}.01.20.H26`;

function acceptedByPost(i: number): DossierAccepted {
  const ward = WARDS[i % WARDS.length];
  return aDossierAccepted({
    receivingAgencyCode: deskOf(ward),
    returnMethod: ReturnMethod.Post,
    deliveryAddress: { recipient: `Đỗ Quang Huy ${i}`, phone: '0987654321', street: `Số ${i % 200} ngõ 12 phố Đội Cấn`, wardCode: ward },
    applicant: { wardCode: ward },
  });
}

function signed(accepted: DossierAccepted): object {
  return event(TaskCompleted, {
    dossierCode: accepted.dossierCode,
    nationalStatus: NationalStatus.Processed,
    sequence: 7,
    occurredAt: new Date().toISOString(),
    taskId: randomUUID(),
    stepNumber: 2,
    stepName: 'Lãnh đạo Ủy ban nhân dân cấp xã ký giấy khai sinh',
    agencyCode: accepted.receivingAgencyCode,
    action: 'sign',
    actorId: 'lanh-dao-phuong',
    note: null,
    coordinatorId: accepted.coordinatorId,
  });
}

async function query<T>(suite: RunningSuite, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: suite.services['postal-delivery'].database.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const countOf = async (suite: RunningSuite, sql: string, params: unknown[] = []) => (await query<{ n: number }>(suite, sql, params))[0].n;

/** Publishes the events as fast as one channel takes them. */
async function publishAll(suite: RunningSuite, events: object[]): Promise<void> {
  await withEventPublisher(suite.prefix, async (publish) => {
    for (let i = 0; i < events.length; i++) {
      publish(events[i]);
      if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve)); // let the socket drain
    }
  });
}

/** Every one of `codes` with a shipment in `state` (or the time-out). */
function allInState(suite: RunningSuite, codes: string[], state: string, timeoutMs: number): Promise<true> {
  return eventually(
    async () =>
      (await countOf(suite, `SELECT count(*)::int AS n FROM shipment WHERE direction = 'outgoing' AND state = $1 AND dossier_code = ANY($2)`, [
        state,
        codes,
      ])) >= codes.length || undefined,
    `${codes.length} shipments ${state}`,
    timeoutMs,
  );
}

/** Accepts then signs the dossiers; resolves once all have their waybill. */
async function acceptAndSettle(suite: RunningSuite, dossiers: DossierAccepted[]): Promise<void> {
  await publishAll(suite, dossiers);
  const codes = dossiers.map((d) => d.dossierCode);
  await eventually(
    async () => (await countOf(suite, `SELECT count(*)::int AS n FROM result_delivery WHERE dossier_code = ANY($1)`, [codes])) >= codes.length || undefined,
    `${codes.length} result deliveries planned`,
    300_000,
  );
}

interface Callback {
  readonly body: string;
  readonly signature: string;
}

interface CallbackRun {
  readonly elapsedMs: number;
  readonly latencies: number[];
  readonly outcomes: Record<string, number>;
}

/** Posts every callback once, `connections` at a time over kept-alive sockets, in list order. */
async function postCallbacks(url: string, callbacks: Callback[], connections: number): Promise<CallbackRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  const tally = (key: string) => (outcomes[key] = (outcomes[key] ?? 0) + 1);
  let next = 0;
  const one = (callback: Callback) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(callback.body), 'x-signature': callback.signature },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if (res.statusCode === 200) tally((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { outcome: string }).outcome);
            else tally(`HTTP ${res.statusCode}`);
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        tally(`error ${error.message}`);
        resolve();
      });
      req.end(callback.body);
    });
  const worker = async () => {
    while (next < callbacks.length) await one(callbacks[next++]);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsedMs = performance.now() - t0;
  agent.destroy();
  return { elapsedMs, latencies: latencies.sort((a, b) => a - b), outcomes };
}

/** Each shipment's PICKED_UP, IN_TRANSIT, DELIVERED as the simulator records them; each twice, copies together, in rounds by status. */
function carrierCallbacks(carrier: RunningPostalCarrierSimulator, waybills: string[]): Callback[] {
  const rounds: Callback[][] = [[], [], []];
  for (const waybill of waybills) {
    (['PICKED_UP', 'IN_TRANSIT', 'DELIVERED'] as const).forEach((status, round) => {
      const body = JSON.stringify(carrier.advance(waybill, { status, ...(status === 'DELIVERED' ? { receiverName: 'Đỗ Quang Huy' } : {}) }));
      const callback = { body, signature: signatureOf(SECRET, body) };
      rounds[round].push(callback, callback);
    });
  }
  return rounds.flat();
}

/** CPU seconds so far: postal, PostgreSQL (every backend), this process (publisher, simulator, load generator). */
function cpuNow(postalPid: number): { postal: number; postgres: number; bench: number } {
  const own = process.cpuUsage();
  return { postal: cpuSeconds([postalPid]), postgres: cpuSeconds(pidsOf('postgres')), bench: (own.user + own.system) / 1e6 };
}

const cpuPer = (before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>, count: number) =>
  (['postal', 'postgres', 'bench'] as const).map((k) => (((after[k] - before[k]) * 1000) / count).toFixed(2)).join(' / ');

const passFail = (value: number, target: number) => `${value >= target ? 'pass' : 'FAIL'} (target ≥ ${target})`;

export async function postalFigures(auth: ReturnType<typeof createTestAuth>, rows: Rows, o: PostalBenchOptions): Promise<void> {
  const carrier = await startPostalCarrierSimulator({ token: TOKEN, callbackSecret: SECRET });
  const fmt = (n: number, digits = 0) => n.toFixed(digits);
  try {
    const suite = await startSuite(
      'bench-postal',
      {
        ...auth.env,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        CARRIER_URL: carrier.url,
        CARRIER_TOKEN: TOKEN,
        CARRIER_CALLBACK_SECRET: SECRET,
        // to profile the services, e.g. BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" (written when postal stops)
        ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      },
      ['workflow', 'postal-delivery'],
    );
    try {
      await suite.crash('workflow'); // it filled postal's catalogue replica: postal is measured alone
      const pid = suite.services['postal-delivery'].process.pid!;
      const callbackUrl = `${suite.url('postal-delivery')}/api/v1/carrier/callbacks`;
      const atStart = rssMiB(pid);

      // warm-up, not measured: JIT, pools, prepared statements, the carrier's sockets
      const warm = Array.from({ length: WARM_UP }, (_, i) => acceptedByPost(i));
      await acceptAndSettle(suite, warm);
      await publishAll(suite, warm.map(signed));
      await allInState(
        suite,
        warm.map((d) => d.dossierCode),
        'created',
        120_000,
      );
      const warmWaybills = (
        await query<{ waybill: string }>(suite, `SELECT waybill FROM shipment WHERE dossier_code = ANY($1)`, [warm.map((d) => d.dossierCode)])
      ).map((r) => r.waybill);
      await postCallbacks(callbackUrl, carrierCallbacks(carrier, warmWaybills), o.connections);

      // 1. orders
      const n = o.shipments;
      const dossiers = Array.from({ length: n }, (_, i) => acceptedByPost(WARM_UP + i));
      const codes = dossiers.map((d) => d.dossierCode);
      const acceptedAt = Date.now();
      await acceptAndSettle(suite, dossiers);
      const acceptedS = (Date.now() - acceptedAt) / 1000;
      const signs = dossiers.map(signed);
      const cpu1 = cpuNow(pid);
      const t0 = Date.now();
      await publishAll(suite, signs);
      const publishedMs = Date.now() - t0;
      await allInState(suite, codes, 'created', 900_000);
      const seenMs = Date.now() - t0;
      const cpu1After = cpuNow(pid);
      const [times] = await query<{ shipFirst: Date; shipLast: Date; doneFirst: Date; doneLast: Date; createdLast: Date }>(
        suite,
        `SELECT min(r.created_at) AS "shipFirst", max(r.created_at) AS "shipLast", min(r.done_at) AS "doneFirst", max(r.done_at) AS "doneLast",
                max(s.state_changed_at) AS "createdLast"
           FROM shipment s JOIN carrier_request r ON r.shipment_id = s.id AND r.kind = 'create' WHERE s.dossier_code = ANY($1)`,
        [codes],
      );
      const at = (d: Date) => d.getTime() - t0;
      const lastWaybillMs = Math.max(at(times.createdLast), at(times.doneLast));
      const ordersPerS = n / (lastWaybillMs / 1000);
      const [check] = await query<{ shipments: number; waybills: number; attempts: number; retried: number }>(
        suite,
        `SELECT count(DISTINCT s.id)::int AS shipments, count(DISTINCT s.waybill)::int AS waybills, COALESCE(sum(r.attempts), 0)::int AS attempts,
                count(*) FILTER (WHERE r.attempts > 1)::int AS retried
           FROM shipment s JOIN carrier_request r ON r.shipment_id = s.id AND r.kind = 'create' WHERE s.dossier_code = ANY($1)`,
        [codes],
      );
      const mine = new Set(codes);
      const atCarrier = carrier.orders().filter((order) => mine.has(order.OrderNumber));
      const repeatsAtCarrier = atCarrier.reduce((sum, order) => sum + order.duplicates, 0);
      rows.push(
        [`(p1) ${n} dossiers accepted for return by post, planned after (s)`, fmt(acceptedS, 1)],
        [
          `(p1) ${n} results signed: published in (s); every shipment with its waybill after (s, postal's clock / seen by polling)`,
          `${fmt(publishedMs / 1000, 1)}; ${fmt(lastWaybillMs / 1000, 1)} / ${fmt(seenMs / 1000, 1)}`,
        ],
        [
          `(p1) carrier orders created through the outbox /s (first sign published → last waybill)`,
          `${fmt(ordersPerS)} ${passFail(ordersPerS, ORDERS_TARGET)}`,
        ],
        [
          `(p1) consumer: shipments (state ordering) recorded first → last after the first publication (s) → /s`,
          `${fmt(at(times.shipFirst) / 1000, 1)} → ${fmt(at(times.shipLast) / 1000, 1)} → ${fmt(n / (at(times.shipLast) / 1000))}`,
        ],
        [
          `(p1) dispatcher: carrier calls done first → last (s) → /s; last done after the last shipment recorded (s)`,
          `${fmt(at(times.doneFirst) / 1000, 1)} → ${fmt(at(times.doneLast) / 1000, 1)} → ${fmt(n / ((times.doneLast.getTime() - times.doneFirst.getTime()) / 1000))}; ${fmt((times.doneLast.getTime() - times.shipLast.getTime()) / 1000, 1)}`,
        ],
        [
          `(p1) shipments / distinct waybills / orders at the carrier / repeated OrderNumbers there / calls made (retried)`,
          `${check.shipments} / ${check.waybills} / ${atCarrier.length} / ${repeatsAtCarrier} / ${check.attempts} (${check.retried})`,
        ],
        [`(p1) CPU ms per order: postal / PostgreSQL / this process (publisher + simulator)`, cpuPer(cpu1, cpu1After, n)],
      );
      const afterOrders = rssMiB(pid);
      rows.push([`(p1) memory: postal-delivery resident after / peak (MiB)`, `${afterOrders.rss} / ${afterOrders.peak}`]);

      // 2. callbacks
      const waybills = (await query<{ waybill: string }>(suite, `SELECT waybill FROM shipment WHERE dossier_code = ANY($1)`, [codes])).map((r) => r.waybill);
      const callbacks = carrierCallbacks(carrier, waybills);
      const cpu2 = cpuNow(pid);
      const run = await postCallbacks(callbackUrl, callbacks, o.connections);
      const cpu2After = cpuNow(pid);
      const callbacksPerS = callbacks.length / (run.elapsedMs / 1000);
      const spread = [50, 90, 99, 100].map((p) => fmt(percentile(run.latencies, p))).join(' / ');
      const [after] = await query<{ delivered: number; events: number; distinctEvents: number; announcements: number; announced: number }>(
        suite,
        `SELECT (SELECT count(*)::int FROM shipment WHERE dossier_code = ANY($1) AND state = 'delivered') AS delivered,
                (SELECT count(*)::int FROM shipment_event e JOIN shipment s ON s.id = e.shipment_id
                  WHERE s.dossier_code = ANY($1) AND e.carrier_status IN ('PICKED_UP', 'IN_TRANSIT', 'DELIVERED')) AS events,
                (SELECT count(DISTINCT e.carrier_event_id)::int FROM shipment_event e JOIN shipment s ON s.id = e.shipment_id
                  WHERE s.dossier_code = ANY($1) AND e.carrier_status IN ('PICKED_UP', 'IN_TRANSIT', 'DELIVERED')) AS "distinctEvents",
                (SELECT count(*)::int FROM outbox_message WHERE type = 'postal.shipment.delivered' AND payload->>'dossierCode' = ANY($1)) AS announcements,
                (SELECT count(DISTINCT payload->>'shipmentId')::int FROM outbox_message
                  WHERE type = 'postal.shipment.delivered' AND payload->>'dossierCode' = ANY($1)) AS announced`,
        [codes],
      );
      rows.push(
        [
          `(p2) ${callbacks.length} signed callbacks (${n} shipments × PICKED_UP, IN_TRANSIT, DELIVERED × 2) by ${o.connections} connections: in (s)`,
          fmt(run.elapsedMs / 1000, 1),
        ],
        [`(p2) callbacks applied idempotently /s`, `${fmt(callbacksPerS)} ${passFail(callbacksPerS, CALLBACKS_TARGET)}`],
        [`(p2) callback latency p50 / p90 / p99 / max (ms)`, spread],
        [`(p2) answers`, JSON.stringify(run.outcomes)],
        [
          `(p2) shipments delivered / carrier events recorded (distinct EventIds) / postal.shipment.delivered outbox rows (distinct shipments)`,
          `${after.delivered} of ${n} / ${after.events} (${after.distinctEvents}) of ${3 * n} / ${after.announcements} (${after.announced}) of ${n}`,
        ],
        [`(p2) CPU ms per callback: postal / PostgreSQL / this process (load generator)`, cpuPer(cpu2, cpu2After, callbacks.length)],
      );
      const { rss, peak } = rssMiB(pid);
      rows.push([`(p) memory: postal-delivery resident at start (catalogue replica loaded) / after / peak (MiB)`, `${atStart.rss} / ${rss} / ${peak}`]);
    } finally {
      await suite.stop();
    }
  } finally {
    await carrier.close();
  }
}
