import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import type { DeliveryChannel } from './channel-sender';
import { type AttemptResult, DeliveryStore } from './delivery.store';

/**
 * On the service's registry (served at /metrics): `notification_attempts_total{channel,outcome}` (accepted,
 * transient, permanent), `notification_messages_total{channel,status}` (sent, failed, delivered, undelivered),
 * and, read from the log when scraped, `notification_queue_depth{channel}` and
 * `notification_oldest_due_seconds{channel}`.
 */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: Counter<'channel' | 'outcome'>;
  private readonly messages: Counter<'channel' | 'status'>;

  constructor(registry: Registry, store: DeliveryStore) {
    this.attempts = new Counter({
      name: 'notification_attempts_total',
      help: 'Attempts to hand a message to its provider, by channel and outcome',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    });
    this.messages = new Counter({
      name: 'notification_messages_total',
      help: 'Messages that reached a state: sent, failed, delivered, undelivered',
      labelNames: ['channel', 'status'] as const,
      registers: [registry],
    });
    let queue: Promise<{ channel: DeliveryChannel; depth: number; oldestDueSeconds: number }[]> | undefined;
    // both gauges from one read per scrape
    const read = () => (queue ??= store.queue(new Date()).finally(() => setTimeout(() => (queue = undefined), 100).unref()));
    new Gauge({
      name: 'notification_queue_depth',
      help: 'Messages waiting for their channel (due now or retrying later)',
      labelNames: ['channel'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await read()) this.set({ channel: row.channel }, row.depth);
      },
    });
    new Gauge({
      name: 'notification_oldest_due_seconds',
      help: 'How long the oldest due message has waited past its due time',
      labelNames: ['channel'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await read()) this.set({ channel: row.channel }, row.oldestDueSeconds);
      },
    });
  }

  attempted(channel: DeliveryChannel, result: AttemptResult): void {
    this.attempts.inc({ channel, outcome: result.outcome.kind });
    if (result.status !== 'pending') this.messages.inc({ channel, status: result.status });
  }

  reported(channel: DeliveryChannel, delivered: boolean): void {
    this.messages.inc({ channel, status: delivered ? 'delivered' : 'undelivered' });
  }
}
