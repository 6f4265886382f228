/**
 * (f) On-time statistics over 1,000,000 dossiers (`npm run bench -- --parts f`): a fresh workflow database is
 * filled with SQL — cases received over the past year at the ward, district and department desks (busier desks
 * taking a larger share), by the three channels, most of them processed (some late, some after two supplements),
 * some stopped or withdrawn, the rest in progress — vacuumed and analysed, then GET /api/v1/statistics is called
 * one at a time over HTTP: the busiest agency's year (its leader), and the whole city's year (an administrator),
 * by agency and by level; p50 / max of 20 calls each after 3 to warm up.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Role } from '@motcua/auth';
import { type TestAuth, startSuite } from '@motcua/testing';
import { percentile } from './load';

const FILL = (count: number) => `
  -- every desk gets slots in proportion to rank^-0.7 (busier desks more): a case picks a slot at random
  CREATE TEMP TABLE slot AS
  SELECT array_agg(code ORDER BY rank) AS codes FROM (
    SELECT code, rank, generate_series(1, greatest(1, round(20000 * rank ^ -0.7 / sum(rank ^ -0.7) OVER ())::int)) AS n
      FROM (SELECT code, row_number() OVER (ORDER BY md5(code)) AS rank FROM agency WHERE has_desk) d) s;

  INSERT INTO dossier_case (id, dossier_code, procedure_code, process_version, receiving_agency_code, applicant_area_code, coordinator_id,
                            current_step, status, event_sequence, received_at, opened_at, version, appointment_at, original_appointment_at,
                            channel, processed_at, closed_at, outcome, supplement_rounds)
  SELECT gen_random_uuid(), r.code || '-S' || lpad(r.g::text, 8, '0'), '1.001193', 1, r.code, '00004', r.code || '.receiver.1',
         1, CASE WHEN r.state < 0.85 THEN 'closed' WHEN r.state < 0.88 THEN 'awaiting_supplement' ELSE 'in_progress' END,
         3, r.received, r.received, 1, r.received + interval '3 days', r.received + interval '3 days',
         1 + (r.g % 3), CASE WHEN r.state < 0.8 THEN r.received + r.span * interval '4 days' END,
         CASE WHEN r.state < 0.85 THEN r.received + r.span * interval '5 days' END,
         CASE WHEN r.state < 0.8 THEN 'returned' WHEN r.state < 0.83 THEN 'stopped' WHEN r.state < 0.85 THEN 'withdrawn' END,
         CASE WHEN r.span > 0.95 THEN 2 WHEN r.span > 0.7 THEN 1 ELSE 0 END
    FROM (SELECT g, slot.codes[1 + floor(random() * cardinality(slot.codes))::int] AS code, random() AS state, random() AS span,
                 date_trunc('milliseconds', now() - random() * interval '365 days') AS received
            FROM generate_series(1, ${count}) g, slot) r`;

async function timed(base: string, path: string, token: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 23; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.json();
    if (response.status !== 200) throw new Error(`GET ${path} → ${response.status}`);
    if (i >= 3) samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

export async function statisticsFigures(auth: TestAuth, rows: [string, string][], dossiers: number): Promise<void> {
  const suite = await startSuite('bench-statistics', { ...auth.env, WATCH_INTERVAL_MS: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' }, ['workflow']);
  const db = new Client({ connectionString: suite.services.workflow.database.url });
  try {
    await db.connect();
    let started = performance.now();
    await db.query(FILL(dossiers));
    const filled = (performance.now() - started) / 1000;
    started = performance.now();
    await db.query('VACUUM (ANALYZE) dossier_case');
    rows.push(['(f) fill / VACUUM (ANALYZE) (s)', `${filled.toFixed(0)} / ${((performance.now() - started) / 1000).toFixed(0)}`]);
    const [busiest] = (
      await db.query<{ code: string; n: number }>(
        `SELECT receiving_agency_code AS code, count(*)::int AS n FROM dossier_case GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      )
    ).rows;
    const [{ n: total, size }] = (
      await db.query<{ n: number; size: string }>(`SELECT count(*)::int AS n, pg_size_pretty(pg_table_size('dossier_case')) AS size FROM dossier_case`)
    ).rows;
    rows.push(['(f) dossiers in the database / of the busiest desk; the table on disk', `${total} / ${busiest.n} (${busiest.code}); ${size}`]);

    const year = `from=${new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`;
    const leader = await auth.token({ subject: `${busiest.code}.leader.1`, roles: [Role.Leader], agencies: [busiest.code] });
    const admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
    const base = `${suite.url('workflow')}/api/v1/statistics`;
    for (const [what, path, token] of [
      ['one agency, a year (its leader)', `?${year}&agency=${busiest.code}`, leader],
      ['the whole city, a year, by agency', `?${year}&groupBy=agency`, admin],
      ['the whole city, a year, by level', `?${year}&groupBy=level`, admin],
    ] as const) {
      const samples = await timed(base, path, token);
      rows.push([
        `(f) GET /statistics ${what}: p50 / max (ms), target ≤ 500`,
        `${percentile(samples, 50).toFixed(0)} / ${percentile(samples, 100).toFixed(0)}`,
      ]);
    }
  } finally {
    await db.end();
    await suite.stop();
  }
}
