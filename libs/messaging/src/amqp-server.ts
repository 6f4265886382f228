import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { RequestContext } from '@motcua/observability';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { AmqpConnection } from './amqp-connection';
import { AmqpContext } from './amqp-context';
import { Acknowledgements } from './acknowledgements';
import { errorText, parkedCopyOptions, retryCopyOptions } from './envelope';
import { recordInboxMessages } from './inbox/inbox.store';
import { MessagingConfig } from './messaging.environment';
import { OutboxRelay } from './outbox/outbox-relay';
import { toValidEvent } from './payload';
import { attemptOf, decideAfterFailure } from './retry-policy';
import { eventsExchangeName, inboxQueueName, parkingLotQueueName, retryQueueName } from './topology';
import { OutboxTransaction } from './unit-of-work';

/** A message that can never succeed, whatever the number of attempts: it is parked at once. */
class PoisonMessageError extends Error {}

/**
 * Thrown by a handler when no number of retries can help: the event refers to something this service does not
 * know (a procedure not in its catalogue, an area with no competent agency). The message is parked at once with
 * the reason, for an operator to fix the data and re-send it, instead of being retried for minutes first.
 */
export class UnprocessableMessageError extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'UnprocessableMessageError';
  }
}

interface Consumer {
  readonly model: ChannelModel;
  readonly channel: Channel;
  readonly tag: string;
}

interface Delivery {
  readonly channel: Channel;
  readonly message: ConsumeMessage;
}

/** A delivery that passed the poison checks and has a handler: ready to apply. */
interface Applicable extends Delivery {
  readonly payload: object;
  readonly handler: MessageHandler;
  readonly attempt: number;
}

/**
 * The RabbitMQ transport as a Nest custom transport strategy: handlers are plain `@EventPattern(type)` methods.
 *
 * Per delivery: validate the payload against its contract class (poison goes straight to the parking lot), then
 * in ONE transaction record the message id in the inbox (a duplicate stops here) and run the handler; commit,
 * then ack. Under load, the deliveries that arrived while a transaction was running are applied together in
 * the next one (one inbox insert, one outbox insert, one commit for all); if anything in such a batch fails,
 * the batch is rolled back and each of its messages is applied on its own, so a failure never touches its
 * neighbours' outcome. A failing handler's message goes to the next retry tier (a delay
 * queue dead-lettering back to the inbox), and to the parking lot after the last attempt; the original is acked
 * only once the broker has confirmed the copy. Dispatch uses the AMQP `type`, never the routing key: a retried
 * message comes back through the default exchange with the queue name as routing key.
 */
@Injectable()
export class AmqpServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger('AmqpServer');
  private consumer: Consumer | null = null;
  /** Deliveries received and not yet taken into a batch. */
  private readonly waiting: Delivery[] = [];
  private readonly acknowledgements = new WeakMap<Channel, Acknowledgements>();
  private readonly inFlight = new Set<Promise<void>>();
  private listening = false;
  private closing = false;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly config: MessagingConfig,
  ) {
    super();
  }

  /**
   * The handler of an event type. Our patterns are the types themselves, plain strings: Nest's own lookup first tries
   * each as JSON, which for every message threw (and built the stack of) a SyntaxError.
   */
  override getHandlerByPattern(pattern: string): MessageHandler | null {
    return this.messageHandlers.get(pattern) ?? super.getHandlerByPattern(pattern);
  }

  async listen(callback: (err?: unknown, ...optionalParams: unknown[]) => void): Promise<void> {
    if (this.listening) return callback();
    this.listening = true;
    this.closing = false;
    try {
      await this.connection.open();
      // Consumers are (re)created by the connection's recovery setup after every reconnect.
      await this.connection.onConnected((model) => this.consume(model));
      callback();
    } catch (err) {
      callback(err);
    }
  }

  /** Stops consuming, lets in-flight handlers finish (and ack), then returns. The connection itself is closed
   * by the messaging module at application shutdown, after the relay has stopped. */
  async close(): Promise<void> {
    if (this.closing || !this.listening) return;
    this.closing = true;
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer) await consumer.channel.cancel(consumer.tag).catch(() => undefined);
    while (this.inFlight.size > 0 || this.waiting.length > 0) {
      this.drain();
      await Promise.allSettled([...this.inFlight]);
    }
    if (consumer) await consumer.channel.close().catch(() => undefined);
    this.listening = false;
  }

  on(): never {
    throw new Error('AmqpServer does not support event listeners; see AmqpConnection and MessagingReadiness');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  /** Messages handled by this process since start, by outcome (tests, metrics). */
  readonly counts = { handled: 0, duplicate: 0, retried: 0, parked: 0, ignored: 0, appliedInBatches: 0 };

  private async consume(model: ChannelModel): Promise<void> {
    if (this.closing) return;
    const channel = await model.createChannel();
    channel.on('error', (err: Error) => this.logger.warn(`consumer channel error: ${err.message}`));
    channel.on('close', () => {
      if (this.consumer?.channel === channel) {
        this.consumer = null;
        if (!this.closing) this.connection.restart(model, 'the consumer channel closed');
      }
    });
    await channel.prefetch(this.config.prefetch);
    const acknowledgements = new Acknowledgements(channel);
    this.acknowledgements.set(channel, acknowledgements);
    const queue = inboxQueueName(this.config.prefix, this.config.service);
    // Unless the module was given explicit bindings, the inbox is bound to exactly the event types this service
    // has handlers for (bindings are idempotent: this runs again after every reconnect).
    if (this.config.bindings === null) {
      for (const pattern of this.messageHandlers.keys()) {
        await channel.bindQueue(queue, eventsExchangeName(this.config.prefix), pattern);
      }
    }
    const { consumerTag } = await channel.consume(
      queue,
      (message) => {
        if (!message) {
          // The broker cancelled the consumer (queue deleted): start over so setup declares it again.
          this.connection.restart(model, `consumer of ${queue} cancelled by the broker`);
          return;
        }
        acknowledgements.received(message);
        this.waiting.push({ channel, message });
        this.drain();
      },
      { noAck: false },
    );
    this.consumer = { model, channel, tag: consumerTag };
    this.logger.log(`consuming ${queue} (prefetch ${this.config.prefetch})`);
  }

  /**
   * Starts batches while there is work and room: at most `concurrency` transactions at a time, each taking what
   * has arrived (up to `batchSize`). Nothing waits for a batch to fill: a lone message goes at once.
   */
  private drain(): void {
    while (this.waiting.length > 0 && this.inFlight.size < this.config.consumerConcurrency) {
      const batch = this.waiting.splice(0, this.config.consumerBatchSize);
      const work = this.handleBatch(batch).catch(async (err: unknown) => {
        this.logger.error(`unhandled failure for a batch of ${batch.length}: ${errorText(err)}`);
        // what was not settled goes back to the broker, after a pause (a failure that repeats must not be a hot
        // loop: the inbox's delivery limit parks it), not when the channel closes
        await sleep(1000);
        for (const { channel, message } of batch) this.acknowledgements.get(channel)?.requeueOutstanding([message]);
      });
      this.inFlight.add(work);
      void work.finally(() => {
        this.inFlight.delete(work);
        this.drain();
      });
    }
  }

  private async handleBatch(batch: Delivery[]): Promise<void> {
    const applicable: Applicable[] = [];
    for (const delivery of batch) {
      const ready = await this.screen(delivery);
      if (ready) applicable.push(ready);
    }
    if (applicable.length === 1) return this.handleOne(applicable[0]);
    if (applicable.length === 0) return;
    try {
      const outcomes = await this.applyTogether(applicable);
      this.counts.appliedInBatches += applicable.length;
      outcomes.forEach((applied) => this.counts[applied ? 'handled' : 'duplicate']++);
      this.ackAll(applicable);
    } catch (err) {
      // Rolled back as a whole: apply each on its own, so only a message that really fails is retried.
      this.logger.debug(`batch of ${applicable.length} rolled back (${errorText(err)}); applying one by one`);
      for (const item of applicable) await this.handleOne(item);
    }
  }

  /** Poison goes to the parking lot and an event without handler is acked; the rest is ready to apply. */
  private async screen({ channel, message }: Delivery): Promise<Applicable | null> {
    let payload: object;
    try {
      payload = await this.parse(message);
    } catch (err) {
      await this.park(channel, message, errorText(err));
      return null;
    }
    const handler = this.getHandlerByPattern(message.properties.type as string);
    if (!handler) {
      this.counts.ignored++;
      this.logger.debug(`no handler for ${message.properties.type}; message ${message.properties.messageId} acknowledged and ignored`);
      this.ack(channel, message);
      return null;
    }
    return { channel, message, payload, handler, attempt: attemptOf(message.properties.headers) };
  }

  private async handleOne(item: Applicable): Promise<void> {
    const { channel, message, attempt } = item;
    try {
      const applied = await this.applyOnce(item);
      if (applied) this.counts.handled++;
      else this.counts.duplicate++;
    } catch (err) {
      if (err instanceof UnprocessableMessageError) return this.park(channel, message, errorText(err));
      return this.retryOrPark(channel, message, attempt, errorText(err));
    }
    this.ack(channel, message);
  }

  /** Poison checks: anything that no number of retries can fix. */
  private async parse(message: ConsumeMessage): Promise<object> {
    const { messageId, type } = message.properties;
    if (typeof messageId !== 'string' || messageId === '') throw new PoisonMessageError('the message has no messageId');
    if (typeof type !== 'string' || type === '') throw new PoisonMessageError('the message has no type');
    const cls = this.config.events.get(type);
    if (!cls) throw new PoisonMessageError(`unknown event type ${type}`);
    let plain: unknown;
    try {
      plain = JSON.parse(message.content.toString('utf8'));
    } catch {
      throw new PoisonMessageError('the body is not JSON');
    }
    const { event, problems } = toValidEvent(cls, plain);
    if (problems.length > 0) throw new PoisonMessageError(`invalid ${type} payload: ${problems.join('; ')}`);
    return event;
  }

  /** The inbox row and the handler's effects in one transaction. Returns false for a duplicate. */
  private async applyOnce(item: Applicable): Promise<boolean> {
    const [applied] = await this.applyTogether([item]);
    return applied;
  }

  /**
   * Records the messages in the inbox and runs the handlers of those not seen before, in one transaction.
   * Returns, per message, whether it was applied (false: a duplicate). Throws, rolling everything back, if any
   * handler throws.
   */
  private async applyTogether(items: Applicable[]): Promise<boolean[]> {
    let tx: OutboxTransaction | undefined;
    const outcomes = await this.dataSource.transaction(async (manager) => {
      const ids = items.map((item) => item.message.properties.messageId as string);
      const types = items.map((item) => item.message.properties.type as string);
      const fresh = new Set(await recordInboxMessages(manager, ids, types));
      // A message redelivered while its first copy is in this same batch counts once.
      const applied = ids.map((id) => fresh.delete(id));
      const transaction = (tx = new OutboxTransaction(
        manager,
        true,
        items.filter((_, i) => applied[i]).map((item) => item.payload),
      ));
      for (const [i, item] of items.entries()) {
        if (!applied[i]) {
          this.logger.debug(`message ${ids[i]} already applied; skipped`);
          continue;
        }
        transaction.nextMessage();
        const { properties } = item.message;
        const correlationId = typeof properties.correlationId === 'string' && properties.correlationId ? properties.correlationId : ids[i];
        await RequestContext.run({ correlationId, causationId: ids[i] }, () => this.runHandlers(item, transaction));
      }
      await transaction.flush();
      return applied;
    });
    if (tx?.wroteEvents) this.relay.wake();
    tx?.committed();
    return outcomes;
  }

  private async runHandlers(item: Applicable, tx: OutboxTransaction): Promise<void> {
    const context = new AmqpContext([item.message, item.attempt, tx]);
    // Several handlers may listen to one event (Nest chains them with `next`): all run in this transaction.
    for (let current: MessageHandler | undefined = item.handler; current; current = current.next as MessageHandler | undefined) {
      try {
        await lastValueFrom(this.transformToObservable(await current(item.payload, context)), { defaultValue: undefined });
      } catch (err) {
        throw context.failure ?? err;
      }
    }
  }

  private async retryOrPark(channel: Channel, message: ConsumeMessage, attempt: number, error: string): Promise<void> {
    const decision = decideAfterFailure(attempt, this.config.maxAttempts, this.config.retryDelaysMs);
    if (decision.action === 'park') return this.park(channel, message, `attempt ${attempt}: ${error}`);
    const queue = retryQueueName(this.config.prefix, this.config.service, decision.delayMs);
    this.logger.warn(`${message.properties.type} ${message.properties.messageId} failed (attempt ${attempt}): ${error}; retry in ${decision.delayMs} ms`);
    await this.forward(channel, message, queue, retryCopyOptions(message.properties, this.routingKeyOf(message), decision.nextAttempt, error));
    this.counts.retried++;
  }

  private async park(channel: Channel, message: ConsumeMessage, error: string): Promise<void> {
    const queue = parkingLotQueueName(this.config.prefix, this.config.service);
    this.logger.error(`${message.properties.type ?? 'untyped message'} ${message.properties.messageId ?? ''} parked: ${error}`);
    await this.forward(channel, message, queue, parkedCopyOptions(message.properties, this.routingKeyOf(message), error, new Date()));
    this.counts.parked++;
  }

  /** Publishes a copy to a queue and acks the original only once the broker has confirmed the copy. */
  private async forward(channel: Channel, message: ConsumeMessage, queue: string, options: Parameters<AmqpConnection['publish']>[3]): Promise<void> {
    try {
      await this.connection.publish('', queue, message.content, options);
    } catch (err) {
      // The copy is not safe: keep the original. Requeue it after a pause, so a failing broker-side publish is
      // not a hot loop (the inbox's delivery limit bounds it); a closed channel redelivers it by itself.
      this.logger.warn(`could not move ${message.properties.messageId} to ${queue}: ${errorText(err)}; requeued`);
      await sleep(1000);
      this.acknowledgements.get(channel)?.requeue(message);
      return;
    }
    this.ack(channel, message);
  }

  private ack(channel: Channel, message: ConsumeMessage): void {
    this.acknowledgements.get(channel)?.settle([message]);
  }

  /** A batch's deliveries, settled together: one acknowledgement for them all (they share a channel but across a reconnect). */
  private ackAll(deliveries: readonly Delivery[]): void {
    for (const channel of new Set(deliveries.map((d) => d.channel))) {
      this.acknowledgements.get(channel)?.settle(deliveries.filter((d) => d.channel === channel).map((d) => d.message));
    }
  }

  /** The key the producer published with (a retried message arrives with the inbox's name as routing key). */
  private routingKeyOf(message: ConsumeMessage): string {
    return message.fields.exchange === '' ? (message.properties.type ?? message.fields.routingKey) : message.fields.routingKey;
  }
}
