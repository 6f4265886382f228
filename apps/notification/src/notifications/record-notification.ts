import { Injectable } from '@nestjs/common';
import type { Transaction } from '@motcua/messaging';
import { newId } from '@motcua/persistence';
import { type SubscribedEvent, webhookDelivery } from '../webhooks/webhook-events';
import { ReceivingSubscriptions } from '../webhooks/receiving-subscriptions';
import type { NotificationDraft } from './notification-draft';
import { NotificationStore } from './notification.store';

/**
 * Use case: what an event means to someone, decided by the pure rules (a draft each, null when nobody is to be
 * told), and, for an event offered to webhook subscribers, one delivery to each subscription of its agency that
 * wants it → recorded in the delivery log, waiting for its channel. Runs in the inbox transaction of the consumed
 * event, once per event and template (a webhook's template is its subscription); the rows of a consumer's batch are
 * written together as it commits.
 */
@Injectable()
export class RecordNotifications {
  constructor(
    private readonly store: NotificationStore,
    private readonly subscriptions: ReceivingSubscriptions,
  ) {}

  async execute(
    drafts: readonly (NotificationDraft | null)[],
    eventMessageId: string,
    tx: Transaction,
    subscribed: SubscribedEvent | null = null,
  ): Promise<void> {
    for (const draft of drafts) {
      if (draft) this.store.recordOnce(tx, eventMessageId, draft);
    }
    if (!subscribed) return;
    for (const subscriptionId of await this.subscriptions.of(subscribed.agencyCode, subscribed.type)) {
      // the delivery's id is in its body (the receiver's idempotency key), so it is chosen before it is written
      const deliveryId = newId();
      this.store.recordOnce(tx, eventMessageId, webhookDelivery(subscriptionId, subscribed, deliveryId), deliveryId);
    }
  }
}
