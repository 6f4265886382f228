import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { DeadlineDueSoon, DeadlineOverdue, event } from '@motcua/contracts';
import { type Transaction, UnitOfWork } from '@motcua/messaging';
import type { DueCase } from '../cases/case.store';
import type { DueTask } from '../tasks/task.store';
import { readEnvironment } from '@motcua/config';
import { holdTransactionLock } from '@motcua/persistence';
import { Calendars } from '../calendar/calendars';
import { CaseStore } from '../cases/case.store';
import { Catalogue } from '../catalogue/catalogue';
import { TaskStore } from '../tasks/task.store';

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
    private readonly tasks: TaskStore,
    private readonly cases: CaseStore,
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
      // The planner prices the sweep's statements for a full batch and would compile them (JIT, ~300 ms) every
      // time, for statements that touch a handful of rows through their partial indexes: no JIT.
      if (!(await holdTransactionLock(tx.manager, WATCH_LOCK_KEY, { jit: false }))) return { swept: false, dueSoon: 0, overdue: 0 };
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
      const rows: (DueTask | (DueCase & { taskId: null; ownerId: null; leaders: string[] }))[] =
        kind === 'task'
          ? await this.tasks.markDue(tx, what, now, until, BATCH)
          : (await this.cases.markDue(tx, what, now, until, BATCH)).map((due) => ({ ...due, taskId: null, ownerId: null, leaders: [] }));
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
