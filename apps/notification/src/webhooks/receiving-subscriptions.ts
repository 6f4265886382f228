import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { readEnvironment } from '@motcua/config';
import { BackgroundLoop } from '@motcua/bootstrap';
import { WebhookEnvironment } from './webhook.environment';
import { type ReceivingSubscription, WebhookSubscriptionStore } from './webhook-subscription.store';

/** Whether a subscription asking for `events` receives an event of `type`: none asked for is every one. */
export const receives = (events: readonly string[], type: string): boolean => events.length === 0 || events.includes(type);

/**
 * The subscriptions that receive events now (active, not disabled), by agency, oldest first: the fan-out reads it
 * for every consumed dossier event, two or three a dossier, and almost always finds none, so it is held in memory
 * instead of asked of the table each time (docs/adr/021-round-trips.md). This instance re-reads it after its own
 * changes, before the command that made them answers; another instance's changes reach it within
 * `WEBHOOK_SUBSCRIPTIONS_REFRESH_MS`. A copy older than twice that (its refreshes failing) is not trusted: the next
 * look-up reads the table first. The table holds what administrators created: a few rows per agency at most.
 */
@Injectable()
export class ReceivingSubscriptions implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReceivingSubscriptions.name);
  private readonly refreshMs = readEnvironment(WebhookEnvironment).WEBHOOK_SUBSCRIPTIONS_REFRESH_MS;
  private byAgency = new Map<string, ReceivingSubscription[]>();
  /** When the copy held was read (the start of its reading), and when this instance last changed a subscription. */
  private loadedAt = Number.NEGATIVE_INFINITY;
  private changedAt = Number.NEGATIVE_INFINITY;
  /** Reloads run one after another, so one asked for after a commit reads that commit. */
  private reloads: Promise<void> = Promise.resolve();
  private readonly loop = new BackgroundLoop(
    'webhook subscriptions refresh',
    async () => {
      // a copy read since the last round (at start, or after a change here) is not read again before it is due
      const age = performance.now() - this.loadedAt;
      if (age < this.refreshMs) return this.refreshMs - age;
      await this.reload();
      return this.refreshMs;
    },
    this.refreshMs,
  );

  constructor(private readonly store: WebhookSubscriptionStore) {}

  /** Read before the consumer starts; if it cannot be, the first look-up reads it. */
  async onModuleInit(): Promise<void> {
    await this.reload().catch((error: unknown) => this.warn(error));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** The ids of an agency's subscriptions that receive `type` now, oldest first. */
  async of(agencyCode: string, type: string): Promise<string[]> {
    if (this.loadedAt < this.changedAt || performance.now() - this.loadedAt > 2 * this.refreshMs) await this.reload();
    return (this.byAgency.get(agencyCode) ?? []).filter((s) => receives(s.events, type)).map((s) => s.id);
  }

  /**
   * After this instance changed a subscription (committed): re-read now, so the next event is fanned out as the
   * change says. Until a read that started after the change has finished, the copy is not trusted (a failure is
   * logged, and the next look-up reads it).
   */
  async changed(): Promise<void> {
    this.changedAt = performance.now();
    await this.reload().catch((error: unknown) => this.warn(error));
  }

  private warn(error: unknown): void {
    this.logger.warn(`webhook subscriptions not read: ${error instanceof Error ? error.message : String(error)}`);
  }

  private reload(): Promise<void> {
    const next = this.reloads.then(async () => {
      const startedAt = performance.now();
      const byAgency = new Map<string, ReceivingSubscription[]>();
      for (const subscription of await this.store.allReceiving()) {
        const ofAgency = byAgency.get(subscription.agencyCode);
        if (ofAgency) ofAgency.push(subscription);
        else byAgency.set(subscription.agencyCode, [subscription]);
      }
      this.byAgency = byAgency;
      this.loadedAt = startedAt;
    });
    this.reloads = next.catch(() => undefined);
    return next;
  }
}
