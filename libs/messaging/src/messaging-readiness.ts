import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AmqpConnection } from './amqp-connection';

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
      const [lag] = (await this.dataSource.query(
        `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest
           FROM outbox_message WHERE sent_at IS NULL`,
      )) as { pending: number; oldest: number }[];
      details.outboxPending = lag.pending;
      details.outboxOldestUnsentSeconds = Math.round(lag.oldest);
    } catch (err) {
      details.outboxError = err instanceof Error ? err.message : String(err);
    }
    return { up: connected, details };
  }
}
