import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { decodeCursor, isId, queryPrepared, toPage } from '@motcua/persistence';
import type { OnlineSubmissionRecord, SubmissionState } from './online-submission';
import { SUBMISSION_COLUMNS } from './online-submission.store';
import { type OnlineSubmissionPage, type OnlineSubmissionView, toOnlineSubmissionView } from './online-submission.view';

export interface SubmissionFilter {
  /** The desks the caller works for: nothing of another desk is ever read. */
  readonly agencies: readonly string[];
  readonly agency?: string;
  readonly state?: SubmissionState;
  readonly limit: number;
  readonly cursor?: string;
}

/** Online submissions as the desk reads them over HTTP (their writes are `OnlineSubmissionStore`'s), scoped in SQL to the caller's desks. */
@Injectable()
export class OnlineSubmissionQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueReplica,
  ) {}

  /** The desk's submissions, newest first by (createdAt, id), a keyset page at a time; another desk's read as an empty page. */
  async list(filter: SubmissionFilter): Promise<OnlineSubmissionPage> {
    const after = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    const rows = await queryPrepared<OnlineSubmissionRecord>(
      this.dataSource.manager,
      'intake.list-online-submissions',
      `SELECT ${SUBMISSION_COLUMNS} FROM online_submission s
        WHERE s.receiving_agency_code = ANY($1) AND ($2::text IS NULL OR s.receiving_agency_code = $2) AND ($3::text IS NULL OR s.state = $3)
          AND ($4::timestamptz IS NULL OR (s.created_at, s.id) < ($4, $5::uuid))
        ORDER BY s.created_at DESC, s.id DESC LIMIT $6`,
      [[...filter.agencies], filter.agency ?? null, filter.state ?? null, after?.createdAt ?? null, after?.id ?? null, filter.limit + 1],
    );
    const page = toPage(rows, filter.limit);
    return { items: page.items.map((s) => toOnlineSubmissionView(s, this.catalogue)), nextCursor: page.nextCursor };
  }

  /** One submission of the caller's desks, or undefined (the same answer as one that does not exist). */
  async visible(id: string, agencies: readonly string[]): Promise<OnlineSubmissionView | undefined> {
    if (!isId(id)) return undefined;
    const [row] = await queryPrepared<OnlineSubmissionRecord>(
      this.dataSource.manager,
      'intake.visible-online-submission',
      `SELECT ${SUBMISSION_COLUMNS} FROM online_submission s WHERE s.id = $1 AND s.receiving_agency_code = ANY($2)`,
      [id, [...agencies]],
    );
    return row ? toOnlineSubmissionView(row, this.catalogue) : undefined;
  }
}
