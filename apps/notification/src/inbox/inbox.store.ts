import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@motcua/persistence';

/** The inbox side of the notification aggregate: officers' messages read or unread. */
@Injectable()
export class InboxStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Marks the officer's message read (the first reading's time stays); undefined when there is no such message in
   * their inbox (another's, or none): the two are not told apart.
   */
  async markRead(id: string, officerId: string, at: Date): Promise<{ readAt: Date } | undefined> {
    const [row] = await queryPrepared<{ readAt: Date }>(
      this.dataSource.manager,
      'notification.inbox-mark-read',
      `UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND channel = 'officer' AND recipient = $2 RETURNING read_at AS "readAt"`,
      [id, officerId, at],
    );
    return row;
  }
}
