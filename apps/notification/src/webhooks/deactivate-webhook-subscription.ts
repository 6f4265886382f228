import { Injectable } from '@nestjs/common';
import { ReceivingSubscriptions } from './receiving-subscriptions';
import { foundSubscription } from './webhook-subscription-not-found';
import { WebhookSubscriptionStore } from './webhook-subscription.store';
import type { WebhookSubscriptionView } from './webhook-subscription.view';

/**
 * Use case: an administrator deletes a subscription. It is deactivated, not erased: its deliveries stay in the log
 * and name it; no event is recorded for it any more, and what was still pending fails when its turn comes. Repeating
 * it changes nothing.
 */
@Injectable()
export class DeactivateWebhookSubscription {
  constructor(
    private readonly subscriptions: WebhookSubscriptionStore,
    private readonly receiving: ReceivingSubscriptions,
  ) {}

  async execute(id: string): Promise<WebhookSubscriptionView> {
    const subscription = foundSubscription(id, await this.subscriptions.deactivate(id));
    await this.receiving.changed();
    return subscription;
  }
}
