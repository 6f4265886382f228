/**
 * (d) Officers' work on a city-sized workflow database, workflow alone (`npm run bench -- --parts d`):
 *   1. the work-queue query (GET /api/v1/tasks) with 1,000,000 tasks and 5,000 officers in the database: the
 *      database of a fresh suite is filled with SQL (officers spread over the ward committees and divisions, busy
 *      agencies more staffed; one case per task; 80 % done over the past year, 10 % open and owned, 10 % open in
 *      the queues; busy agencies taking a Zipf-like share), vacuumed and analysed (this machine's PostgreSQL runs
 *      without autovacuum), then the calls are made one at a time over HTTP, the variants in turn, each by a random
 *      officer: the queue of a busy agency (first page, a later page via a cursor, due before a deadline), a
 *      head's owner=all, owner=me, status=done&owner=me, and a district leader's scope=subtree; p50 / p99 / max
 *      per variant;
 *   2. claim + forward: open, unowned step-1 tasks of birth registration (1.001193, version 1) inserted at a few
 *      ward committees, each with its own specialists; a closed loop of workers, each taking the next task, claims
 *      it and forwards it as an eligible specialist of the ward; pairs/s, latency per command, failures, CPU per
 *      pair, each workflow process's resident memory after the run and at its peak; then SQL checks that every task is done with exactly one next task (the leader's, at the same ward).
 *      With `--replicas N`, N workflow processes on the one database take the commands, the workers spread over
 *      them in turn (as behind a load balancer); their CPU is added up.
 * The service, PostgreSQL, RabbitMQ and this load generator share the machine's cores; the CPU each used per pair
 * is reported. The deadline watch is off (part e measures it).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { type Role, isRole } from '@motcua/auth';
import { encodeCursor } from '@motcua/persistence';
import { type TestAuth, startSuite } from '@motcua/testing';
import { cpuSeconds, percentile, pidsOf, rssMiB } from './load';

export interface TaskBenchSizes {
  tasks: number;
  officers: number;
  /** Calls measured per query variant (after 50 of each to warm up). */
  queries: number;
  /** Claim + forward pairs measured (after 1,000 to warm up). */
  pairs: number;
  workers: number;
  /** Workflow processes taking the commands (the workers spread over them in turn). */
  replicas: number;
}

const QUEUE_PAGE_MS = 20;
const WARDS = 8; // ward committees receiving the tasks of the command loop…
const SPECIALISTS = 8; // …each with its own specialists

/**
 * Bench officers `<agency>.<role>.<10+n>` (the demo staff are .1 and .2), placed in turn by a weight falling with
 * the agency's rank (rank^-0.35: 4 to 44 per agency); the roles of each kind of agency in a fixed rotation.
 */
const addOfficers = (count: number) => `
  CREATE TEMP TABLE bench_agency AS
  SELECT code, kind, level, area_code, row_number() OVER (ORDER BY md5(code)) AS rank
    FROM agency
   WHERE (kind = 'people_committee' AND level IN ('ward', 'district')) OR kind LIKE '%division' OR kind LIKE '%branch' OR kind LIKE 'department%';

  CREATE TEMP TABLE bench_officer AS
  WITH share AS (
    SELECT *, sum(rank ^ -0.35) OVER (ORDER BY rank) / sum(rank ^ -0.35) OVER () AS hi,
           coalesce(sum(rank ^ -0.35) OVER (ORDER BY rank ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(rank ^ -0.35) OVER () AS lo
      FROM bench_agency),
  placed AS (
    SELECT a.code, a.kind, a.level, k, row_number() OVER (PARTITION BY a.code ORDER BY k) - 1 AS j
      FROM generate_series(0, ${count} - 1) k JOIN share a ON (k + 0.5) / ${count} >= a.lo AND (k + 0.5) / ${count} < a.hi)
  SELECT code AS agency_code, k, role, code || '.' || role || '.' || (10 + j) AS id
    FROM placed, LATERAL (SELECT (CASE
      WHEN level = 'ward' THEN ARRAY['specialist', 'leader', 'specialist', 'returner', 'specialist', 'receiver', 'specialist', 'specialist', 'leader', 'specialist']
      WHEN kind = 'people_committee' THEN ARRAY['leader', 'returner', 'receiver', 'leader', 'returner', 'receiver', 'leader', 'returner', 'receiver', 'leader']
      WHEN kind LIKE 'department%' THEN ARRAY['specialist', 'division_head', 'leader', 'returner', 'specialist', 'specialist', 'division_head', 'specialist', 'receiver', 'specialist']
      ELSE ARRAY['specialist', 'division_head', 'specialist', 'specialist', 'specialist', 'specialist', 'division_head', 'specialist', 'specialist', 'specialist']
    END)[1 + j % 10] AS role) r;

  INSERT INTO officer (id, full_name) SELECT id, 'Cán bộ thử tải ' || k FROM bench_officer;
  INSERT INTO officer_role (officer_id, agency_code, role) SELECT id, agency_code, role FROM bench_officer`;

/**
 * One case per task, the case's current step. Each agency takes round(T × its share) tasks, its share falling
 * with its rank (rank^-0.7: the busiest ~4.6 %, the quietest ~0.04 %); each task goes to one of the agency's
 * staff (demo or bench) whose role has a step at the agency's level, and is a step of that role from the seeded
 * processes. 80 % done (created over the past year, completed within 3 days by that officer), 10 % open and owned
 * by them, 10 % open in the queue (open ones created in the past 60 days, most of them recently). Timestamps in
 * milliseconds, as the service writes them (a cursor carries milliseconds).
 */
const addTasks = (count: number) => `
  CREATE TEMP TABLE bench_step AS
  SELECT s ->> 'role' AS role, l.level, v.procedure_code, (s ->> 'number')::int AS step_number, s ->> 'name' AS step_name,
         row_number() OVER (PARTITION BY s ->> 'role', l.level ORDER BY v.procedure_code, s ->> 'number') - 1 AS n,
         count(*) OVER (PARTITION BY s ->> 'role', l.level) AS steps
    FROM process_version v CROSS JOIN jsonb_array_elements(v.steps) s CROSS JOIN (VALUES ('ward'), ('district'), ('city')) l (level)
   WHERE l.level = COALESCE(s -> 'agency' ->> 'level', CASE s -> 'agency' ->> 'kind' WHEN 'fixed' THEN 'city' ELSE l.level END);

  CREATE TEMP TABLE bench_staff AS
  SELECT r.agency_code, r.role, r.officer_id, row_number() OVER (PARTITION BY r.agency_code ORDER BY r.officer_id) - 1 AS n
    FROM officer_role r JOIN bench_agency a ON a.code = r.agency_code
   WHERE EXISTS (SELECT FROM bench_step s WHERE s.role = r.role AND s.level = a.level);

  CREATE TEMP TABLE bench_fill AS
  WITH share AS (
    SELECT a.code, a.level, a.area_code, s.staff,
           sum(a.rank ^ -0.7) OVER w / sum(a.rank ^ -0.7) OVER () AS hi,
           coalesce(sum(a.rank ^ -0.7) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(a.rank ^ -0.7) OVER () AS lo
      FROM bench_agency a JOIN (SELECT agency_code, count(*) AS staff FROM bench_staff GROUP BY 1) s ON s.agency_code = a.code
    WINDOW w AS (ORDER BY a.rank)),
  drawn AS (
    SELECT a.code AS agency_code, a.level, a.area_code, round(${count} * a.lo)::int + g AS i, floor(random() * a.staff)::int AS staff_pick,
           random() AS step_draw, random() AS state_draw, random() AS age_draw, random() AS span_draw
      FROM share a, generate_series(1, (round(${count} * a.hi) - round(${count} * a.lo))::int) g),
  staffed AS (
    SELECT d.*, st.role, st.officer_id, floor(d.step_draw * c.steps)::int AS step_pick
      FROM drawn d
      JOIN bench_staff st ON st.agency_code = d.agency_code AND st.n = d.staff_pick
      JOIN (SELECT DISTINCT role, level, steps FROM bench_step) c ON c.role = st.role AND c.level = d.level)
  SELECT gen_random_uuid() AS case_id, gen_random_uuid() AS task_id, f.agency_code, f.area_code, f.role, f.officer_id,
         s.procedure_code, s.step_number, s.step_name, f.state, f.span_draw,
         f.agency_code || '-' || to_char(f.created_at, 'YYMMDD') || '-B' || lpad(f.i::text, 7, '0') AS dossier_code, f.created_at
    FROM (SELECT *, CASE WHEN state_draw < 0.8 THEN 'done' WHEN state_draw < 0.9 THEN 'owned' ELSE 'queued' END AS state,
                 date_trunc('milliseconds', now() - CASE WHEN state_draw < 0.8 THEN interval '3 days' + age_draw * interval '362 days'
                                                         ELSE age_draw ^ 2 * interval '60 days' END) AS created_at
            FROM staffed) f
    JOIN bench_step s ON s.role = f.role AND s.level = f.level AND s.n = f.step_pick;

  INSERT INTO dossier_case (id, dossier_code, procedure_code, process_version, receiving_agency_code, applicant_area_code, coordinator_id,
                            current_step, status, event_sequence, received_at, opened_at, version, closed_at)
  SELECT case_id, dossier_code, procedure_code, 1, agency_code, area_code, agency_code || '.receiver.1', step_number,
         CASE state WHEN 'done' THEN 'closed' ELSE 'in_progress' END, 2 * step_number, created_at - interval '1 hour', created_at, 1,
         CASE state WHEN 'done' THEN date_trunc('milliseconds', created_at + span_draw * interval '3 days') END
    FROM bench_fill;

  INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, owner_id, status, created_at, version,
                    due_at, owned_at, completed_at, completed_by, outcome)
  SELECT task_id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role,
         CASE WHEN state <> 'queued' THEN officer_id END, CASE state WHEN 'done' THEN 'done' ELSE 'open' END, created_at,
         CASE state WHEN 'queued' THEN 1 WHEN 'owned' THEN 2 ELSE 3 END,
         date_trunc('milliseconds', created_at + interval '1 day' + span_draw * interval '9 days'),
         CASE WHEN state <> 'queued'
           THEN date_trunc('milliseconds', created_at + span_draw * CASE state WHEN 'done' THEN interval '1 day' ELSE now() - created_at END) END,
         CASE state WHEN 'done' THEN date_trunc('milliseconds', created_at + span_draw * interval '3 days') END,
         CASE state WHEN 'done' THEN officer_id END,
         CASE state WHEN 'done' THEN CASE role WHEN 'leader' THEN 'sign' WHEN 'division_head' THEN 'approve' WHEN 'returner' THEN 'hand_over' ELSE 'forward' END END
    FROM bench_fill`;

/** Open, unowned step-1 birth registrations at the given ward committees, in turn; with the specialists of each. */
const ADD_STEP_ONE_TASKS = `
  WITH w AS (SELECT code, area_code, row_number() OVER (ORDER BY code) - 1 AS n FROM agency WHERE code = ANY($1)),
  c AS (
    INSERT INTO dossier_case (id, dossier_code, procedure_code, process_version, receiving_agency_code, applicant_area_code, coordinator_id,
                              current_step, status, event_sequence, received_at, opened_at, version)
    SELECT gen_random_uuid(), w.code || '-' || to_char(now(), 'YYMMDD') || '-C' || lpad(g::text, 7, '0'), '1.001193', 1, w.code, w.area_code,
           w.code || '.receiver.1', 1, 'in_progress', 1, date_trunc('milliseconds', now()), date_trunc('milliseconds', now()), 1
      FROM generate_series(0, $2::int - 1) g JOIN w ON w.n = g % cardinality($1)
    RETURNING id, dossier_code, receiving_agency_code, opened_at)
  INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, status, created_at, version, due_at)
  SELECT gen_random_uuid(), c.id, c.dossier_code, '1.001193', 1, v.steps -> 0 ->> 'name', c.receiving_agency_code, 'specialist', 'open', c.opened_at, 1,
         c.opened_at + interval '1 day'
    FROM c, process_version v WHERE v.procedure_code = '1.001193' AND v.version = 1
  RETURNING id, agency_code AS "agencyCode"`;

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

interface Answer {
  status: number;
  body: any;
  ms: number;
}

/** One HTTP call on a kept-alive connection; the time is until the whole answer has arrived. */
function call(base: string, method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const url = new URL(base);
  const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ agent, host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const ms = performance.now() - started;
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: kept as text for the report
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, ms });
      });
    });
    req.on('error', (error) => resolve({ status: 0, body: String(error), ms: performance.now() - started }));
    req.end(payload);
  });
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const ms = (sorted: number[], p: number) => percentile(sorted, p).toFixed(1);

/** Tokens of officers as the staff tables know them: their roles and agencies. */
async function tokensOf(db: Client, auth: TestAuth, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; roles: string[]; agencies: string[] }>(
    `SELECT officer_id AS id, array_agg(DISTINCT role) AS roles, array_agg(DISTINCT agency_code) AS agencies
       FROM officer_role WHERE officer_id = ANY($1) GROUP BY officer_id`,
    [ids],
  );
  const tokens = await Promise.all(rows.map((o) => auth.token({ subject: o.id, roles: o.roles.filter(isRole) as Role[], agencies: o.agencies })));
  return new Map(rows.map((o, i) => [o.id, tokens[i]]));
}

/** 1. The work-queue query, one call at a time. */
async function queueQueries(db: Client, auth: TestAuth, base: string, sizes: TaskBenchSizes, rows: [string, string][]): Promise<void> {
  const busy = (
    await db.query<{ agency: string; queue: number }>(
      `SELECT agency_code AS agency, count(*)::int AS queue FROM task WHERE status = 'open' AND owner_id IS NULL
        GROUP BY agency_code ORDER BY count(*) DESC LIMIT 5`,
    )
  ).rows;
  const randomOfficers = async (sql: string) => (await db.query<{ id: string }>(sql)).rows.map((r) => r.id);
  const atBusy = await randomOfficers(
    `SELECT DISTINCT officer_id AS id FROM officer_role WHERE agency_code IN (${busy.map((b) => `'${b.agency}'`).join(', ')})`,
  );
  const owners = await randomOfficers(
    `SELECT owner_id AS id FROM task WHERE status = 'open' AND owner_id IS NOT NULL GROUP BY owner_id ORDER BY random() LIMIT 200`,
  );
  const completers = await randomOfficers(`SELECT completed_by AS id FROM task WHERE status = 'done' GROUP BY completed_by ORDER BY random() LIMIT 200`);
  const leaders = await randomOfficers(
    `SELECT r.officer_id AS id FROM officer_role r JOIN agency a ON a.code = r.agency_code
      WHERE r.role = 'leader' AND a.kind = 'people_committee' AND a.level = 'district' ORDER BY random() LIMIT 200`,
  );
  const heads = (
    await db.query<{ id: string; agency: string }>(
      `SELECT DISTINCT officer_id AS id, agency_code AS agency FROM officer_role
        WHERE agency_code = ANY($1) AND role IN ('head_of_desk', 'division_head', 'leader')`,
      [busy.map((b) => b.agency)],
    )
  ).rows;
  // a deadline that a tenth of each busy queue is due before: the page is found further down the queue's order
  const tenthDue = new Map(
    (
      await db.query<{ agency: string; due: Date }>(
        `SELECT agency_code AS agency, percentile_disc(0.1) WITHIN GROUP (ORDER BY due_at) AS due FROM task
          WHERE status = 'open' AND owner_id IS NULL AND agency_code = ANY($1) GROUP BY agency_code`,
        [busy.map((b) => b.agency)],
      )
    ).rows.map((r) => [r.agency, r.due.toISOString()]),
  );
  const tokens = await tokensOf(db, auth, [...atBusy, ...owners, ...completers, ...leaders, ...heads.map((h) => h.id)]);
  const agenciesOf = new Map<string, string[]>();
  for (const r of (
    await db.query<{ id: string; agency: string }>(`SELECT officer_id AS id, agency_code AS agency FROM officer_role WHERE officer_id = ANY($1)`, [atBusy])
  ).rows) {
    agenciesOf.set(r.id, [...(agenciesOf.get(r.id) ?? []), r.agency]);
  }
  // the keys of the busy queues, for cursors deep into them
  const keys = new Map<string, { createdAt: Date; id: string }[]>();
  for (const { agency } of busy) {
    const { rows: k } = await db.query<{ createdAt: Date; id: string }>(
      `SELECT created_at AS "createdAt", id FROM task WHERE status = 'open' AND owner_id IS NULL AND agency_code = $1 ORDER BY created_at, id`,
      [agency],
    );
    keys.set(agency, k);
  }
  const busyOfficer = () => {
    const id = pick(atBusy);
    return { id, agency: pick(agenciesOf.get(id)!.filter((a) => keys.has(a))) };
  };

  const variants: { name: string; next: () => { path: string; token: string } }[] = [
    {
      name: 'queue of a busy agency, first page',
      next: () => {
        const o = busyOfficer();
        return { path: `/api/v1/tasks?agency=${o.agency}&owner=none`, token: tokens.get(o.id)! };
      },
    },
    {
      name: 'queue of a busy agency, a later page (cursor)',
      next: () => {
        const o = busyOfficer();
        const queue = keys.get(o.agency)!;
        const cursor = encodeCursor(queue[20 + Math.floor(Math.random() * (queue.length - 40))]);
        return { path: `/api/v1/tasks?agency=${o.agency}&owner=none&cursor=${cursor}`, token: tokens.get(o.id)! };
      },
    },
    {
      name: 'queue of a busy agency, due before its tenth percentile',
      next: () => {
        const o = busyOfficer();
        return { path: `/api/v1/tasks?agency=${o.agency}&owner=none&dueBefore=${encodeURIComponent(tenthDue.get(o.agency)!)}`, token: tokens.get(o.id)! };
      },
    },
    {
      name: 'owner=all, a head of a busy agency',
      next: () => {
        const head = pick(heads);
        return { path: `/api/v1/tasks?agency=${head.agency}&owner=all`, token: tokens.get(head.id)! };
      },
    },
    { name: 'owner=me', next: () => ({ path: '/api/v1/tasks?owner=me', token: tokens.get(pick(owners))! }) },
    { name: 'status=done&owner=me', next: () => ({ path: '/api/v1/tasks?status=done&owner=me', token: tokens.get(pick(completers))! }) },
    { name: 'district leader, scope=subtree', next: () => ({ path: '/api/v1/tasks?scope=subtree', token: tokens.get(pick(leaders))! }) },
  ];

  const latencies = variants.map(() => [] as number[]);
  const items = variants.map(() => 0);
  let failed = 0;
  for (let i = 0; i < 50 + sizes.queries; i++) {
    for (const [v, variant] of variants.entries()) {
      const { path, token } = variant.next();
      const answer = await call(base, 'GET', path, token);
      if (answer.status !== 200) {
        failed++;
        if (failed <= 3) console.error(`GET ${path} → ${answer.status}`, answer.body);
        continue;
      }
      if (i < 50) continue; // warm-up
      latencies[v].push(answer.ms);
      items[v] += answer.body.items.length;
    }
  }

  const [counts] = (
    await db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM task) AS tasks, (SELECT count(*) FROM task WHERE status = 'open') AS open,
              (SELECT count(*) FROM task WHERE status = 'open' AND owner_id IS NULL) AS queued, (SELECT count(*) FROM dossier_case) AS cases,
              (SELECT count(*) FROM officer) AS officers, (SELECT count(*) FROM bench_officer) AS bench`,
    )
  ).rows;
  rows.push(
    [
      '(d1) database: tasks / open / open in queues / cases / officers (of them added by the bench)',
      `${counts.tasks} / ${counts.open} / ${counts.queued} / ${counts.cases} / ${counts.officers} (${counts.bench})`,
    ],
    ['(d1) the 5 busiest queues (open, unowned tasks)', busy.map((b) => `${b.agency} ${b.queue}`).join(', ')],
  );
  for (const [v, variant] of variants.entries()) {
    const sorted = latencies[v].sort((a, b) => a - b);
    const verdict = percentile(sorted, 99) <= QUEUE_PAGE_MS ? 'meets' : 'misses';
    rows.push([
      `(d1) GET /tasks ${variant.name}: p50 / p99 / max (ms), ${verdict} p99 ≤ ${QUEUE_PAGE_MS} ms; items per page`,
      `${ms(sorted, 50)} / ${ms(sorted, 99)} / ${ms(sorted, 100)}; ${(items[v] / Math.max(1, sorted.length)).toFixed(1)}`,
    ]);
  }
  rows.push(['(d1) calls measured per variant, one at a time (after 50 each to warm up) / non-200', `${sizes.queries} / ${failed}`]);
}

/** 2. Claim + forward, a closed loop of workers, each on its own task. */
async function claimAndForward(
  db: Client,
  auth: TestAuth,
  bases: readonly string[],
  pids: readonly number[],
  sizes: TaskBenchSizes,
  rows: [string, string][],
): Promise<void> {
  const wards = (
    await db.query<{ code: string }>(`SELECT code FROM agency WHERE kind = 'people_committee' AND level = 'ward' ORDER BY code LIMIT ${WARDS}`)
  ).rows.map((w) => w.code);
  const specialists = new Map(wards.map((ward) => [ward, Array.from({ length: SPECIALISTS }, (_, n) => `${ward}.specialist.${1000 + n}`)]));
  const ids = [...specialists.values()].flat();
  await db.query(`INSERT INTO officer (id, full_name) SELECT id, 'Chuyên viên thử tải' FROM unnest($1::text[]) id`, [ids]);
  await db.query(
    `INSERT INTO officer_role (officer_id, agency_code, role) SELECT id, split_part(id, '.specialist.', 1), 'specialist' FROM unnest($1::text[]) id`,
    [ids],
  );
  const tokens = await tokensOf(db, auth, ids);
  const warmUp = 1000;
  const created = (await db.query<{ id: string; agencyCode: string }>(ADD_STEP_ONE_TASKS, [wards, warmUp + sizes.pairs])).rows;
  const turn = new Map<string, number>();
  const tasks = created.map((t) => {
    const n = turn.get(t.agencyCode) ?? 0;
    turn.set(t.agencyCode, n + 1);
    return { id: t.id, officer: specialists.get(t.agencyCode)![n % SPECIALISTS] };
  });

  const claims: number[] = [];
  const forwards: number[] = [];
  const failures = new Map<string, number>();
  const fail = (what: string, answer: Answer) => {
    const key = `${what} ${answer.status} ${answer.body?.code ?? ''}`.trim();
    failures.set(key, (failures.get(key) ?? 0) + 1);
  };
  const loop = async (from: number, to: number, measured: boolean) => {
    let next = from;
    const worker = async (w: number) => {
      const base = bases[w % bases.length];
      for (let k = next++; k < to; k = next++) {
        const { id, officer } = tasks[k];
        const token = tokens.get(officer)!;
        const claimed = await call(base, 'POST', `/api/v1/tasks/${id}/claim`, token, { version: 1 });
        if (claimed.status !== 200) {
          fail('claim', claimed);
          continue;
        }
        const forwarded = await call(base, 'POST', `/api/v1/tasks/${id}/actions`, token, { version: claimed.body.version, action: 'forward' });
        if (forwarded.status !== 200) fail('forward', forwarded);
        if (measured) {
          claims.push(claimed.ms);
          forwards.push(forwarded.ms);
        }
      }
    };
    await Promise.all(Array.from({ length: sizes.workers }, (_, w) => worker(w)));
  };

  await loop(0, warmUp, false);
  const groups = { workflow: [...pids], PostgreSQL: pidsOf('postgres'), RabbitMQ: pidsOf('beam.smp'), 'this load generator': [process.pid] };
  const cpuBefore = Object.values(groups).map(cpuSeconds);
  const started = performance.now();
  await loop(warmUp, tasks.length, true);
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = Object.values(groups).map((pids, i) => (((cpuSeconds(pids) - cpuBefore[i]) * 1000) / sizes.pairs).toFixed(2));

  const [check] = (
    await db.query<{ tasks: number; done: number; oneNext: number }>(
      `SELECT count(*)::int AS tasks,
              count(*) FILTER (WHERE t.status = 'done' AND t.outcome = 'forward' AND t.completed_by = t.owner_id)::int AS done,
              count(*) FILTER (WHERE n.others = 1 AND n.next = 1)::int AS "oneNext"
         FROM task t
        CROSS JOIN LATERAL (
          SELECT count(*) AS others,
                 count(*) FILTER (WHERE o.step_number = 2 AND o.status = 'open' AND o.owner_id IS NULL AND o.role = 'leader' AND o.agency_code = t.agency_code) AS next
            FROM task o WHERE o.case_id = t.case_id AND o.id <> t.id) n
        WHERE t.id = ANY($1::uuid[])`,
      [tasks.map((t) => t.id)],
    )
  ).rows;
  claims.sort((a, b) => a - b);
  forwards.sort((a, b) => a - b);
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  rows.push(
    [
      `(d2) claim + forward, ${sizes.workers} workers on ${sizes.replicas} workflow process${sizes.replicas > 1 ? 'es' : ''}, ${WARDS} wards × ${SPECIALISTS} specialists: pairs measured / pairs/s / commands/s`,
      `${sizes.pairs} / ${(sizes.pairs / seconds).toFixed(0)} / ${((2 * sizes.pairs) / seconds).toFixed(0)}`,
    ],
    ['(d2) claim latency p50 / p99 / max (ms)', `${ms(claims, 50)} / ${ms(claims, 99)} / ${ms(claims, 100)}`],
    ['(d2) forward latency p50 / p99 / max (ms)', `${ms(forwards, 50)} / ${ms(forwards, 99)} / ${ms(forwards, 100)}`],
    ['(d2) failures (non-2xx or no answer), warm-up included', failed === 0 ? '0' : [...failures].map(([k, n]) => `${k}: ${n}`).join(', ')],
    [`(d2) CPU ms per pair: ${Object.keys(groups).join(' / ')} (all their processes)`, cpuMs.join(' / ')],
    ['(d2) memory: each workflow process resident after the run / its peak (MiB)', pids.map((pid) => Object.values(rssMiB(pid)).join(' / ')).join(', ')],
    [
      '(d2) afterwards in SQL: tasks (warm-up included) / done by their owner / with exactly one next task (open, leader, same ward)',
      `${check.tasks} / ${check.done} / ${check.oneNext}`,
    ],
  );
}

export async function taskFigures(auth: TestAuth, rows: [string, string][], sizes: TaskBenchSizes): Promise<void> {
  // The deadline watch is off: its first sweep would mark the filled year's due and overdue tasks (some 20,000
  // on 200,000 tasks) in the middle of the measured loop, a backlog a live service never has. Part e measures it.
  const suite = await startSuite('bench-tasks', { ...auth.env, WATCH_INTERVAL_MS: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' }, ['workflow']);
  const db = new Client({ connectionString: suite.services.workflow.database.url });
  try {
    await db.connect();
    let started = performance.now();
    await db.query(addOfficers(sizes.officers)); // statements in one string, integers in the text: the simple protocol
    await db.query(addTasks(sizes.tasks));
    const filled = (performance.now() - started) / 1000;
    started = performance.now();
    await db.query('VACUUM (ANALYZE) task, dossier_case, officer, officer_role');
    rows.push(['(d) fill with SQL / VACUUM (ANALYZE) (s)', `${filled.toFixed(0)} / ${((performance.now() - started) / 1000).toFixed(0)}`]);
    await queueQueries(db, auth, suite.url('workflow'), sizes, rows);
    const replicas = [{ url: suite.url('workflow'), process: suite.services.workflow.process }];
    while (replicas.length < sizes.replicas) replicas.push(await suite.startReplica('workflow'));
    await claimAndForward(
      db,
      auth,
      replicas.map((r) => r.url),
      replicas.map((r) => r.process.pid!),
      sizes,
      rows,
    );
  } finally {
    await db.end();
    agent.destroy();
    await suite.stop();
  }
}
