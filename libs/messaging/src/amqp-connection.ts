import { Injectable, Logger } from '@nestjs/common';
import { connect, type Channel, type ChannelModel, type ConfirmChannel, type Options, type RecoveringChannelModel } from 'amqplib';
import { MessagingConfig } from './messaging.environment';
import { serviceTopology, type QueueSpec } from './topology';

/** Raised when something must reach the broker while there is no connection; the caller retries later. */
export class BrokerUnavailableError extends Error {
  constructor(message = 'the broker connection is down') {
    super(message);
    this.name = 'BrokerUnavailableError';
  }
}

type ConnectedListener = (model: ChannelModel) => Promise<void>;

interface Listener {
  readonly fn: ConnectedListener;
  appliedTo: ChannelModel | null;
}

/**
 * The service's one AMQP connection, with amqplib 2.x recovery. Channels do not survive a reconnect, so
 * everything hanging off the connection (topology, the publishing confirm channel, consumers registered with
 * `onConnected`) is (re)created in the recovery `setup` hook, which amqplib calls after every (re)connect.
 */
@Injectable()
export class AmqpConnection {
  private readonly logger = new Logger('AmqpConnection');
  private connection: RecoveringChannelModel | null = null;
  private model: ChannelModel | null = null;
  private publisher: ConfirmChannel | null = null;
  private readonly listeners: Listener[] = [];
  private readonly connectedCallbacks = new Set<() => void>();
  private closed = false;

  constructor(private readonly config: MessagingConfig) {}

  get isConnected(): boolean {
    return this.publisher !== null;
  }

  /** Starts connecting without waiting: the service starts (and keeps taking work into its outbox) while the
   * broker is away; the relay publishes once it is back. */
  async open(): Promise<void> {
    if (this.connection || this.closed) return;
    const connection = await connect(this.config.amqpUrl, {
      clientProperties: { connection_name: `${this.config.prefix}${this.config.service}` },
      recovery: {
        waitForConnect: false,
        initialDelay: 200,
        maxDelay: 5000,
        maxRetries: Infinity,
        setup: (model: ChannelModel) => this.setup(model),
      },
    });
    this.connection = connection;
    connection.on('connect', () => {
      this.logger.log(`connected to the broker as ${this.config.service}`);
      for (const callback of this.connectedCallbacks) callback();
    });
    connection.on('disconnect', (err: Error) => {
      this.model = null;
      this.publisher = null;
      this.logger.warn(`broker connection lost: ${err.message}; reconnecting`);
    });
    connection.on('connect-failed', (err: Error) => this.logger.warn(`broker connection attempt failed: ${err.message}`));
    connection.on('error', (err: Error) => this.logger.warn(`broker connection error: ${err.message}`));
    connection.on('handler-error', (err: Error, event: string) => this.logger.error(`listener for ${event} threw: ${err.message}`, err.stack));
  }

  /** Waits until connected (tests, readiness at start), or rejects after `timeoutMs`. */
  async waitUntilConnected(timeoutMs: number): Promise<void> {
    if (this.isConnected) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.connectedCallbacks.delete(done);
        reject(new BrokerUnavailableError(`not connected to the broker within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.connectedCallbacks.delete(done);
        resolve();
      };
      this.connectedCallbacks.add(done);
    });
  }

  /** Called on every (re)connect; also now when already connected. */
  async onConnected(fn: ConnectedListener): Promise<void> {
    const listener: Listener = { fn, appliedTo: null };
    this.listeners.push(listener);
    if (this.model) await this.apply(listener, this.model);
  }

  /** Runs `fn` after every successful (re)connect, once setup is complete (e.g. to wake the relay). */
  onReady(fn: () => void): () => void {
    this.connectedCallbacks.add(fn);
    return () => this.connectedCallbacks.delete(fn);
  }

  /** Publishes on the confirm channel; resolves when the broker has confirmed (taken responsibility for) it. */
  publish(exchange: string, routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    const channel = this.publisher;
    if (!channel) return Promise.reject(new BrokerUnavailableError());
    return new Promise<void>((resolve, reject) => {
      try {
        channel.publish(exchange, routingKey, content, options, (err) => (err ? reject(err) : resolve()));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  /**
   * A channel died while its connection lives (a channel-level error such as a deleted queue): drop the whole
   * connection so recovery reconnects and `setup` re-creates topology, publisher and consumers in one place.
   */
  restart(model: ChannelModel, reason: string): void {
    // Channels also close when the whole connection drops; recovery handles that. Look again once the
    // connection has had its chance to report the drop.
    setImmediate(() => {
      if (this.closed || this.model !== model) return;
      this.logger.warn(`${reason}: reconnecting to the broker`);
      this.model = null;
      this.publisher = null;
      model.close().catch(() => undefined);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.connectedCallbacks.clear();
    const connection = this.connection;
    this.connection = null;
    this.model = null;
    this.publisher = null;
    if (connection) await connection.close().catch((err: Error) => this.logger.warn(`closing the broker connection: ${err.message}`));
  }

  private async setup(model: ChannelModel): Promise<void> {
    model.on('error', () => undefined); // reported through the recovering connection's 'error'
    const admin = await model.createChannel();
    admin.on('error', (err: Error) => this.logger.error(`topology declaration failed: ${err.message}`));
    await this.declareTopology(admin);
    await admin.close();

    const publisher = await model.createConfirmChannel();
    publisher.on('error', (err: Error) => this.logger.warn(`publishing channel error: ${err.message}`));
    publisher.on('close', () => {
      if (this.publisher === publisher) this.publisher = null;
      this.restart(model, 'the publishing channel closed');
    });

    this.model = model;
    for (const listener of this.listeners) await this.apply(listener, model);
    this.publisher = publisher;
  }

  private async apply(listener: Listener, model: ChannelModel): Promise<void> {
    if (listener.appliedTo === model) return;
    listener.appliedTo = model;
    await listener.fn(model);
  }

  private async declareTopology(channel: Channel): Promise<void> {
    const topology = serviceTopology(this.config.prefix, this.config.service, this.config.bindings ?? [], this.config.retryDelaysMs);
    const declare = (queue: QueueSpec) => channel.assertQueue(queue.name, { durable: true, arguments: queue.arguments });

    await channel.assertExchange(topology.unroutedExchange, 'fanout', { durable: true });
    await declare(topology.unroutedQueue);
    await channel.bindQueue(topology.unroutedQueue.name, topology.unroutedExchange, '');
    await channel.assertExchange(topology.exchange, 'topic', { durable: true, arguments: topology.exchangeArguments });

    await declare(topology.parkingLot);
    await declare(topology.inbox);
    for (const pattern of topology.inbox.bindings) await channel.bindQueue(topology.inbox.name, topology.exchange, pattern);
    for (const tier of topology.retryTiers) await declare(tier);
  }
}
