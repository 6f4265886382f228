import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AmqpConnection } from './amqp-connection';
import { outboxLag } from './outbox/outbox.store';

export interface ReadinessResult {
  up: boolean;
  details: Record<string, unknown>;
}

/** How long the outbox lag may take to read: it is reported, never waited for behind a busy pool. */
const LAG_TIMEOUT_MS = 750;

/**
 * The broker half of `/health/ready`: down while the connection is down; the outbox lag is reported with it. The
 * lag is read once at a time (probes that arrive while it is read share the reading) and for `LAG_TIMEOUT_MS` at
 * most: a storm of probes, or a pool whose every connection is taken, costs one query and no wait.
 */
@Injectable()
export class MessagingReadiness {
  readonly name = 'broker';
  private reading?: Promise<{ pending: number; oldest: number }>;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly dataSource: DataSource,
  ) {}

  async check(): Promise<ReadinessResult> {
    const connected = this.connection.isConnected;
    const details: Record<string, unknown> = { connected };
    let timer: NodeJS.Timeout | undefined;
    try {
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${LAG_TIMEOUT_MS} ms`)), LAG_TIMEOUT_MS)));
      const lag = await Promise.race([this.lag(), late]);
      details.outboxPending = lag.pending;
      details.outboxOldestUnsentSeconds = Math.round(lag.oldest);
    } catch (err) {
      details.outboxError = err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
    }
    return { up: connected, details };
  }

  private lag(): Promise<{ pending: number; oldest: number }> {
    if (!this.reading) {
      const reading = outboxLag(this.dataSource);
      this.reading = reading;
      const done = () => {
        if (this.reading === reading) this.reading = undefined;
      };
      reading.then(done, done);
    }
    return this.reading;
  }
}
