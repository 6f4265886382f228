import { Refusal } from '@motcua/errors';
import type { WebhookSubscriptionRecord } from './webhook-subscription';
import { type WebhookSubscriptionView, toWebhookSubscriptionView } from './webhook-subscription.view';

/** 404 for an id that names no subscription (or is no id at all). */
export const webhookSubscriptionNotFound = (id: string) => new Refusal('WEBHOOK.NOT_FOUND', `No webhook subscription ${id}`);

/** The subscription a command changed, as administrators see it; none found is the 404. */
export function foundSubscription(id: string, changed: WebhookSubscriptionRecord | null): WebhookSubscriptionView {
  if (!changed) throw webhookSubscriptionNotFound(id);
  return toWebhookSubscriptionView(changed);
}
