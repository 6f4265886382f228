import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toVietnamIso } from '@motcua/calendar';
import { decodeCursor, toPage } from '@motcua/persistence';
import { Task } from '../cases/case.entities';

export interface TaskView {
  id: string;
  dossierCode: string;
  procedureCode: string;
  stepNumber: number;
  stepName: string;
  agencyCode: string;
  role: string;
  ownerId: string | null;
  /** When the owner took it (null while it waits in the queue). */
  ownedAt: string | null;
  status: string;
  /** The dossier's national status while this task is open. */
  nationalStatus: number;
  createdAt: string;
  version: number;
}

export interface TaskPage {
  items: TaskView[];
  nextCursor: string | null;
}

@Injectable()
export class TaskQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Open tasks in the given agencies, oldest first, by keyset (created_at, id). The agencies are the caller's:
   * the scope is part of the SQL, never a filter applied afterwards.
   */
  async listOpen(filter: { agencies: string[]; ownerId: string | null; limit: number; cursor?: string }): Promise<TaskPage> {
    const query = this.dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .where(`t.status = 'open'`)
      .andWhere('t.agency_code = ANY(:agencies)', { agencies: filter.agencies })
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(filter.limit + 1);
    if (filter.ownerId === null) query.andWhere('t.owner_id IS NULL');
    else query.andWhere('t.owner_id = :owner', { owner: filter.ownerId });
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      query.andWhere('(t.created_at, t.id) > (:createdAt, :id)', { createdAt: after.createdAt, id: after.id });
    }
    const page = toPage(await query.getMany(), filter.limit);
    return { items: page.items.map(toTaskView), nextCursor: page.nextCursor };
  }
}

function toTaskView(task: Task): TaskView {
  return {
    id: task.id,
    dossierCode: task.dossierCode,
    procedureCode: task.procedureCode,
    stepNumber: task.stepNumber,
    stepName: task.stepName,
    agencyCode: task.agencyCode,
    role: task.role,
    ownerId: task.ownerId,
    ownedAt: task.ownedAt ? toVietnamIso(task.ownedAt) : null,
    status: task.status,
    nationalStatus: task.nationalStatus,
    createdAt: toVietnamIso(task.createdAt),
    version: task.version,
  };
}
