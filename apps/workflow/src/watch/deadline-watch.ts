import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { DeadlineDueSoon, DeadlineOverdue, event } from '@motcua/contracts';
import { type Transaction, UnitOfWork } from '@motcua/messaging';
import { readEnvironment } from '@motcua/config';
import { Calendars } from '../calendar/calendars';
import { Catalogue } from '../catalogue/catalogue';

export class WatchEnvironment {
  /** How often the deadline watch looks (every replica looks; one at a time sweeps). 0 turns the watch off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  WATCH_INTERVAL_MS: number = 60_000;

  /** "Due soon": the deadline is at most this many working hours away. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(80)
  WATCH_DUE_SOON_WORKING_HOURS: number = 4;
}

/** Arbitrary but fixed: the transaction-level advisory lock one sweeping replica holds. */
const WATCH_LOCK_KEY = 7_104_202_612;
/** Rows told of per statement: a long backlog is told in several statements of the same sweep. */
const BATCH = 5_000;

interface Due {
  kind: 'task' | 'dossier';
  taskId: string | null;
  dossierCode: string;
  agencyCode: string;
  deadline: Date;
  ownerId: string | null;
  nationalStatus: number;
  sequence: number;
  coordinatorId: string;
  leaders: string[];
}

export interface SweepResult {
  swept: boolean;
  dueSoon: number;
  overdue: number;
}

/**
 * Theo dõi thời hạn: tells, once each, when a task's step deadline or a dossier's appointment is near (due soon,
 * in working hours) and when it has passed (overdue, with the task escalated to its agency's active leaders).
 * Safe with several replicas of workflow: one sweeps at a time (a transaction-level advisory lock), and what was
 * told is marked in the same transaction as the outbox rows that tell it, rows locked with SKIP LOCKED.
 */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatch.name);
  private readonly env = readEnvironment(WatchEnvironment);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly calendars: Calendars,
    private readonly catalogue: Catalogue,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.WATCH_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((err: unknown) => this.logger.warn(`deadline sweep failed: ${err instanceof Error ? err.message : String(err)}`));
    }, this.env.WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  sweep(now = new Date()): Promise<SweepResult> {
    const soon = this.calendars.current.addWorkingHours(now, this.env.WATCH_DUE_SOON_WORKING_HOURS);
    return this.unitOfWork.run(async (tx) => {
      const [{ locked }] = (await tx.manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [WATCH_LOCK_KEY])) as { locked: boolean }[];
      if (!locked) return { swept: false, dueSoon: 0, overdue: 0 };
      // The planner prices the sweep's statements for a full batch and would compile them (JIT, ~300 ms) every
      // time, for statements that touch a handful of rows through their partial indexes.
      await tx.manager.query(`SET LOCAL jit = off`);
      let overdue = 0;
      let dueSoon = 0;
      for (const kind of ['task', 'dossier'] as const) {
        overdue += await this.tell(tx, kind, 'overdue', now, now);
        dueSoon += await this.tell(tx, kind, 'due_soon', now, soon);
      }
      if (overdue + dueSoon > 0) this.logger.log(`deadline sweep: ${dueSoon} due soon, ${overdue} overdue`);
      return { swept: true, dueSoon, overdue };
    });
  }

  /** Marks and tells, batch by batch, what is overdue (deadline ≤ now) or due soon (now < deadline ≤ soon). */
  private async tell(tx: Transaction, kind: 'task' | 'dossier', what: 'overdue' | 'due_soon', now: Date, until: Date): Promise<number> {
    let told = 0;
    for (;;) {
      // overdue: $1 now, $2 the batch; due soon: $1 now, $2 the end of the window, $3 the batch
      const values = what === 'overdue' ? [now, BATCH] : [now, until, BATCH];
      const rows = (await tx.manager.query(kind === 'task' ? taskSql(what) : dossierSql(what), values)) as Due[];
      for (const due of rows) {
        const common = {
          dossierCode: due.dossierCode,
          nationalStatus: due.nationalStatus,
          sequence: due.sequence,
          occurredAt: now.toISOString(),
          subject: kind,
          taskId: due.taskId,
          agencyCode: due.agencyCode,
          deadline: due.deadline.toISOString(),
          ownerId: due.ownerId,
          coordinatorId: due.coordinatorId,
          agencyName: this.catalogue.agencyName(due.agencyCode),
          ownerName: this.catalogue.officerName(due.ownerId),
          coordinatorName: this.catalogue.officerName(due.coordinatorId),
        };
        await tx.publish(what === 'overdue' ? event(DeadlineOverdue, { ...common, escalatedTo: due.leaders }) : event(DeadlineDueSoon, common));
      }
      told += rows.length;
      if (rows.length < BATCH) return told;
    }
  }
}

/**
 * Open tasks past their deadline (or within the due-soon window) and not yet told: marked, their case's sequence
 * raised, an 'escalated' task event for an overdue one, with the agency's active leaders.
 */
function taskSql(what: 'overdue' | 'due_soon'): string {
  const [column, window] = what === 'overdue' ? ['overdue_told_at', 't.due_at <= $1'] : ['due_soon_told_at', 't.due_at > $1 AND t.due_at <= $2'];
  return `
    WITH due AS (
      SELECT t.id FROM task t
       WHERE t.status = 'open' AND t.overdue_told_at IS NULL AND t.${column} IS NULL AND ${window}
       ORDER BY t.due_at LIMIT ${what === 'overdue' ? '$2' : '$3'} FOR UPDATE SKIP LOCKED),
    marked AS (
      UPDATE task t SET ${column} = $1 FROM due WHERE t.id = due.id
      RETURNING t.id, t.case_id, t.dossier_code, t.agency_code, t.due_at, t.owner_id, t.national_status),
    cases AS (
      UPDATE dossier_case c SET event_sequence = c.event_sequence + 1 FROM marked m WHERE c.id = m.case_id
      RETURNING c.id, c.event_sequence, c.coordinator_id),
    logged AS (
      INSERT INTO task_event (task_id, case_id, kind, actor_id, at, details)
      SELECT id, case_id, '${what === 'overdue' ? 'escalated' : 'due_soon'}', 'system', $1, '{}' FROM marked)
    SELECT 'task' AS kind, m.id AS "taskId", m.dossier_code AS "dossierCode", m.agency_code AS "agencyCode", m.due_at AS deadline,
           m.owner_id AS "ownerId", m.national_status AS "nationalStatus", c.event_sequence AS sequence, c.coordinator_id AS "coordinatorId",
           ${
             what === 'overdue'
               ? `(SELECT COALESCE(array_agg(r.officer_id ORDER BY r.officer_id), '{}') FROM officer_role r JOIN officer o ON o.id = r.officer_id
                    WHERE r.agency_code = m.agency_code AND r.role = 'leader' AND o.status = 'active')`
               : `'{}'::text[]`
           } AS leaders
      FROM marked m JOIN cases c ON c.id = m.case_id`;
}

/** Running cases past their appointment (or within the window) and not yet told; a paused one (awaiting a supplement) waits. */
function dossierSql(what: 'overdue' | 'due_soon'): string {
  const [column, window] = what === 'overdue' ? ['overdue_told_at', 'c.appointment_at <= $1'] : ['due_soon_told_at', 'c.appointment_at > $1 AND c.appointment_at <= $2'];
  return `
    WITH due AS (
      SELECT c.id FROM dossier_case c
       WHERE c.status = 'in_progress' AND c.overdue_told_at IS NULL AND c.${column} IS NULL AND ${window}
       ORDER BY c.appointment_at LIMIT ${what === 'overdue' ? '$2' : '$3'} FOR UPDATE SKIP LOCKED)
    , marked AS (
    UPDATE dossier_case c SET ${column} = $1, event_sequence = c.event_sequence + 1 FROM due WHERE c.id = due.id
    RETURNING 'dossier' AS kind, NULL::uuid AS "taskId", c.dossier_code AS "dossierCode", c.receiving_agency_code AS "agencyCode",
              c.appointment_at AS deadline, NULL AS "ownerId",
              COALESCE((SELECT t.national_status FROM task t WHERE t.case_id = c.id AND t.status = 'open'), 5) AS "nationalStatus",
              c.event_sequence AS sequence, c.coordinator_id AS "coordinatorId", '{}'::text[] AS leaders)
    SELECT * FROM marked`;
}
