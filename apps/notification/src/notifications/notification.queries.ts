import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage } from '@motcua/persistence';
import { DataSource } from 'typeorm';
import { Notification } from './notification.entity';
import { type NotificationPage, toNotificationView } from './notification.view';

export interface ListNotificationsInput {
  readonly dossierCode: string;
  /** The caller's agencies: only notifications of dossiers one of them received are listed. */
  readonly agencies: readonly string[];
  readonly limit: number;
  readonly cursor?: string;
}

/** The delivery log as it is read over HTTP (its writes are `NotificationStore`'s). */
@Injectable()
export class NotificationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A dossier's delivery log, oldest first, one keyset page at a time, ordered by (createdAt, id). Scoped in SQL to
   * the receiving agencies the caller works for: a dossier of another agency reads exactly like one nobody was told
   * about (an empty page), so the answer never reveals that it exists.
   */
  async list(input: ListNotificationsInput): Promise<NotificationPage> {
    const query = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.dossierCode = :dossierCode', { dossierCode: input.dossierCode })
      .andWhere('notification.receivingAgencyCode = ANY(:agencies)', { agencies: [...input.agencies] })
      .orderBy('notification.createdAt', 'ASC')
      .addOrderBy('notification.id', 'ASC')
      .limit(input.limit + 1);
    if (input.cursor !== undefined) {
      const after = decodeCursor(input.cursor);
      query.andWhere('(notification.createdAt, notification.id) > (:afterCreatedAt, :afterId)', {
        afterCreatedAt: after.createdAt,
        afterId: after.id,
      });
    }
    const page = toPage(await query.getMany(), input.limit);
    return { items: page.items.map(toNotificationView), nextCursor: page.nextCursor };
  }
}
