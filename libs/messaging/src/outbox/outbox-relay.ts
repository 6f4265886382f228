import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AmqpConnection, BrokerUnavailableError } from '../amqp-connection';
import { publishOptionsFor } from '../envelope';
import { purgeInboxMessages } from '../inbox/inbox.store';
import { MessagingConfig } from '../messaging.environment';
import { eventsExchangeName } from '../topology';
import { claimUnsentOutboxRows, markOutboxRowsSent, purgeSentOutboxRows } from './outbox.store';

const PURGE_EVERY_MS = 10 * 60_000;
const PURGE_CHUNK = 5_000;
const MAX_BACKOFF_MS = 10_000;
/** A connection that dies silently must not hold the claimed rows' locks forever. */
const CONFIRM_TIMEOUT_MS = 30_000;
/**
 * How far below its last batch the next claim starts looking, in positions: a command that took its positions
 * earlier but committed later (a straggler) is usually that close. Further back the claim would walk over the
 * index entries of rows already sent, which only VACUUM removes: every claim from the start cost O(rows sent
 * since the last VACUUM), 12 ms a batch after 60,000 events in the claim + forward benchmark.
 */
export const OUTBOX_RESCAN_MARGIN = 1_000;
/** A claim from the very start this often catches any older straggler, and rows another replica gave back. */
export const OUTBOX_FULL_SCAN_EVERY_MS = 1_000;

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} not received within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Publishes committed outbox rows. Each batch is one database transaction: claim unsent rows with
 * `FOR UPDATE SKIP LOCKED` (so replicas share the work without sending a row twice at the same time), publish
 * them all on the confirm channel, wait for the broker's confirms, mark them sent, commit. A crash or a lost
 * connection anywhere before the commit leaves the rows unsent: they go again (duplicates, never loss; the
 * consumers' inbox absorbs duplicates). amqplib's in-memory buffer is never trusted with a row.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private stopping = false;
  private pass: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private lastPurge = 0;
  private unsubscribe: (() => void) | null = null;
  /** Where the next claim starts: positions at or below it were sent (or are caught by the next full scan). */
  private floor = '0';
  private lastFullScan = 0;
  /** Total rows published by this process (tests, metrics). */
  published = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: AmqpConnection,
    private readonly config: MessagingConfig,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.lastPurge = Date.now() - PURGE_EVERY_MS + 30_000; // first purge shortly after start, not during it
    this.unsubscribe = this.connection.onReady(() => this.wake());
    this.wake();
  }

  /** Publish now: called after a commit that wrote outbox rows, and when the broker connection comes back. */
  wake(): void {
    if (!this.running || this.stopping) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pass = this.drain().finally(() => {
      this.pass = null;
      if (this.stopping) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else {
        this.schedule();
      }
    });
  }

  /** Stops after the batch in progress (whose rows are either sent and marked, or left for the next start). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.pass;
    this.running = false;
  }

  private schedule(): void {
    const delay = this.failures === 0 ? this.config.pollIntervalMs : Math.min(MAX_BACKOFF_MS, 200 * 2 ** (this.failures - 1));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, delay);
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopping) {
        const sent = await this.relayBatch();
        this.failures = 0;
        if (sent < this.config.batchSize) break;
      }
      if (!this.stopping && Date.now() - this.lastPurge > PURGE_EVERY_MS) await this.purge();
    } catch (err) {
      this.failures++;
      this.again = false; // back off instead of spinning while the broker or the database is away
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof BrokerUnavailableError) this.logger.debug(`outbox not relayed: ${message}`);
      else this.logger.warn(`outbox relay failed (attempt ${this.failures}), will retry: ${message}`);
    }
  }

  /**
   * One batch: claim, publish, await confirms, mark sent, commit. Returns how many rows were sent. The claim
   * starts a margin below the previous batch (see OUTBOX_RESCAN_MARGIN), and from the start once a second.
   */
  async relayBatch(): Promise<number> {
    if (!this.connection.isConnected) throw new BrokerUnavailableError();
    const fullScan = Date.now() - this.lastFullScan >= OUTBOX_FULL_SCAN_EVERY_MS;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows = await claimUnsentOutboxRows(runner.manager, this.config.batchSize, fullScan ? '0' : this.floor);
      if (fullScan) this.lastFullScan = Date.now();
      if (rows.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      const exchange = eventsExchangeName(this.config.prefix);
      // All publishes go out back to back, then one wait for all the confirms: no round trip per row.
      const confirms = rows.map((row) => this.connection.publish(exchange, row.type, Buffer.from(row.payload), publishOptionsFor(row, this.config.service)));
      await withTimeout(Promise.all(confirms), CONFIRM_TIMEOUT_MS, 'broker confirms');
      await markOutboxRowsSent(
        runner.manager,
        rows.map((r) => r.id),
      );
      await runner.commitTransaction();
      this.published += rows.length;
      const last = BigInt(rows[rows.length - 1].position) - BigInt(OUTBOX_RESCAN_MARGIN);
      this.floor = (last > 0n ? last : 0n).toString();
      return rows.length;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  /** Drops sent rows (and remembered inbox ids) past the retention, a chunk at a time to keep locks short. */
  async purge(): Promise<void> {
    this.lastPurge = Date.now();
    const hours = this.config.retentionHours;
    for (const purgeChunk of [purgeSentOutboxRows, purgeInboxMessages]) {
      for (;;) {
        if (this.stopping) return;
        const affected = await purgeChunk(this.dataSource, hours, PURGE_CHUNK);
        if (!(affected >= PURGE_CHUNK)) break;
      }
    }
  }
}
