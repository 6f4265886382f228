import { Injectable, Logger } from '@nestjs/common';
import { PerTransaction, type Transaction } from '@motcua/messaging';
import type { EntityManager } from 'typeorm';
import { newId, queryPrepared } from '@motcua/persistence';
import type { NotificationDraft } from './notification-draft';

/** A notification gathered in a transaction, to be written when it commits. */
interface GatheredNotification extends NotificationDraft {
  readonly id: string;
  readonly eventMessageId: string;
}

/**
 * The notification aggregate's writes (the delivery log, `notification`), each in the caller's transaction
 * (`manager`). The log's list is read by `NotificationQueries`.
 */
@Injectable()
export class NotificationStore {
  private readonly logger = new Logger(NotificationStore.name);
  /** The notifications a transaction has gathered, written by one statement just before it commits. */
  private readonly gathered = new PerTransaction<GatheredNotification[]>(
    () => [],
    (tx, rows) => this.insertAll(tx.manager, rows),
  );

  /**
   * The notification that an event and a template give, once: the inbox already filters redeliveries; the unique
   * (event, template) covers a replay that bypasses it (the inbox purged). Gathered in the transaction (a consumer's
   * whole batch) and written by one statement before it commits. The id may be given: a webhook's body names its own
   * delivery id.
   */
  recordOnce(tx: Transaction, eventMessageId: string, draft: NotificationDraft, id: string = newId()): void {
    this.gathered.of(tx).push({ ...draft, id, eventMessageId });
  }

  private async insertAll(manager: EntityManager, rows: readonly GatheredNotification[]): Promise<void> {
    const inserted = await queryPrepared<{ id: string }>(
      manager,
      'notification.record-all',
      // a message for a channel is due at once; an officer's is in their inbox at once
      `INSERT INTO notification (id, dossier_code, receiving_agency_code, event_message_id, template_key, channel, recipient, subject, body, status,
                                 next_attempt_at, delivered_at)
       SELECT n.id, n."dossierCode", n."receivingAgencyCode", n."eventMessageId", n."templateKey", n.channel, n.recipient, n.subject, n.body, n.status,
              CASE WHEN n.status = 'pending' THEN now() END, CASE WHEN n.status = 'delivered' THEN now() END
         FROM jsonb_to_recordset($1::jsonb) AS n(id uuid, "dossierCode" text, "receivingAgencyCode" text, "eventMessageId" text,
              "templateKey" text, channel text, recipient text, subject text, body text, status text)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    // the rows are the record of it (GET /notifications); a line per write is for an operator who turns it up
    this.logger.debug({ recorded: inserted.length, alreadyRecorded: rows.length - inserted.length }, 'notifications recorded');
  }

  /** A message of the log with what deciding on its resending needs: whose dossier, its coordinator (if known). */
  async forResend(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; dossierCode: string; receivingAgencyCode: string; channel: string; status: string; coordinatorId: string | null } | undefined> {
    const [row] = await queryPrepared<{
      id: string;
      dossierCode: string;
      receivingAgencyCode: string;
      channel: string;
      status: string;
      coordinatorId: string | null;
    }>(
      manager,
      'notification.for-resend',
      `SELECT n.id, n.dossier_code AS "dossierCode", n.receiving_agency_code AS "receivingAgencyCode", n.channel, n.status,
              c.coordinator_id AS "coordinatorId"
         FROM notification n LEFT JOIN applicant_contact c ON c.dossier_code = n.dossier_code
        WHERE n.id = $1`,
      [id],
    );
    return row;
  }

  /** The same message again, as a new one (its own id, so its own idempotency key at the provider), due now. */
  async resend(manager: EntityManager, originalId: string, id: string = newId()): Promise<string> {
    const [row] = await queryPrepared<{ id: string }>(
      manager,
      'notification.resend',
      `INSERT INTO notification (id, dossier_code, receiving_agency_code, event_message_id, template_key, channel, recipient, subject, body, status,
                                 next_attempt_at, resend_of)
       SELECT $2::uuid, dossier_code, receiving_agency_code, 'resend:' || $2::text, template_key, channel, recipient, subject, body, 'pending', now(), id
         FROM notification WHERE id = $1
       RETURNING id`,
      [originalId, id],
    );
    return row.id;
  }
}
