import { Injectable } from '@nestjs/common';
import { ReceivingSubscriptions } from './receiving-subscriptions';
import { foundSubscription } from './webhook-subscription-not-found';
import { WebhookSubscriptionStore } from './webhook-subscription.store';
import type { WebhookSubscriptionView } from './webhook-subscription.view';

/**
 * Use case: an administrator, the receiver repaired, enables a disabled (or deactivated) subscription again: its
 * failure count starts from zero and the next events are delivered. Deliveries that failed while it was disabled are
 * not resent: the receiver learns of the dossiers' state from the next events. Repeating it changes nothing.
 */
@Injectable()
export class EnableWebhookSubscription {
  constructor(
    private readonly subscriptions: WebhookSubscriptionStore,
    private readonly receiving: ReceivingSubscriptions,
  ) {}

  async execute(id: string): Promise<WebhookSubscriptionView> {
    const subscription = foundSubscription(id, await this.subscriptions.enable(id));
    await this.receiving.changed();
    return subscription;
  }
}
