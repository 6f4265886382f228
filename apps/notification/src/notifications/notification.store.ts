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
}
