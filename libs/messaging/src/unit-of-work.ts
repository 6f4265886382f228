import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { eventClassOf } from '@motcua/contracts';
import { RequestContext } from '@motcua/observability';
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

export class OutboxTransaction implements Transaction {
  constructor(readonly manager: EntityManager) {}

  async publish(event: object): Promise<void> {
    const cls = eventClassOf(event);
    const json = JSON.stringify(event);
    const { problems } = await toValidEvent(cls, JSON.parse(json));
    if (problems.length > 0) throw new InvalidEventError(cls.type, problems);
    const context = RequestContext.current();
    await this.manager.query(
      `INSERT INTO outbox_message (id, type, version, payload, correlation_id, causation_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), cls.type, cls.version, json, context?.correlationId ?? randomUUID(), context?.causationId ?? null],
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
    const result = await this.dataSource.transaction((manager) => work(new OutboxTransaction(manager)));
    this.relay.wake();
    return result;
  }
}
