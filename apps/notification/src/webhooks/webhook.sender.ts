import { Injectable, Logger } from '@nestjs/common';
import { readEnvironment } from '@motcua/config';
import type { ChannelSender, OutgoingMessage, SendOutcome } from '../delivery/channel-sender';
import { DeliveryEnvironment } from '../delivery/delivery.environment';
import { disableReason } from './sustained-failure';
import { WebhookEnvironment } from './webhook.environment';
import { outcomeOfNetworkError, outcomeOfResponse } from './webhook-response';
import { signWebhook } from './webhook-signature';
import { ReceivingSubscriptions } from './receiving-subscriptions';
import { type WebhookTarget, WebhookSubscriptionStore } from './webhook-subscription.store';

/** The headers receivers read (docs/webhooks.md). */
export const WebhookHeaders = {
  delivery: 'X-MotCua-Delivery',
  event: 'X-MotCua-Event',
  timestamp: 'X-MotCua-Timestamp',
  signature: 'X-MotCua-Signature',
} as const;

/**
 * The 'webhook' channel's adapter: a delivery (recipient: the subscription's id, subject: the event type, body: the
 * envelope) is POSTed, signed, to the subscription's URL as it is now. Whether it went decides the subscription's
 * failure streak: a success ends it, a failure adds to it, and a streak long in count and in time disables the
 * subscription, after which its deliveries fail at once with the reason. Retries are the dispatcher's.
 */
@Injectable()
export class WebhookSender implements ChannelSender {
  readonly channel = 'webhook' as const;
  private readonly logger = new Logger(WebhookSender.name);
  private readonly env = readEnvironment(WebhookEnvironment);
  // our request is abandoned when the dispatcher stops waiting for it, not left open
  private readonly timeoutMs = readEnvironment(DeliveryEnvironment).DELIVERY_SEND_TIMEOUT_MS;

  constructor(
    private readonly subscriptions: WebhookSubscriptionStore,
    private readonly receiving: ReceivingSubscriptions,
  ) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const target = await this.subscriptions.target(message.recipient);
    if (!target) return { kind: 'permanent', error: `webhook subscription ${message.recipient} does not exist` };
    const closed = closedSubscription(target);
    if (closed) return closed;
    const { outcome, gone } = await this.post(target, message);
    await this.recordOutcome(target.id, outcome, gone);
    return outcome;
  }

  /** The signed POST, and whether the receiver answered 410 Gone. */
  private async post(target: WebhookTarget, message: OutgoingMessage): Promise<{ outcome: SendOutcome; gone: boolean }> {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'MotCua-Webhooks/1',
          [WebhookHeaders.delivery]: message.notificationId,
          [WebhookHeaders.event]: message.subject,
          [WebhookHeaders.timestamp]: String(timestamp),
          [WebhookHeaders.signature]: signWebhook(target.secret, timestamp, message.body),
        },
        body: message.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const outcome = outcomeOfResponse(response.status, response.headers.get('retry-after'), (await response.text()).trim(), new Date());
      return { outcome, gone: response.status === 410 };
    } catch (error) {
      return { outcome: outcomeOfNetworkError(error), gone: false };
    }
  }

  /**
   * The subscription's streak after this attempt; disabled when it has failed long enough, or at once on 410 Gone.
   * The bookkeeping failing (the database away) does not change what the receiver answered: it is logged.
   */
  private async recordOutcome(id: string, outcome: SendOutcome, gone: boolean): Promise<void> {
    try {
      if (outcome.kind === 'accepted') {
        await this.subscriptions.succeeded(id);
        return;
      }
      const now = new Date();
      const streak = await this.subscriptions.failed(id, now, outcome.error);
      const settings = { afterFailures: this.env.WEBHOOK_DISABLE_AFTER_FAILURES, afterHours: this.env.WEBHOOK_DISABLE_AFTER_HOURS };
      const reason = disableReason({ error: outcome.error, gone }, streak, now, settings);
      if (reason && (await this.subscriptions.disable(id, now, reason))) {
        await this.receiving.changed();
        this.logger.warn({ subscriptionId: id, consecutiveFailures: streak.consecutiveFailures, reason }, 'webhook subscription disabled');
      }
    } catch (error) {
      this.logger.warn(`webhook subscription ${id}: its failure count was not updated: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** A subscription that may no longer receive: its deliveries fail at once (permanent), saying why. */
function closedSubscription(target: WebhookTarget): SendOutcome | null {
  if (!target.active) return { kind: 'permanent', error: `webhook subscription ${target.id} was deactivated` };
  if (target.disabledAt) return { kind: 'permanent', error: `webhook subscription ${target.id} is disabled: ${target.disabledReason ?? ''}` };
  return null;
}
