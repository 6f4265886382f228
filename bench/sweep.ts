/**
 * (e) The deadline watch's sweep over a city's open work, workflow alone (`npm run bench -- --parts e`): issue
 * "the due-soon / overdue sweep over 1,000,000 open tasks ≤ 2 s".
 *   1. A suite with workflow only and its own watch off (WATCH_INTERVAL_MS=0); its database filled with SQL:
 *      1,000,000 running cases, each with one open task (agencies taking a Zipf-like share as in part d, steps of
 *      the seeded processes at the agency's level, half of the tasks owned by the agency's demo officer of the
 *      step's role). A task's deadline is uniform over [now − 20 days, now + 40 days], its case's appointment
 *      1 to 5 days later. The state a watch running every minute leaves: as if it last swept 2 minutes ago, at L —
 *      told overdue (and due soon) where the deadline ≤ L, told due soon where the deadline ≤ L + the due-soon
 *      window (working hours, the app's own calendar); the same for the cases' appointments. Vacuumed, analysed.
 *   2. The real DeadlineWatch, in this process (`createService` with workflow's module on the suite's database and
 *      topology, not listening): `sweep()` timed with performance.now():
 *        (a) steady state: the markers brought to "last swept 2 minutes ago" just before, then 5 sweeps in a row
 *            (the first tells what crossed in those minutes; the later ones find what crossed since: next to nothing);
 *        (b) a backlog: the markers brought to "last swept 1 hour ago", then one sweep;
 *        (a′, b′) when the bench runs outside office hours (nothing enters the due-soon window then), the same at an
 *            instant inside them (`sweep(at)`, at = now + 2.5 working hours), so the due-soon path is measured too;
 *      and what the sweeps wrote: outbox rows (workflow.deadline.*) and task events.
 * The marker timestamps are plausible, not exact: the sweep only asks whether they are null.
 * The service, PostgreSQL, RabbitMQ and this process share the machine's cores.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { createService } from '@motcua/bootstrap';
import { readEnvironment } from '@motcua/config';
import { type TestAuth, startSuite } from '@motcua/testing';
import { AppModule, SERVICE } from '../apps/workflow/src/app.module';
import { Calendars } from '../apps/workflow/src/calendar/calendars';
import { entities, migrations } from '../apps/workflow/src/database';
import { DeadlineWatch, type SweepResult, WatchEnvironment } from '../apps/workflow/src/watch/deadline-watch';

export interface SweepBenchSizes {
  /** Running cases, each with one open task. */
  tasks: number;
}

const SWEEP_MS = 2_000;
const STEADY_SWEEPS = 5;
const MINUTE_MS = 60_000;

/** A timestamp literal for SQL sent with the simple protocol. */
const ts = (at: Date) => `'${at.toISOString()}'::timestamptz`;

/**
 * Running cases with one open task each, told as of a sweep at `told` (`soon`: the end of the due-soon window
 * then). Agencies as part d ranks them (md5 of the code), each taking round(T × its share), the share falling
 * with rank^-0.7; a step drawn among the seeded processes' steps at the agency's level.
 */
const addOpenWork = (count: number, anchor: Date, told: Date, soon: Date) => `
  CREATE TEMP TABLE sweep_agency AS
  SELECT code, level, area_code, row_number() OVER (ORDER BY md5(code)) AS rank
    FROM agency
   WHERE (kind = 'people_committee' AND level IN ('ward', 'district')) OR kind LIKE '%division' OR kind LIKE '%branch' OR kind LIKE 'department%';

  CREATE TEMP TABLE sweep_step AS
  SELECT s ->> 'role' AS role, l.level, v.procedure_code, v.version, (s ->> 'number')::int AS step_number, s ->> 'name' AS step_name,
         row_number() OVER (PARTITION BY l.level ORDER BY v.procedure_code, v.version, (s ->> 'number')::int) - 1 AS n,
         count(*) OVER (PARTITION BY l.level) AS steps
    FROM process_version v CROSS JOIN jsonb_array_elements(v.steps) s CROSS JOIN (VALUES ('ward'), ('district'), ('city')) l (level)
   WHERE l.level = COALESCE(s -> 'agency' ->> 'level', CASE s -> 'agency' ->> 'kind' WHEN 'fixed' THEN 'city' ELSE l.level END);

  CREATE TEMP TABLE sweep_staff AS
  SELECT DISTINCT ON (agency_code, role) agency_code, role, officer_id FROM officer_role ORDER BY agency_code, role, officer_id;

  CREATE TEMP TABLE sweep_fill AS
  WITH share AS (
    SELECT a.code, a.level, a.area_code,
           sum(a.rank ^ -0.7) OVER w / sum(a.rank ^ -0.7) OVER () AS hi,
           coalesce(sum(a.rank ^ -0.7) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(a.rank ^ -0.7) OVER () AS lo
      FROM sweep_agency a
     WHERE a.level IN (SELECT level FROM sweep_step)
    WINDOW w AS (ORDER BY a.rank)),
  drawn AS (
    SELECT a.code AS agency_code, a.level, a.area_code, round(${count} * a.lo)::int + g AS i,
           random() AS step_draw, random() AS due_draw, random() AS age_draw, random() AS slack_draw, random() AS owner_draw
      FROM share a, generate_series(1, (round(${count} * a.hi) - round(${count} * a.lo))::int) g),
  picked AS (
    SELECT d.*, floor(d.step_draw * c.steps)::int AS step_pick,
           date_trunc('milliseconds', ${ts(anchor)} - interval '20 days' + d.due_draw * interval '60 days') AS due_at
      FROM drawn d JOIN (SELECT DISTINCT level, steps FROM sweep_step) c ON c.level = d.level),
  dated AS (
    SELECT p.*, date_trunc('milliseconds', least(p.due_at - interval '1 day' - p.age_draw * interval '4 days',
                                                 ${ts(anchor)} - p.age_draw * interval '2 days')) AS created_at,
           date_trunc('milliseconds', p.due_at + interval '1 day' + p.slack_draw * interval '4 days') AS appointment_at
      FROM picked p)
  SELECT gen_random_uuid() AS case_id, gen_random_uuid() AS task_id, f.agency_code, f.area_code, s.role, s.procedure_code, s.version,
         s.step_number, s.step_name, CASE WHEN f.owner_draw < 0.5 THEN st.officer_id END AS owner_id, f.slack_draw,
         f.agency_code || '-' || to_char(f.created_at, 'YYMMDD') || '-W' || lpad(f.i::text, 7, '0') AS dossier_code,
         f.created_at, f.due_at, f.appointment_at
    FROM dated f
    JOIN sweep_step s ON s.level = f.level AND s.n = f.step_pick
    LEFT JOIN sweep_staff st ON st.agency_code = f.agency_code AND st.role = s.role;

  INSERT INTO dossier_case (id, dossier_code, procedure_code, process_version, receiving_agency_code, applicant_area_code, coordinator_id,
                            current_step, status, event_sequence, received_at, opened_at, version, appointment_at, original_appointment_at,
                            due_soon_told_at, overdue_told_at)
  SELECT case_id, dossier_code, procedure_code, version, agency_code, area_code, agency_code || '.receiver.1', step_number, 'in_progress',
         2 * step_number, created_at - interval '1 hour', created_at - interval '1 hour', 1, appointment_at, appointment_at,
         CASE WHEN appointment_at <= ${ts(soon)} THEN least(appointment_at - interval '4 hours', ${ts(told)}) END,
         CASE WHEN appointment_at <= ${ts(told)} THEN least(appointment_at + slack_draw * interval '1 minute', ${ts(told)}) END
    FROM sweep_fill;

  INSERT INTO task (id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, owner_id, owned_at, status, created_at,
                    version, due_at, due_soon_told_at, overdue_told_at)
  SELECT task_id, case_id, dossier_code, procedure_code, step_number, step_name, agency_code, role, owner_id,
         CASE WHEN owner_id IS NOT NULL THEN created_at + interval '10 minutes' END, 'open', created_at,
         CASE WHEN owner_id IS NOT NULL THEN 2 ELSE 1 END, due_at,
         CASE WHEN due_at <= ${ts(soon)} THEN least(due_at - interval '4 hours', ${ts(told)}) END,
         CASE WHEN due_at <= ${ts(told)} THEN least(due_at + slack_draw * interval '1 minute', ${ts(told)}) END
    FROM sweep_fill`;

/**
 * The markers as a watch leaves them when it last swept at `told` (`soon`: the end of its due-soon window then):
 * what is past `told` (or beyond `soon`) made untold, what is not yet told up to them told.
 */
const tellAsOf = (told: Date, soon: Date) => `
  UPDATE task SET overdue_told_at = NULL WHERE status = 'open' AND overdue_told_at IS NOT NULL AND due_at > ${ts(told)};
  UPDATE task SET due_soon_told_at = NULL
   WHERE status = 'open' AND overdue_told_at IS NULL AND due_soon_told_at IS NOT NULL AND due_at > ${ts(soon)};
  UPDATE task SET overdue_told_at = ${ts(told)}, due_soon_told_at = coalesce(due_soon_told_at, ${ts(told)})
   WHERE status = 'open' AND overdue_told_at IS NULL AND due_at <= ${ts(told)};
  UPDATE task SET due_soon_told_at = ${ts(told)}
   WHERE status = 'open' AND overdue_told_at IS NULL AND due_soon_told_at IS NULL AND due_at <= ${ts(soon)};
  UPDATE dossier_case SET overdue_told_at = NULL WHERE status = 'in_progress' AND overdue_told_at IS NOT NULL AND appointment_at > ${ts(told)};
  UPDATE dossier_case SET due_soon_told_at = NULL
   WHERE status = 'in_progress' AND overdue_told_at IS NULL AND due_soon_told_at IS NOT NULL AND appointment_at > ${ts(soon)};
  UPDATE dossier_case SET overdue_told_at = ${ts(told)}, due_soon_told_at = coalesce(due_soon_told_at, ${ts(told)})
   WHERE status = 'in_progress' AND overdue_told_at IS NULL AND appointment_at <= ${ts(told)};
  UPDATE dossier_case SET due_soon_told_at = ${ts(told)}
   WHERE status = 'in_progress' AND overdue_told_at IS NULL AND due_soon_told_at IS NULL AND appointment_at <= ${ts(soon)}`;

/** What a sweep at `at` will find untold: due soon / overdue, tasks and cases. */
const UNTOLD = `
  SELECT (SELECT count(*) FROM task WHERE status = 'open' AND overdue_told_at IS NULL AND due_at <= $1)::int AS "taskOverdue",
         (SELECT count(*) FROM task WHERE status = 'open' AND overdue_told_at IS NULL AND due_soon_told_at IS NULL AND due_at > $1 AND due_at <= $2)::int AS "taskSoon",
         (SELECT count(*) FROM dossier_case WHERE status = 'in_progress' AND overdue_told_at IS NULL AND appointment_at <= $1)::int AS "caseOverdue",
         (SELECT count(*) FROM dossier_case
           WHERE status = 'in_progress' AND overdue_told_at IS NULL AND due_soon_told_at IS NULL AND appointment_at > $1 AND appointment_at <= $2)::int AS "caseSoon"`;

const vietnam = (at: Date) =>
  at.toLocaleString('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (ms: number) => (ms <= SWEEP_MS ? 'meets' : 'misses');
const told = (r: SweepResult) => `${r.dueSoon} due soon / ${r.overdue} overdue${r.swept ? '' : ' (not swept: lock held)'}`;

/** Starts workflow's module in this process on the suite's database and topology, as `runService` would, without listening. */
async function startWatch(databaseUrl: string, prefix: string, authEnv: Record<string, string>): Promise<{ app: INestApplication; restore: () => void }> {
  const env = { ...authEnv, DATABASE_URL: databaseUrl, MESSAGING_PREFIX: prefix, WATCH_INTERVAL_MS: '0', LOG_LEVEL: 'warn' };
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const restore = () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  Object.assign(process.env, env);
  try {
    const app = await createService({
      service: SERVICE,
      title: 'Một Cửa — workflow (bench)',
      description: 'workflow in the bench process, for its deadline watch',
      defaultPort: 0,
      module: AppModule,
      entities,
      migrations,
    });
    return { app, restore };
  } catch (error) {
    restore();
    throw error;
  }
}

export async function sweepFigures(auth: TestAuth, rows: [string, string][], sizes: SweepBenchSizes): Promise<void> {
  const suite = await startSuite('bench-sweep', { ...auth.env, WATCH_INTERVAL_MS: '0' }, ['workflow']);
  const db = new Client({ connectionString: suite.services.workflow.database.url });
  let watchApp: { app: INestApplication; restore: () => void } | undefined;
  try {
    await db.connect();
    watchApp = await startWatch(suite.services.workflow.database.url, suite.prefix, auth.env);
    const { app } = watchApp;
    const watch = app.get(DeadlineWatch);
    const calendar = () => app.get(Calendars).current;
    const { WATCH_DUE_SOON_WORKING_HOURS: windowHours } = readEnvironment(WatchEnvironment);
    const soonAfter = (at: Date) => calendar().addWorkingHours(at, windowHours);
    const asOf = async (at: Date) => {
      await db.query(tellAsOf(at, soonAfter(at)));
    };
    const untold = async (at: Date) =>
      (await db.query<Record<string, number>>(UNTOLD, [at, soonAfter(at)])).rows[0] as {
        taskOverdue: number;
        taskSoon: number;
        caseOverdue: number;
        caseSoon: number;
      };
    const untoldText = (u: Awaited<ReturnType<typeof untold>>) =>
      `tasks ${u.taskSoon} due soon / ${u.taskOverdue} overdue; cases ${u.caseSoon} due soon / ${u.caseOverdue} overdue`;
    const written = async () =>
      (
        await db.query<{ outbox: number; events: number }>(
          `SELECT (SELECT count(*) FROM outbox_message WHERE type LIKE 'workflow.deadline.%')::int AS outbox, (SELECT count(*) FROM task_event)::int AS events`,
        )
      ).rows[0];
    const timed = async (at?: Date) => {
      const started = performance.now();
      const result = await watch.sweep(at);
      return { ms: performance.now() - started, result };
    };

    // 1. the database
    const anchor = new Date();
    const lastSwept = new Date(anchor.getTime() - 2 * MINUTE_MS);
    let started = performance.now();
    await db.query(addOpenWork(sizes.tasks, anchor, lastSwept, soonAfter(lastSwept))); // statements in one string: the simple protocol
    const filled = (performance.now() - started) / 1000;
    started = performance.now();
    await db.query('VACUUM (ANALYZE) task, dossier_case');
    rows.push(['(e) fill with SQL / VACUUM (ANALYZE) (s)', `${filled.toFixed(0)} / ${((performance.now() - started) / 1000).toFixed(0)}`]);
    const [counts] = (
      await db.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM task WHERE status = 'open') AS open, (SELECT count(*) FROM task) AS tasks,
                (SELECT count(*) FROM dossier_case) AS cases, (SELECT count(*) FROM dossier_case WHERE status = 'in_progress') AS running,
                (SELECT count(*) FROM task WHERE status = 'open' AND overdue_told_at IS NULL) AS watched,
                (SELECT count(DISTINCT agency_code) FROM task) AS agencies, (SELECT count(DISTINCT procedure_code) FROM task) AS procedures,
                (SELECT count(*) FROM task WHERE owner_id IS NOT NULL) AS owned`,
      )
    ).rows;
    rows.push(
      [
        '(e) database: open tasks (of all tasks) / cases (running) / open tasks not yet told overdue (task_watch) / owned',
        `${counts.open} (${counts.tasks}) / ${counts.cases} (${counts.running}) / ${counts.watched} / ${counts.owned}`,
      ],
      ['(e) database: agencies / procedures with open tasks', `${counts.agencies} / ${counts.procedures}`],
    );

    // 2. the sweeps: steady state, then a backlog, at `at` (the clock when undefined)
    const measure = async (label: string, at?: Date) => {
      const clock = () => at ?? new Date();
      const before = await written();
      await asOf(new Date(clock().getTime() - 2 * MINUTE_MS));
      const expected = await untold(clock());
      const steady: { ms: number; result: SweepResult }[] = [];
      for (let i = 0; i < STEADY_SWEEPS; i++) steady.push(await timed(at));
      const times = steady.map((s) => s.ms);
      rows.push(
        [`(${label}) sweep at ${vietnam(clock())} (Vietnam time): due-soon window ${windowHours} working hours, ends`, vietnam(soonAfter(clock()))],
        [`(${label}) steady state (last swept 2 min before): untold just before the first sweep`, untoldText(expected)],
        [`(${label}) steady state: first sweep (ms), ${verdict(times[0])} ≤ ${SWEEP_MS} ms; told`, `${times[0].toFixed(1)}; ${told(steady[0].result)}`],
        [
          `(${label}) steady state: ${STEADY_SWEEPS} sweeps in a row (ms), median ${verdict(median(times))}; the later ones find only what crossed since`,
          `${times.map((t) => t.toFixed(1)).join(' / ')} (median ${median(times).toFixed(1)}); told ${steady.map((s) => `${s.result.dueSoon}+${s.result.overdue}`).join(' / ')} (due soon + overdue)`,
        ],
      );
      const afterSteady = await written();
      await asOf(new Date(clock().getTime() - 60 * MINUTE_MS));
      const backlog = await untold(clock());
      const sweep = await timed(at);
      const after = await written();
      rows.push(
        [`(${label}) backlog (last swept 1 hour before): untold just before the sweep`, untoldText(backlog)],
        [`(${label}) backlog: one sweep (ms), ${verdict(sweep.ms)} ≤ ${SWEEP_MS} ms; told`, `${sweep.ms.toFixed(1)}; ${told(sweep.result)}`],
        [
          `(${label}) written: outbox rows workflow.deadline.* / task events — steady sweeps / backlog sweep`,
          `${afterSteady.outbox - before.outbox} / ${afterSteady.events - before.events} — ${after.outbox - afterSteady.outbox} / ${after.events - afterSteady.events}`,
        ],
      );
    };
    await measure('e');
    const now = new Date();
    if (!calendar().isWorkingTime(now)) {
      const at = calendar().addWorkingHours(now, 2.5); // inside office hours: tasks enter the due-soon window
      await measure('e′', at);
    }
    const [totals] = (
      await db.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM outbox_message WHERE type LIKE 'workflow.deadline.%') AS outbox,
                (SELECT count(*) FROM outbox_message WHERE type = 'workflow.deadline.due-soon') AS soon,
                (SELECT count(*) FROM outbox_message WHERE type = 'workflow.deadline.overdue') AS overdue,
                (SELECT count(*) FROM task_event) AS events`,
      )
    ).rows;
    rows.push([
      '(e) outbox rows workflow.deadline.* written by all the sweeps (due-soon / overdue) / task events',
      `${totals.outbox} (${totals.soon} / ${totals.overdue}) / ${totals.events}`,
    ]);
  } finally {
    await watchApp?.app.close();
    watchApp?.restore();
    await db.end();
    await suite.stop();
  }
}
