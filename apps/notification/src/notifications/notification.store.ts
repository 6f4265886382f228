import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId, queryPrepared } from '@motcua/persistence';
import type { NotificationDraft } from './notification-draft';

/**
 * The notification aggregate's writes (the delivery log, `notification`), each in the caller's transaction
 * (`manager`). The log's list is read by `NotificationQueries`.
 */
@Injectable()
export class NotificationStore {
  /**
   * The notification that an event and a template give, once: the inbox already filters redeliveries; the unique
   * (event, template) covers a replay that bypasses it (the inbox purged). Returns its id, or null when it was
   * recorded already. The id may be given: a webhook's body names its own delivery id.
   */
  async recordOnce(manager: EntityManager, eventMessageId: string, draft: NotificationDraft, id: string = newId()): Promise<string | null> {
    const [inserted] = await queryPrepared<{ id: string }>(
      manager,
      'notification.record',
      // a message for a channel is due at once; an officer's is in their inbox at once
      `INSERT INTO notification (id, dossier_code, receiving_agency_code, event_message_id, template_key, channel, recipient, subject, body, status,
                                 next_attempt_at, delivered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
               CASE WHEN $10 = 'pending' THEN now() END, CASE WHEN $10 = 'delivered' THEN now() END)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        id,
        draft.dossierCode,
        draft.receivingAgencyCode,
        eventMessageId,
        draft.templateKey,
        draft.channel,
        draft.recipient,
        draft.subject,
        draft.body,
        draft.status,
      ],
    );
    return inserted?.id ?? null;
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
