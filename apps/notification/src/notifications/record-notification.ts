import { Injectable, Logger } from '@nestjs/common';
import type { Transaction } from '@motcua/messaging';
import type { NotificationDraft } from './notification-draft';
import { NotificationStore } from './notification.store';

/**
 * Use case: what an event means to someone, decided by the pure rules (a draft each, null when nobody is to be
 * told) → recorded in the delivery log, waiting for its channel. Runs in the inbox transaction of the consumed
 * event, once per event and template.
 */
@Injectable()
export class RecordNotifications {
  private readonly logger = new Logger(RecordNotifications.name);

  constructor(private readonly store: NotificationStore) {}

  async execute(drafts: readonly (NotificationDraft | null)[], eventMessageId: string, tx: Transaction): Promise<void> {
    for (const draft of drafts) {
      if (draft) await this.record(draft, eventMessageId, tx);
    }
  }

  /** Writes a notification once per event and template. */
  private async record(draft: NotificationDraft, eventMessageId: string, tx: Transaction): Promise<void> {
    const notificationId = await this.store.recordOnce(tx.manager, eventMessageId, draft);
    if (!notificationId) {
      this.logger.log({ dossierCode: draft.dossierCode, eventMessageId, templateKey: draft.templateKey }, 'notification already recorded');
      return;
    }
    this.logger.log(
      { dossierCode: draft.dossierCode, notificationId, templateKey: draft.templateKey, channel: draft.channel, status: draft.status },
      draft.status === 'no_contact' ? 'notification recorded: the applicant left no contact' : 'notification recorded',
    );
  }
}
