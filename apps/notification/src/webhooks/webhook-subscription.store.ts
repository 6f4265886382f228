import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared } from '@motcua/persistence';
import type { FailureStreak } from './sustained-failure';
import type { WebhookSubscriptionRecord } from './webhook-subscription';

/** Every column, as the record names it. */
export const SUBSCRIPTION_COLUMNS = `id, agency_code AS "agencyCode", url, secret, events, active, created_at AS "createdAt", created_by AS "createdBy",
  consecutive_failures AS "consecutiveFailures", failing_since AS "failingSince", last_failure_at AS "lastFailureAt", last_error AS "lastError",
  disabled_at AS "disabledAt", disabled_reason AS "disabledReason"`;

/** A subscription as the fan-out needs it. */
export type ReceivingSubscription = Pick<WebhookSubscriptionRecord, 'id' | 'agencyCode' | 'events'>;

export type NewWebhookSubscription = Pick<WebhookSubscriptionRecord, 'id' | 'agencyCode' | 'url' | 'secret' | 'events' | 'createdBy'>;

/** Where the sender sends a delivery, and whether it still may. */
export type WebhookTarget = Pick<WebhookSubscriptionRecord, 'id' | 'url' | 'secret' | 'active' | 'disabledAt' | 'disabledReason'>;

/**
 * The webhook subscription aggregate (`webhook_subscription`): the administrators' commands, the fan-out's subscriptions and
 * the sender's look-up and failure streak. Named prepared statements (docs/adr/010-data-access.md); each runs in the
 * caller's transaction when given its `manager`, on its own otherwise. An id that is not a UUID is no subscription
 * (rather than a database error).
 */
@Injectable()
export class WebhookSubscriptionStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, s: NewWebhookSubscription): Promise<WebhookSubscriptionRecord> {
    const [created] = await queryPrepared<WebhookSubscriptionRecord>(
      manager,
      'webhook.create',
      `INSERT INTO webhook_subscription (id, agency_code, url, secret, events, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [s.id, s.agencyCode, s.url, s.secret, s.events, s.createdBy],
    );
    return created;
  }

  /** An administrator's delete: nothing more is recorded or sent for it (its pending deliveries fail). */
  async deactivate(id: string): Promise<WebhookSubscriptionRecord | null> {
    if (!isUUID(id)) return null;
    const [row] = await queryPrepared<WebhookSubscriptionRecord>(
      this.dataSource.manager,
      'webhook.deactivate',
      `UPDATE webhook_subscription SET active = false WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id],
    );
    return row ?? null;
  }

  /** Active again, failures forgotten (the last error is kept, for the record): from the next event on, it receives. */
  async enable(id: string): Promise<WebhookSubscriptionRecord | null> {
    if (!isUUID(id)) return null;
    const [row] = await queryPrepared<WebhookSubscriptionRecord>(
      this.dataSource.manager,
      'webhook.enable',
      `UPDATE webhook_subscription
          SET active = true, disabled_at = NULL, disabled_reason = NULL, consecutive_failures = 0, failing_since = NULL
        WHERE id = $1
       RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id],
    );
    return row ?? null;
  }

  /** Every subscription that receives events now (active, not disabled), oldest first: `ReceivingSubscriptions` holds them. */
  async allReceiving(): Promise<ReceivingSubscription[]> {
    return queryPrepared<ReceivingSubscription>(
      this.dataSource.manager,
      'webhook.all-receiving',
      `SELECT id, agency_code AS "agencyCode", events FROM webhook_subscription WHERE active AND disabled_at IS NULL ORDER BY created_at, id`,
      [],
    );
  }

  async target(id: string): Promise<WebhookTarget | null> {
    if (!isUUID(id)) return null;
    const [row] = await queryPrepared<WebhookTarget>(
      this.dataSource.manager,
      'webhook.target',
      `SELECT id, url, secret, active, disabled_at AS "disabledAt", disabled_reason AS "disabledReason" FROM webhook_subscription WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A delivery went through: the failure streak, if any, ends (no write when there was none: the common case). */
  async succeeded(id: string): Promise<void> {
    await queryPrepared(
      this.dataSource.manager,
      'webhook.succeeded',
      `UPDATE webhook_subscription SET consecutive_failures = 0, failing_since = NULL WHERE id = $1 AND consecutive_failures > 0`,
      [id],
    );
  }

  /** A delivery failed: the streak grows by one (atomically: deliveries fail concurrently); returns the streak. */
  async failed(id: string, at: Date, error: string): Promise<FailureStreak> {
    const [streak] = await queryPrepared<FailureStreak>(
      this.dataSource.manager,
      'webhook.failed',
      `UPDATE webhook_subscription
          SET consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, $2), last_failure_at = $2, last_error = $3
        WHERE id = $1
       RETURNING consecutive_failures AS "consecutiveFailures", failing_since AS "failingSince"`,
      [id, at, error],
    );
    return streak;
  }

  /** The sender gives up on it, with the reason; an already disabled or deactivated one keeps its state. */
  async disable(id: string, at: Date, reason: string): Promise<boolean> {
    const rows = await queryPrepared<{ id: string }>(
      this.dataSource.manager,
      'webhook.disable',
      `UPDATE webhook_subscription SET disabled_at = $2, disabled_reason = $3 WHERE id = $1 AND active AND disabled_at IS NULL RETURNING id`,
      [id, at, reason],
    );
    return rows.length === 1;
  }
}
