import { Injectable, Logger } from '@nestjs/common';
import type { Transaction } from '@motcua/messaging';
import { newId } from '@motcua/persistence';
import { type SubscribedEvent, webhookDelivery } from '../webhooks/webhook-events';
import { WebhookSubscriptionStore } from '../webhooks/webhook-subscription.store';
import type { NotificationDraft } from './notification-draft';
import { NotificationStore } from './notification.store';

/**
 * Use case: what an event means to someone, decided by the pure rules (a draft each, null when nobody is to be
 * told), and, for an event offered to webhook subscribers, one delivery to each subscription of its agency that
 * wants it → recorded in the delivery log, waiting for its channel. Runs in the inbox transaction of the consumed
 * event, once per event and template (a webhook's template is its subscription).
 */
@Injectable()
export class RecordNotifications {
  private readonly logger = new Logger(RecordNotifications.name);

  constructor(
    private readonly store: NotificationStore,
    private readonly subscriptions: WebhookSubscriptionStore,
  ) {}

  async execute(
    drafts: readonly (NotificationDraft | null)[],
    eventMessageId: string,
    tx: Transaction,
    subscribed: SubscribedEvent | null = null,
  ): Promise<void> {
    for (const draft of drafts) {
      if (draft) await this.record(draft, eventMessageId, tx);
    }
    if (!subscribed) return;
    for (const subscriptionId of await this.subscriptions.receiving(tx.manager, subscribed.agencyCode, subscribed.type)) {
      // the delivery's id is in its body (the receiver's idempotency key), so it is chosen before it is written
      const deliveryId = newId();
      await this.record(webhookDelivery(subscriptionId, subscribed, deliveryId), eventMessageId, tx, deliveryId);
    }
  }

  /** Writes a notification once per event and template. */
  private async record(draft: NotificationDraft, eventMessageId: string, tx: Transaction, id?: string): Promise<void> {
    const notificationId = await this.store.recordOnce(tx.manager, eventMessageId, draft, id);
    if (!notificationId) {
      this.logger.debug({ dossierCode: draft.dossierCode, eventMessageId, templateKey: draft.templateKey }, 'notification already recorded');
      return;
    }
    // the row is the record of it (GET /notifications); a line per message is for an operator who turns it up
    this.logger.debug(
      { dossierCode: draft.dossierCode, notificationId, templateKey: draft.templateKey, channel: draft.channel, status: draft.status },
      draft.status === 'no_contact' ? 'notification recorded: the applicant left no contact' : 'notification recorded',
    );
  }
}
