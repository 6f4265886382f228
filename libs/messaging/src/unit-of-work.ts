import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { eventClassOf } from '@motcua/contracts';
import { RequestContext } from '@motcua/observability';
import { newId, queryPrepared } from '@motcua/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxRelay } from './outbox/outbox-relay';
import { toValidEvent } from './payload';

/** One database transaction, and the only way to publish an event: as an outbox row in that transaction. */
export interface Transaction {
  /** The EntityManager bound to the transaction: every write through it commits or rolls back with the events. */
  readonly manager: EntityManager;
  /**
   * Appends the event to the outbox in this transaction. The event is validated against its contract class
   * first: a producer bug fails the producer's own transaction instead of poisoning every consumer.
   */
  publish(event: object): Promise<void>;
}

/** Raised by `Transaction.publish` when an event does not satisfy its own contract class. */
export class InvalidEventError extends Error {
  constructor(
    readonly type: string,
    readonly problems: string[],
  ) {
    super(`event ${type} does not satisfy its contract: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/**
 * Events published in a transaction are validated at once and written together, as one multi-row INSERT, when
 * the work is done and just before the commit: a use case that publishes two events costs one round trip.
 */
export class OutboxTransaction implements Transaction {
  private readonly pending: unknown[][] = [];

  constructor(readonly manager: EntityManager) {}

  async publish(event: object): Promise<void> {
    const cls = eventClassOf(event);
    const json = JSON.stringify(event);
    const { problems } = await toValidEvent(cls, JSON.parse(json));
    if (problems.length > 0) throw new InvalidEventError(cls.type, problems);
    const context = RequestContext.current();
    this.pending.push([newId(), cls.type, cls.version, json, context?.correlationId ?? randomUUID(), context?.causationId ?? null]);
  }

  /** Writes the published events; called by the unit of work and the consumer after the work, before commit. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending.splice(0);
    const values = rows.map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`);
    await queryPrepared(
      this.manager,
      `messaging.outbox-insert.${rows.length}`,
      `INSERT INTO outbox_message (id, type, version, payload, correlation_id, causation_id) VALUES ${values.join(', ')}`,
      rows.flat(),
    );
  }
}

/**
 * Runs a use case in one database transaction. Events published through the transaction are outbox rows that
 * commit with the state change; once the transaction has committed, the relay is woken so they leave at once.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = new OutboxTransaction(manager);
      const value = await work(tx);
      await tx.flush();
      return value;
    });
    this.relay.wake();
    return result;
  }
}
