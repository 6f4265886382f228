import { Module } from '@nestjs/common';
import { CreateWebhookSubscription } from './create-webhook-subscription';
import { DeactivateWebhookSubscription } from './deactivate-webhook-subscription';
import { EnableWebhookSubscription } from './enable-webhook-subscription';
import { WebhookSender } from './webhook.sender';
import { WebhookSubscriptionQueries } from './webhook-subscription.queries';
import { WebhookSubscriptionStore } from './webhook-subscription.store';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';

/**
 * Webhooks: agencies' systems subscribed to their dossier events (the administrators' API) and the channel's
 * adapter. Delivery lists it as a channel; the notifications' use case reads the subscriptions to fan events out.
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
  ],
  exports: [WebhookSender, WebhookSubscriptionStore],
})
export class WebhooksModule {}
