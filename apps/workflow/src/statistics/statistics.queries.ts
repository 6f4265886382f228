import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type GroupBy = 'agency' | 'procedure' | 'level' | 'none';
/** What the statement groups by: a level is the sum of its agencies, added up in memory (no join over every case). */
type SqlGroupBy = Exclude<GroupBy, 'level'>;

export interface StatisticsRow {
  /** The agency code, the procedure code, the level, or 'all'. */
  key: string;
  received: { carriedOver: number; new: number; byChannel: { inPerson: number; online: number; post: number } };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinTime: number; overdue: number };
  waitingForSupplement: number;
  stopped: number;
  withdrawn: number;
}

/** Adds up rows (by agency) into one per key (e.g. the agency's level). */
export function regroup(rows: readonly StatisticsRow[], keyOf: (agencyCode: string) => string): StatisticsRow[] {
  const sums = new Map<string, StatisticsRow>();
  for (const row of rows) {
    const key = keyOf(row.key);
    const sum = sums.get(key);
    if (!sum) {
      sums.set(key, structuredClone({ ...row, key }));
      continue;
    }
    sum.received.carriedOver += row.received.carriedOver;
    sum.received.new += row.received.new;
    sum.received.byChannel.inPerson += row.received.byChannel.inPerson;
    sum.received.byChannel.online += row.received.byChannel.online;
    sum.received.byChannel.post += row.received.byChannel.post;
    sum.resolved.total += row.resolved.total;
    sum.resolved.early += row.resolved.early;
    sum.resolved.onTime += row.resolved.onTime;
    sum.resolved.late += row.resolved.late;
    sum.inProgress.total += row.inProgress.total;
    sum.inProgress.withinTime += row.inProgress.withinTime;
    sum.inProgress.overdue += row.inProgress.overdue;
    sum.waitingForSupplement += row.waitingForSupplement;
    sum.stopped += row.stopped;
    sum.withdrawn += row.withdrawn;
  }
  return [...sums.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export interface StatisticsFilter {
  /** [from, to): instants of the period's first and last Vietnamese days (to exclusive). */
  from: Date;
  to: Date;
  /** The receiving agencies in scope; null: all. */
  agencies: string[] | null;
  procedure: string | null;
  groupBy: SqlGroupBy;
  now: Date;
}

const KEY: Record<SqlGroupBy, string> = {
  agency: 'c.receiving_agency_code',
  procedure: 'c.procedure_code',
  none: `'all'`,
};

/**
 * Rõ hiệu quả: on-time statistics by the national method, computed from the cases in one statement. A dossier
 * counts in a period when it was not yet processed (nor stopped or withdrawn) when the period began and was
 * received before it ended: carried over (received before) or new (by channel). Resolved in the period: its
 * result issued then — early (an earlier day than the appointment), on time (by the appointment), late (after
 * it, or asked for more than one supplement). Still in progress at the period's end (or now): within time or
 * overdue. Waiting for a supplement: now.
 */
@Injectable()
export class StatisticsQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(f: StatisticsFilter): Promise<StatisticsRow[]> {
    // the start of the appointment's day in Vietnam, stored beside it (no time-zone conversion per row)
    const appointmentDay = `c.appointment_day_starts_at`;
    const resolved = `c.processed_at >= $1 AND c.processed_at < $2`;
    const late = `(c.supplement_rounds > 1 OR c.processed_at > c.appointment_at)`;
    const open = `(c.processed_at IS NULL OR c.processed_at >= $2) AND (c.closed_at IS NULL OR c.closed_at >= $2)`;
    const rows = (await this.dataSource.query(
      `SELECT ${KEY[f.groupBy]} AS key,
              count(*) FILTER (WHERE c.received_at < $1)::int AS "carriedOver",
              count(*) FILTER (WHERE c.received_at >= $1)::int AS "new",
              count(*) FILTER (WHERE c.received_at >= $1 AND c.channel = 1)::int AS "inPerson",
              count(*) FILTER (WHERE c.received_at >= $1 AND c.channel = 2)::int AS "online",
              count(*) FILTER (WHERE c.received_at >= $1 AND c.channel = 3)::int AS "post",
              count(*) FILTER (WHERE ${resolved})::int AS "resolved",
              count(*) FILTER (WHERE ${resolved} AND NOT ${late} AND c.processed_at < ${appointmentDay})::int AS "early",
              count(*) FILTER (WHERE ${resolved} AND c.supplement_rounds <= 1 AND (c.appointment_at IS NULL OR (c.processed_at <= c.appointment_at
                                 AND c.processed_at >= ${appointmentDay})))::int AS "onTime",
              count(*) FILTER (WHERE ${resolved} AND ${late})::int AS "late",
              count(*) FILTER (WHERE ${open})::int AS "inProgress",
              count(*) FILTER (WHERE ${open} AND (c.appointment_at IS NULL OR c.appointment_at >= least($2, $5)))::int AS "withinTime",
              count(*) FILTER (WHERE ${open} AND c.appointment_at < least($2, $5))::int AS "overdue",
              count(*) FILTER (WHERE c.status = 'awaiting_supplement')::int AS "waitingForSupplement",
              count(*) FILTER (WHERE c.closed_at >= $1 AND c.closed_at < $2 AND c.outcome = 'stopped')::int AS "stopped",
              count(*) FILTER (WHERE c.closed_at >= $1 AND c.closed_at < $2 AND c.outcome = 'withdrawn')::int AS "withdrawn"
         FROM dossier_case c
        WHERE c.received_at < $2
          AND (c.processed_at IS NULL OR c.processed_at >= $1) AND (c.closed_at IS NULL OR c.closed_at >= $1)
          AND ($3::text[] IS NULL OR c.receiving_agency_code = ANY($3)) AND ($4::text IS NULL OR c.procedure_code = $4)
        GROUP BY 1 ORDER BY 1`,
      [f.from, f.to, f.agencies, f.procedure, f.now],
    )) as (Record<string, number> & { key: string })[];
    return rows.map((r) => ({
      key: r.key,
      received: { carriedOver: r.carriedOver, new: r.new, byChannel: { inPerson: r.inPerson, online: r.online, post: r.post } },
      resolved: { total: r.resolved, early: r.early, onTime: r.onTime, late: r.late },
      inProgress: { total: r.inProgress, withinTime: r.withinTime, overdue: r.overdue },
      waitingForSupplement: r.waitingForSupplement,
      stopped: r.stopped,
      withdrawn: r.withdrawn,
    }));
  }
}
