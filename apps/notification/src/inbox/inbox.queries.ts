import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, queryPrepared, toPage } from '@motcua/persistence';
import { toVietnamIso } from '@motcua/calendar';
import type { InboxMessageView, InboxPage } from './inbox.view';

export interface InboxFilter {
  readonly officerId: string;
  readonly unreadOnly: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

interface InboxRow {
  id: string;
  dossierCode: string;
  templateKey: string;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/** An officer's work inbox: the messages addressed to them, newest first, and how many are unread. */
@Injectable()
export class InboxQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Scoped in SQL to the caller: no one reads another officer's inbox. */
  async list(filter: InboxFilter): Promise<InboxPage> {
    const before = filter.cursor ? decodeCursor(filter.cursor) : { createdAt: new Date('9999-12-31T00:00:00Z'), id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };
    const rows = await queryPrepared<InboxRow>(
      this.dataSource.manager,
      'notification.inbox',
      `SELECT id, dossier_code AS "dossierCode", template_key AS "templateKey", subject, body, created_at AS "createdAt", read_at AS "readAt"
         FROM notification
        WHERE channel = 'officer' AND recipient = $1 AND (NOT $2 OR read_at IS NULL) AND (created_at, id) < ($3, $4::uuid)
        ORDER BY created_at DESC, id DESC LIMIT $5`,
      [filter.officerId, filter.unreadOnly, before.createdAt, before.id, filter.limit + 1],
    );
    const [{ unread }] = await queryPrepared<{ unread: number }>(
      this.dataSource.manager,
      'notification.inbox-unread',
      `SELECT count(*)::int AS unread FROM notification WHERE channel = 'officer' AND recipient = $1 AND read_at IS NULL`,
      [filter.officerId],
    );
    const page = toPage(rows, filter.limit);
    return { items: page.items.map(toInboxMessageView), nextCursor: page.nextCursor, unread };
  }
}

function toInboxMessageView(row: InboxRow): InboxMessageView {
  return { ...row, createdAt: toVietnamIso(row.createdAt), readAt: row.readAt ? toVietnamIso(row.readAt) : null };
}
