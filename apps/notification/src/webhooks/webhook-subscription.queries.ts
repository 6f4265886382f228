import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { decodeCursor, queryPrepared, toPage } from '@motcua/persistence';
import { SUBSCRIPTION_COLUMNS } from './webhook-subscription.store';
import type { WebhookSubscriptionRecord } from './webhook-subscription';
import { type WebhookSubscriptionPage, type WebhookSubscriptionView, toWebhookSubscriptionView } from './webhook-subscription.view';

export interface ListWebhookSubscriptionsInput {
  /** Only this agency's; every agency's when absent. */
  readonly agencyCode?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** The subscriptions as administrators read them over HTTP (their writes are `WebhookSubscriptionStore`'s). */
@Injectable()
export class WebhookSubscriptionQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Oldest first, one keyset page at a time, ordered by (createdAt, id) like every list of the suite. */
  async list(input: ListWebhookSubscriptionsInput): Promise<WebhookSubscriptionPage> {
    const after = input.cursor === undefined ? null : decodeCursor(input.cursor);
    const rows = await queryPrepared<WebhookSubscriptionRecord>(
      this.dataSource.manager,
      'webhook.list',
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription
        WHERE ($1::text IS NULL OR agency_code = $1) AND ($2::timestamptz IS NULL OR (created_at, id) > ($2, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [input.agencyCode ?? null, after?.createdAt ?? null, after?.id ?? null, input.limit + 1],
    );
    const page = toPage(rows, input.limit);
    return { items: page.items.map(toWebhookSubscriptionView), nextCursor: page.nextCursor };
  }

  async one(id: string): Promise<WebhookSubscriptionView | null> {
    if (!isUUID(id)) return null;
    const [row] = await queryPrepared<WebhookSubscriptionRecord>(
      this.dataSource.manager,
      'webhook.one',
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscription WHERE id = $1`,
      [id],
    );
    return row ? toWebhookSubscriptionView(row) : null;
  }
}
