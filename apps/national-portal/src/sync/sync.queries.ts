import { Injectable } from '@nestjs/common';
import { decodeCursor, queryPrepared, toPage } from '@motcua/persistence';
import { DataSource } from 'typeorm';
import type { PortalUpdateView, SyncRecordDetailView, SyncRecordPage, SyncRecordView } from './sync-record.view';

/** pending: updates waiting (none refused yet); failed: the last attempt failed (unavailable or refused), retrying; parked. */
export type SyncListState = 'pending' | 'failed' | 'parked';

const COLUMNS = `d.key, d.id, d.dossier_code AS "dossierCode", d.portal_reference AS "portalReference", d.state, d.known_to_portal AS "knownToPortal",
  (SELECT count(*)::int FROM portal_update u WHERE u.dossier_key = d.key AND u.sent_at IS NULL) AS unsent,
  d.next_attempt_at AS "nextAttemptAt", d.failures, d.refusals, d.last_error AS "lastError", d.last_error_at AS "lastErrorAt",
  d.last_sent_at AS "lastSentAt", d.created_at AS "createdAt"`;

/** The operators' view of the sync records: lists by state, oldest first (keyset pages), and one record with its queue. */
@Injectable()
export class SyncQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(state: SyncListState, limit: number, cursor?: string): Promise<SyncRecordPage> {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    const rows = await queryPrepared<SyncRecordView>(
      this.dataSource.manager,
      'portal.list-records',
      `SELECT ${COLUMNS} FROM portal_dossier d
        WHERE CASE $1 WHEN 'parked' THEN d.state = 'parked'
                      WHEN 'failed' THEN d.state = 'pending' AND d.failures > 0
                      ELSE d.state = 'pending' AND d.failures = 0 END
          AND ($2::timestamptz IS NULL OR (d.created_at, d.id) > ($2::timestamptz, $3::uuid))
        ORDER BY d.created_at, d.id LIMIT $4`,
      [state, after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
    const page = toPage(rows, limit);
    return { items: page.items, nextCursor: page.nextCursor };
  }

  async one(key: string): Promise<SyncRecordDetailView | undefined> {
    const [record] = await queryPrepared<SyncRecordView>(
      this.dataSource.manager,
      'portal.one-record',
      `SELECT ${COLUMNS} FROM portal_dossier d WHERE d.key = $1`,
      [key],
    );
    if (!record) return undefined;
    const queue = await queryPrepared<PortalUpdateView>(
      this.dataSource.manager,
      'portal.record-queue',
      `SELECT id::text, kind, cause, sent_at AS "sentAt", body FROM portal_update WHERE dossier_key = $1 ORDER BY id`,
      [key],
    );
    return { ...record, queue };
  }
}
