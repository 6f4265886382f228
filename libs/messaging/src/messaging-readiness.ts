import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AmqpConnection } from './amqp-connection';
import { outboxLag } from './outbox/outbox.store';

export interface ReadinessResult {
  up: boolean;
  details: Record<string, unknown>;
}

/** The broker half of `/health/ready`: down while the connection is down; the outbox lag is reported with it. */
@Injectable()
export class MessagingReadiness {
  readonly name = 'broker';

  constructor(
    private readonly connection: AmqpConnection,
    private readonly dataSource: DataSource,
  ) {}

  async check(): Promise<ReadinessResult> {
    const connected = this.connection.isConnected;
    const details: Record<string, unknown> = { connected };
    try {
      const lag = await outboxLag(this.dataSource);
      details.outboxPending = lag.pending;
      details.outboxOldestUnsentSeconds = Math.round(lag.oldest);
    } catch (err) {
      details.outboxError = err instanceof Error ? err.message : String(err);
    }
    return { up: connected, details };
  }
}
