import type { Channel } from './recipient';
import type { TemplateKey } from './templates/message-templates';

/**
 * 'pending': waiting for its channel to send it (sending comes with the channels' issue);
 * 'no_contact': the applicant gave no way to reach them, recorded so the desk can see who was not told.
 */
export type NotificationStatus = 'pending' | 'no_contact';

/** A notification decided and rendered, not yet stored: what the pure rules hand to the use case. */
export interface NotificationDraft {
  readonly dossierCode: string;
  /** The desk that received the dossier: whose officers may read the notification. */
  readonly receivingAgencyCode: string;
  readonly templateKey: TemplateKey;
  readonly channel: Channel;
  readonly recipient: string | null;
  readonly subject: string;
  readonly body: string;
  readonly status: NotificationStatus;
}
