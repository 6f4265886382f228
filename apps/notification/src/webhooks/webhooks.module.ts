import { Module } from '@nestjs/common';
import { CreateWebhookSubscription } from './create-webhook-subscription';
import { DeactivateWebhookSubscription } from './deactivate-webhook-subscription';
import { EnableWebhookSubscription } from './enable-webhook-subscription';
import { ReceivingSubscriptions } from './receiving-subscriptions';
import { WebhookSender } from './webhook.sender';
import { WebhookSubscriptionQueries } from './webhook-subscription.queries';
import { WebhookSubscriptionStore } from './webhook-subscription.store';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';

/**
 * Webhooks: agencies' systems subscribed to their dossier events (the administrators' API) and the channel's
 * adapter. Delivery lists it as a channel; the notifications' use case fans events out to the receiving subscriptions.
 */
@Module({
  controllers: [WebhookSubscriptionsController],
  providers: [
    WebhookSubscriptionStore,
    WebhookSubscriptionQueries,
    CreateWebhookSubscription,
    DeactivateWebhookSubscription,
    EnableWebhookSubscription,
    WebhookSender,
    ReceivingSubscriptions,
  ],
  exports: [WebhookSender, ReceivingSubscriptions],
})
export class WebhooksModule {}
