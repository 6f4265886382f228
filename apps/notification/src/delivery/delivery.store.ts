import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@motcua/persistence';
import type { DeliveryChannel, OutgoingMessage, SendOutcome } from './channel-sender';

/** A message taken for sending: the lease is `attempt` (the row's attempt count after taking it). */
export type TakenMessage = OutgoingMessage;

/** What became of one attempt, as the dispatcher decided it from the provider's outcome. */
export interface AttemptResult {
  readonly notificationId: string;
  readonly attempt: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly outcome: SendOutcome;
  /** pending (to retry at `nextAttemptAt`), sent (accepted), or failed (permanent, or out of attempts). */
  readonly status: 'pending' | 'sent' | 'failed';
  readonly nextAttemptAt: Date | null;
}

/** A delivery report from a provider: the message reached the person's device or mailbox, or it did not. */
export interface DeliveryReport {
  readonly channel: DeliveryChannel;
  /** Our id (the idempotency key we sent it with); or the provider's id for it. */
  readonly notificationId?: string;
  readonly providerMessageId?: string;
  readonly delivered: boolean;
  readonly at: Date;
  readonly detail: string;
}

/**
 * The delivery side of the notification aggregate (`notification`'s delivery columns, `notification_attempt`):
 * taking due messages, recording attempts and delivery reports. Each statement is a named prepared one
 * (docs/adr/010-data-access.md) and runs on its own: no transaction is held while a provider answers.
 */
@Injectable()
export class DeliveryStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes at most `limit` due messages of `channel` (oldest due first), skipping those another dispatcher holds,
   * and moves each one's due time a lease ahead: a dispatcher that dies mid-send leaves them due again when the
   * lease ends, to be sent again under the same idempotency key. The attempt number returned is the lease: the
   * result is recorded only while the row still has it.
   */
  take(channel: DeliveryChannel, limit: number, now: Date, leaseMs: number): Promise<TakenMessage[]> {
    return queryPrepared<TakenMessage>(
      this.dataSource.manager,
      'notification.take-due',
      `WITH due AS (
         SELECT id FROM notification
          WHERE status = 'pending' AND next_attempt_at <= $1 AND channel = $2
          ORDER BY next_attempt_at LIMIT $3
            FOR UPDATE SKIP LOCKED)
       UPDATE notification n SET next_attempt_at = $1::timestamptz + make_interval(secs => $4::double precision / 1000), attempts = n.attempts + 1
         FROM due WHERE n.id = due.id
       RETURNING n.id AS "notificationId", n.channel, n.recipient, n.subject, n.body, n.dossier_code AS "dossierCode", n.attempts AS attempt`,
      [now, channel, limit, leaseMs],
    );
  }

  /**
   * Records a batch of attempts: each is appended to the history; the message's state changes only while the
   * row still holds that attempt's lease and is pending (a dispatcher whose lease ran out records its attempt but
   * leaves the state to the one that took the message again). A delivery report that arrived before this commit
   * keeps its word (delivered stays delivered). Returns how many messages changed state.
   */
  async record(results: readonly AttemptResult[]): Promise<number> {
    if (results.length === 0) return 0;
    const rows = results.map((r) => ({
      id: r.notificationId,
      attempt: r.attempt,
      started_at: r.startedAt,
      finished_at: r.finishedAt,
      outcome: r.outcome.kind,
      response: r.outcome.kind === 'accepted' ? r.outcome.response : null,
      error: r.outcome.kind === 'accepted' ? null : r.outcome.error,
      provider_message_id: r.outcome.kind === 'accepted' ? (r.outcome.providerMessageId ?? null) : null,
      status: r.status,
      next_attempt_at: r.nextAttemptAt,
    }));
    const [{ changed }] = await queryPrepared<{ changed: number }>(
      this.dataSource.manager,
      'notification.record-attempts',
      `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, attempt int, started_at timestamptz, finished_at timestamptz, outcome text,
                                                           response text, error text, provider_message_id text, status text, next_attempt_at timestamptz)),
       a AS (
         INSERT INTO notification_attempt (notification_id, attempt, started_at, finished_at, outcome, response, error)
         SELECT id, attempt, started_at, finished_at, outcome, response, error FROM r),
       u AS (
         UPDATE notification n
            SET status = r.status, next_attempt_at = r.next_attempt_at,
                sent_at = CASE WHEN r.status = 'sent' THEN r.finished_at ELSE n.sent_at END,
                provider_message_id = COALESCE(r.provider_message_id, n.provider_message_id),
                last_error = r.error
           FROM r
          WHERE n.id = ANY ($2::uuid[]) AND n.id = r.id AND n.attempts = r.attempt AND n.status = 'pending'
         RETURNING n.id)
       SELECT count(*)::int AS changed FROM u`,
      // the ids again as an array: joined to the input alone, the log would be read by a sequential scan
      [JSON.stringify(rows), rows.map((r) => r.id)],
    );
    return changed;
  }

  /**
   * A provider's delivery report: sent (or still being recorded as sent) → delivered / undelivered, appended to the
   * history. A report repeated, or about a message already settled, changes nothing: false.
   */
  async report(r: DeliveryReport): Promise<boolean> {
    const [{ changed }] = await queryPrepared<{ changed: number }>(
      this.dataSource.manager,
      'notification.delivery-report',
      `WITH u AS (
         UPDATE notification
            SET status = CASE WHEN $4 THEN 'delivered' ELSE 'undelivered' END, delivered_at = CASE WHEN $4 THEN $5::timestamptz END,
                sent_at = COALESCE(sent_at, $5), next_attempt_at = NULL, last_error = CASE WHEN $4 THEN NULL ELSE $6 END
          WHERE channel = $1 AND (id = $2::uuid OR ($2::uuid IS NULL AND provider_message_id = $3)) AND status IN ('pending', 'sent')
         RETURNING id, attempts),
       a AS (
         INSERT INTO notification_attempt (notification_id, attempt, started_at, finished_at, outcome, response)
         SELECT id, attempts, $5, $5, CASE WHEN $4 THEN 'delivered' ELSE 'undelivered' END, $6 FROM u)
       SELECT count(*)::int AS changed FROM u`,
      [r.channel, r.notificationId ?? null, r.providerMessageId ?? null, r.delivered, r.at, r.detail],
    );
    return changed === 1;
  }

  /** How many messages wait for their channel, and how long the oldest due one has waited (seconds), per channel. */
  queue(now: Date): Promise<{ channel: DeliveryChannel; depth: number; oldestDueSeconds: number }[]> {
    return queryPrepared(
      this.dataSource.manager,
      'notification.queue',
      `SELECT channel, count(*)::int AS depth,
              COALESCE(extract(epoch FROM $1::timestamptz - min(next_attempt_at) FILTER (WHERE next_attempt_at <= $1::timestamptz)), 0)::float AS "oldestDueSeconds"
         FROM notification WHERE status = 'pending' AND next_attempt_at IS NOT NULL GROUP BY channel`,
      [now],
    );
  }
}
