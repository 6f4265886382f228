import { Injectable } from '@nestjs/common';
import { decodeCursor, queryPrepared, toPage } from '@motcua/persistence';
import { DataSource } from 'typeorm';
import { Notification } from './notification.entity';
import { toVietnamIso } from '@motcua/calendar';
import { type ApplicantMessageView, maskAddress } from '../applicant/applicant-messages.view';
import { type DeliveryAttempt, type NotificationPage, toNotificationView } from './notification.view';

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
    const attempts = await this.attemptsOf(page.items.map((n) => n.id));
    return { items: page.items.map((n) => toNotificationView(n, attempts.get(n.id))), nextCursor: page.nextCursor };
  }

  /** The attempts of a page's messages, in order, in one read. */
  private async attemptsOf(ids: readonly string[]): Promise<Map<string, DeliveryAttempt[]>> {
    const byMessage = new Map<string, DeliveryAttempt[]>();
    if (ids.length === 0) return byMessage;
    const rows = await queryPrepared<DeliveryAttempt>(
      this.dataSource.manager,
      'notification.attempts-of',
      `SELECT notification_id AS "notificationId", attempt, started_at AS "startedAt", finished_at AS "finishedAt", outcome, response, error
         FROM notification_attempt WHERE notification_id = ANY($1) ORDER BY notification_id, id`,
      [ids],
    );
    for (const row of rows) byMessage.set(row.notificationId, [...(byMessage.get(row.notificationId) ?? []), row]);
    return byMessage;
  }

  /** What the applicant was sent about the dossier (not the officers' messages nor webhooks), oldest first. */
  async toApplicant(dossierCode: string): Promise<ApplicantMessageView[]> {
    const rows = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.dossierCode = :dossierCode', { dossierCode })
      .andWhere("notification.channel IN ('email', 'sms', 'none')")
      .orderBy('notification.createdAt', 'ASC')
      .addOrderBy('notification.id', 'ASC')
      .limit(200)
      .getMany();
    return rows.map((n) => ({
      id: n.id,
      channel: n.channel,
      to: maskAddress(n.recipient),
      subject: n.subject,
      body: n.body,
      status: n.status,
      createdAt: toVietnamIso(n.createdAt),
      sentAt: n.sentAt ? toVietnamIso(n.sentAt) : null,
      deliveredAt: n.deliveredAt ? toVietnamIso(n.deliveredAt) : null,
    }));
  }
}
