import type { WebhookTemplateKey } from '../webhooks/webhook-events';
import type { Channel } from './recipient';
import type { TemplateKey } from './templates/message-templates';

/**
 * A new notification's status. 'pending': waiting for its channel (email, SMS, webhook) to send it; 'delivered':
 * an officer's, in their work inbox at once; 'no_contact': the applicant gave no way to reach them, recorded so
 * the desk can see who was not told. Delivery then moves a pending one to sent, delivered, undelivered or failed.
 */
export type NotificationStatus = 'pending' | 'delivered' | 'no_contact';

/** A notification decided and rendered, not yet stored: what the pure rules hand to the use case. */
export interface NotificationDraft {
  readonly dossierCode: string;
  /** The desk that received the dossier: whose officers may read the notification. */
  readonly receivingAgencyCode: string;
  /** A message template's key; a webhook delivery's is its subscription's (`webhook:<id>`). */
  readonly templateKey: TemplateKey | WebhookTemplateKey;
  readonly channel: Channel;
  readonly recipient: string | null;
  readonly subject: string;
  readonly body: string;
  readonly status: NotificationStatus;
}
