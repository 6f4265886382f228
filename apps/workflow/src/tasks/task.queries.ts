import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toVietnamIso } from '@motcua/calendar';
import { nationalStatusKey, nationalStatusName } from '@motcua/contracts';
import { decodeCursor, queryPrepared, toPage } from '@motcua/persistence';
import { Catalogue } from '../catalogue/catalogue';
import type { CaseRecord } from '../cases/case';
import type { TaskRecord } from './task';
import { TASK_COLUMNS, isTaskId } from './task.store';
import type { ReceivedDocument, TaskPage, TaskView } from './task.view';

export interface TaskFilter {
  /** The agencies in scope: the caller's (and, for a leader asking for it, those under them). */
  agencies: string[];
  callerId: string;
  owner: 'none' | 'me' | 'any' | 'all';
  status: 'open' | 'done';
  procedure?: string;
  /** Only tasks whose step deadline is before this moment. */
  dueBefore?: Date;
  limit: number;
  cursor?: string;
}

/** A task as its list reads it: the record, with its case's coordinator and appointment, the officers' names and the receipt. */
type TaskRow = TaskRecord &
  Pick<CaseRecord, 'coordinatorId' | 'appointmentAt'> & {
    ownerName: string | null;
    coordinatorName: string | null;
    applicantName: string | null;
    documents: ReceivedDocument[] | null;
  };

const COLUMNS = `${TASK_COLUMNS}, owner.full_name AS "ownerName", c.coordinator_id AS "coordinatorId",
  coordinator.full_name AS "coordinatorName", r.applicant_name AS "applicantName", r.documents, c.appointment_at AS "appointmentAt"`;

/**
 * A task with its case (`c`), its receipt and its officers' names: for the rows of a page only, each by its key.
 * Agencies' and procedures' names come from the catalogue in memory.
 */
const WITH_CASE = `JOIN dossier_case c ON c.id = t.case_id
  LEFT JOIN case_receipt r ON r.case_id = c.id
  LEFT JOIN officer owner ON owner.id = t.owner_id
  LEFT JOIN officer coordinator ON coordinator.id = c.coordinator_id`;

/** The filters the counts share with the list: the procedure ($3) and the deadline ($4). */
const COUNTED = `($3::text IS NULL OR procedure_code = $3) AND ($4::timestamptz IS NULL OR due_at < $4)`;

/**
 * Officers' work queues. The caller's scope (their agencies) is a condition of every statement, never a filter
 * applied afterwards; each variant is one prepared statement that an index serves in (created_at, id) order.
 */
@Injectable()
export class TaskQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: Catalogue,
  ) {}

  /**
   * One task, if the caller may see it: it is at one of `agencies` (where a role is in force for the caller, with
   * those under them for a leader), or the caller coordinates its dossier at its receiving desk, one of theirs
   * too (a coordinator's token that names no such agency or role sees nothing). What a frontend reloads after a 409.
   */
  async one(taskId: string, agencies: readonly string[], callerId: string): Promise<TaskView | undefined> {
    if (!isTaskId(taskId)) return undefined;
    const [task] = await queryPrepared<TaskRow>(
      this.dataSource.manager,
      'workflow.task-seen-by',
      `SELECT ${COLUMNS} FROM task t ${WITH_CASE}
        WHERE t.id = $1 AND (t.agency_code = ANY($2) OR (c.coordinator_id = $3 AND c.receiving_agency_code = ANY($2)))`,
      [taskId, agencies, callerId],
    );
    return task && this.toTaskView(task);
  }

  /** A page of tasks and the counts, read in one snapshot. */
  list(filter: TaskFilter): Promise<TaskPage> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.read(manager, filter));
  }

  private async read(manager: EntityManager, filter: TaskFilter): Promise<TaskPage> {
    const after = filter.cursor ? decodeCursor(filter.cursor) : { createdAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    const values: unknown[] = [filter.agencies, filter.procedure ?? null, after.createdAt, after.id, filter.limit + 1];
    const parameter = (value: unknown) => `$${values.push(value)}`;
    let callerParameter: string | undefined;
    const caller = () => (callerParameter ??= parameter(filter.callerId));
    // The deadline filter is in the statement only when asked for: without it the queues' indexes answer alone.
    const due = filter.dueBefore ? ` AND t.due_at < ${parameter(filter.dueBefore)}` : '';
    const pageOf = `($2::text IS NULL OR t.procedure_code = $2)${due} AND (t.created_at, t.id) > ($3, $4) ORDER BY t.created_at, t.id LIMIT $5`;
    // An owner's lists follow the owner's index. A queue is read agency by agency, each from its own index in
    // (created_at, id) order and only as far as one page, then merged: the cost is a page per agency, however
    // long the queues are (one scan of all of them with agency_code = ANY(...) would read every queued task).
    // Every open task of an agency is its queue and its owned tasks, each from its own index, merged the same way.
    // Only the merged page's tasks are then read whole, with their cases (a leader's subtree merges dozens).
    const perAgency = () =>
      filter.owner === 'all'
        ? `(SELECT t.id, t.created_at FROM task t WHERE t.agency_code = a.code AND t.status = 'open' AND t.owner_id IS NULL AND ${pageOf})
           UNION ALL
           (SELECT t.id, t.created_at FROM task t WHERE t.agency_code = a.code AND t.status = 'open' AND t.owner_id IS NOT NULL AND ${pageOf})`
        : `SELECT t.id, t.created_at FROM task t
            WHERE t.agency_code = a.code AND t.status = 'open'
              AND ${filter.owner === 'none' ? 't.owner_id IS NULL' : `(t.owner_id IS NULL OR t.owner_id = ${caller()})`} AND ${pageOf}`;
    const sql =
      filter.status === 'done' || filter.owner === 'me'
        ? `SELECT ${COLUMNS} FROM task t ${WITH_CASE}
            WHERE ${filter.status === 'done' ? `t.status = 'done' AND t.completed_by = ${caller()}` : `t.status = 'open' AND t.owner_id = ${caller()}`}
              AND t.agency_code = ANY($1) AND ${pageOf}`
        : `WITH page AS (
             SELECT p.id FROM unnest($1::text[]) AS a (code) CROSS JOIN LATERAL (${perAgency()}) p ORDER BY p.created_at, p.id LIMIT $5)
           SELECT ${COLUMNS} FROM page JOIN task t ON t.id = page.id ${WITH_CASE}
            ORDER BY t.created_at, t.id`;
    const rows = await queryPrepared<TaskRow>(manager, `workflow.tasks-${filter.status === 'done' ? 'done' : filter.owner}${due ? '-due' : ''}`, sql, values);
    const [counts] = await queryPrepared<{ queue: number; mine: number }>(
      manager,
      'workflow.task-counts',
      `SELECT (SELECT count(*) FROM task WHERE status = 'open' AND owner_id IS NULL AND agency_code = ANY($1) AND ${COUNTED})::int AS queue,
              (SELECT count(*) FROM task WHERE status = 'open' AND owner_id = $2 AND agency_code = ANY($1) AND ${COUNTED})::int AS mine`,
      [filter.agencies, filter.callerId, filter.procedure ?? null, filter.dueBefore ?? null],
    );
    const page = toPage(rows, filter.limit);
    return { items: page.items.map((task) => this.toTaskView(task)), nextCursor: page.nextCursor, counts };
  }

  private toTaskView({ caseId: _case, ...task }: TaskRow): TaskView {
    return {
      ...task,
      procedureName: this.catalogue.procedureName(task.procedureCode) ?? null,
      agencyName: this.catalogue.agencyName(task.agencyCode) ?? null,
      nationalStatusName: nationalStatusName(task.nationalStatus),
      nationalStatusKey: nationalStatusKey(task.nationalStatus),
      appointmentAt: task.appointmentAt ? toVietnamIso(task.appointmentAt) : null,
      ownedAt: task.ownedAt ? toVietnamIso(task.ownedAt) : null,
      createdAt: toVietnamIso(task.createdAt),
      completedAt: task.completedAt ? toVietnamIso(task.completedAt) : null,
      dueAt: task.dueAt ? toVietnamIso(task.dueAt) : null,
    };
  }
}
