import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type EventClass, eventClassOf } from '@motcua/contracts';
import { RequestContext } from '@motcua/observability';
import { newId } from '@motcua/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxRelay } from './outbox/outbox-relay';
import { insertOutboxRows } from './outbox/outbox.store';
import { contractProblems } from './payload';

/** One database transaction, and the only way to publish an event: as an outbox row in that transaction. */
export interface Transaction {
  /** The EntityManager bound to the transaction: every write through it commits or rolls back with the events. */
  readonly manager: EntityManager;
  /**
   * The events a consumer's transaction applies (its batch, in delivery order, duplicates left out); none in a
   * command's. For a use case that locks or reads, with one statement, what every event of the batch will need
   * (docs/adr/021-round-trips.md §14).
   */
  readonly events: readonly object[];
  /**
   * Appends the event to the outbox in this transaction. The event is validated against its contract class
   * first: a producer bug fails the producer's own transaction instead of poisoning every consumer.
   */
  publish(event: object): Promise<void>;
  /**
   * Runs after the transaction has committed (never if it rolls back): for what only committed state may
   * cause, such as refreshing an in-memory copy of what the transaction wrote.
   */
  afterCommit(callback: () => void): void;
  /**
   * Runs `write` once the work is done (every handler of a consumer's batch), just before the events are written and
   * the transaction commits: for rows a use case gathers over a batch and writes with one statement instead of one
   * each (docs/adr/021-round-trips.md). It may publish events; it runs outside any message's request context, so an
   * event it publishes names its cause only if it runs the publication under one (`RequestContext.run`). A failure
   * rolls the transaction back, as any.
   */
  beforeCommit(write: () => Promise<void>): void;
  /**
   * The events this use case has published so far, validated and handed over to be written by the caller's own next
   * statement (with `outboxInsert`) instead of one more statement at the end: on a hot path, one round trip fewer.
   * Null when there are none. In a consumer's batch, the events of the batch's earlier messages are not handed over
   * (a statement may write its events only if its change took): they are written as the transaction commits.
   */
  takeEvents(): Promise<string | null>;
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

/** An outbox row as it is written: the payload is the event itself (stored as jsonb). */
interface OutboxRecord {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly payload: object;
  readonly correlation_id: string;
  readonly causation_id: string | null;
}

/**
 * Events published in a transaction are recorded at once (so one published without `await` is not lost),
 * then validated and written together, as one INSERT, when the work is done and just before the commit: a use
 * case that publishes two events costs one round trip. Publishing after that point is a bug and throws.
 */
export class OutboxTransaction implements Transaction {
  private static readonly logger = new Logger('Transaction');
  /** Published by the current use case (in a consumer's batch: for the current message) and not taken yet. */
  private readonly pending: { cls: EventClass; record: OutboxRecord }[] = [];
  /** Published for the batch's earlier messages (or by a deferred write) and not taken: written by `flush`, never handed over. */
  private readonly earlier: { cls: EventClass; record: OutboxRecord }[] = [];
  private readonly commitCallbacks: (() => void)[] = [];
  private readonly beforeCommitWrites: (() => Promise<void>)[] = [];
  private flushed = false;
  private written = false;

  constructor(
    readonly manager: EntityManager,
    /** Without a transaction, events can only be written by the one statement that takes them. */
    private readonly inTransaction = true,
    readonly events: readonly object[] = [],
  ) {}

  publish(event: object): Promise<void> {
    const cls = eventClassOf(event);
    if (this.flushed) return Promise.reject(new Error(`${cls.type} published after its transaction's events were written`));
    const context = RequestContext.current();
    this.pending.push({
      cls,
      record: {
        id: newId(),
        type: cls.type,
        version: cls.version,
        payload: event,
        correlation_id: context?.correlationId ?? randomUUID(),
        causation_id: context?.causationId ?? null,
      },
    });
    return Promise.resolve();
  }

  /**
   * Called by the consumer before each message of a batch: what the earlier ones published is theirs, written as the
   * transaction commits. Handed over to this message's statement, it could be dropped with that statement's change
   * (a second acceptance of a dossier writes nothing, its events included).
   */
  nextMessage(): void {
    this.earlier.push(...this.pending.splice(0));
  }

  /** Whether any event was handed over to be written: only then has the relay something to send after the commit. */
  get wroteEvents(): boolean {
    return this.written;
  }

  afterCommit(callback: () => void): void {
    this.commitCallbacks.push(callback);
  }

  beforeCommit(write: () => Promise<void>): void {
    if (this.flushed) throw new Error("a write deferred after its transaction's events were written");
    this.beforeCommitWrites.push(write);
  }

  /**
   * Called once the transaction has committed. A callback that throws is logged: the work is done and must not
   * be reported (or retried) as failed.
   */
  committed(): void {
    for (const callback of this.commitCallbacks.splice(0)) {
      try {
        callback();
      } catch (err) {
        OutboxTransaction.logger.error(`an after-commit callback failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  async takeEvents(): Promise<string | null> {
    if (this.flushed) throw new Error("events taken after their transaction's events were written");
    if (this.pending.length === 0) return null;
    this.written = true;
    return this.validatedRows(this.pending.splice(0));
  }

  /**
   * Runs the deferred writes, then validates the published events against their contracts (a producer bug fails the
   * producer's own transaction instead of poisoning every consumer) and writes them. Called after the work, before commit.
   */
  async flush(): Promise<void> {
    if (this.beforeCommitWrites.length > 0 && !this.inTransaction) {
      throw new Error("a write deferred in one statement's work, which has no transaction to defer it to: a bug");
    }
    // the last message's events are its own: a deferred write may take only those it publishes itself
    this.nextMessage();
    for (let write = this.beforeCommitWrites.shift(); write; write = this.beforeCommitWrites.shift()) {
      await write();
      this.nextMessage();
    }
    this.flushed = true;
    if (this.earlier.length === 0) return;
    if (!this.inTransaction) {
      const types = this.earlier.map(({ cls }) => cls.type).join(', ');
      throw new Error(`${types} published in one statement's work but not written by it (takeEvents): a bug, the change is not told`);
    }
    this.written = true;
    await insertOutboxRows(this.manager, await this.validatedRows(this.earlier));
  }

  /** The rows as one JSON array; each payload is checked as it travels (its JSON, parsed again), and serialised once. */
  private async validatedRows(pending: { cls: EventClass; record: OutboxRecord }[]): Promise<string> {
    const rows = pending.map(({ cls, record: { payload, ...row } }) => {
      const json = JSON.stringify(payload);
      const problems = contractProblems(cls, JSON.parse(json));
      if (problems.length > 0) throw new InvalidEventError(cls.type, problems);
      return `${JSON.stringify(row).slice(0, -1)},"payload":${json}}`;
    });
    return `[${rows.join(',')}]`;
  }
}

/**
 * Runs a use case in one database transaction. Events published through the transaction are outbox rows that
 * commit with the state change; once the transaction has committed, the relay is woken so they leave at once (only
 * then: a wake costs the relay a claim of three round trips, for nothing after a transaction that told nobody).
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let tx: OutboxTransaction | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      tx = new OutboxTransaction(manager);
      const value = await work(tx);
      await tx.flush();
      return value;
    });
    if (tx?.wroteEvents) this.relay.wake();
    tx?.committed();
    return result;
  }

  /**
   * Runs a use case whose only write is one statement, atomic on its own and guarded by compare-and-set
   * conditions, without an explicit transaction: on a hot command BEGIN and COMMIT are two of its four round trips.
   * Its reads see what is committed when each runs (so the write must check that what it decided on is still so);
   * its events must be written by that statement (`takeEvents` + `outboxInsert`). One connection throughout.
   */
  async runInOneStatement<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const tx = new OutboxTransaction(runner.manager, false);
    try {
      const value = await work(tx);
      await tx.flush();
      if (tx.wroteEvents) this.relay.wake();
      tx.committed();
      return value;
    } finally {
      await runner.release();
    }
  }
}
