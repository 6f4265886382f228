import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { readEnvironment } from '@motcua/config';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, newId, runIdempotent } from '@motcua/persistence';
import { ReceivingSubscriptions } from './receiving-subscriptions';
import { checkSubscription } from './subscription-rules';
import { WebhookEnvironment } from './webhook.environment';
import { WebhookSubscriptionStore } from './webhook-subscription.store';
import { type CreatedWebhookSubscription, toWebhookSubscriptionView } from './webhook-subscription.view';

export interface NewSubscriptionRequest {
  readonly agencyCode: string;
  readonly url: string;
  readonly events?: readonly string[];
}

/** 256 random bits, prefixed so that a leaked one is recognised for what it is (by people and secret scanners). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Use case: an administrator subscribes an agency's system to its dossier events. The URL and event types are
 * checked by the rules; the secret is made here and answered once (a retry under the same Idempotency-Key gets the
 * same answer, secret included, from the idempotency record: the same database holds the secret anyway).
 */
@Injectable()
export class CreateWebhookSubscription {
  private readonly env = readEnvironment(WebhookEnvironment);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly subscriptions: WebhookSubscriptionStore,
    private readonly receiving: ReceivingSubscriptions,
  ) {}

  async execute(
    request: NewSubscriptionRequest,
    admin: Principal,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<CreatedWebhookSubscription> & { replayed: boolean }> {
    const events = [...new Set(request.events ?? [])];
    const refusal = checkSubscription({ url: request.url, events }, this.env.WEBHOOK_ALLOW_LOCAL_HTTP === 'true');
    if (refusal) throw refusal;
    const created = await this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async (): Promise<CommandResponse<CreatedWebhookSubscription>> => {
        const secret = newWebhookSecret();
        const created = await this.subscriptions.create(tx.manager, {
          id: newId(),
          agencyCode: request.agencyCode,
          url: request.url,
          secret,
          events,
          createdBy: admin.subject,
        });
        return { status: 201, body: { ...toWebhookSubscriptionView(created), secret } };
      }),
    );
    // from the next event on, it receives (a replay changed nothing, and costs one read)
    await this.receiving.changed();
    return created;
  }
}
