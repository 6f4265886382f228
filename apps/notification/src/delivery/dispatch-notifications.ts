import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BackgroundLoop } from '@motcua/bootstrap';
import { readEnvironment } from '@motcua/config';
import { CHANNEL_SENDERS, type ChannelSender, type DeliveryChannel, type OutgoingMessage, type SendOutcome } from './channel-sender';
import { CircuitBreaker, type CircuitState, inParallel, nextAttemptDelay } from '@motcua/http';
import { DeliveryEnvironment } from './delivery.environment';
import { DeliveryMetrics } from './delivery-metrics';
import { type AttemptResult, DeliveryStore } from './delivery.store';
import { RateLimit } from './rate-limit';

/** One channel's dispatcher: its adapter, circuit and rate limit. */
interface Lane {
  readonly sender: ChannelSender;
  readonly circuit: CircuitBreaker;
  readonly rate: RateLimit;
}

/**
 * Use case, dispatch: each channel's due messages are taken (any number of notification replicas: rows locked with
 * SKIP LOCKED and leased), sent through the channel's adapter with the notification id as the provider's
 * idempotency key, and each attempt recorded: accepted → sent; a permanent refusal → failed at once; a transient
 * one → retried with exponential backoff and jitter, failed when the attempts are spent. A channel whose provider
 * keeps failing is left alone while its circuit is open (a probe then tests it), and no channel sends faster than
 * its rate. No transaction is open while a provider answers; a crash between its acceptance and our record leaves
 * the message due again after the lease, sent again under the same key (the gateway and webhook receivers dedupe
 * it, the email carries the same Message-ID).
 */
@Injectable()
export class DispatchNotifications implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DispatchNotifications.name);
  private readonly env = readEnvironment(DeliveryEnvironment);
  private readonly lanes: Lane[];
  private readonly loops: BackgroundLoop[];

  constructor(
    @Inject(CHANNEL_SENDERS) senders: ChannelSender[],
    private readonly store: DeliveryStore,
    private readonly metrics: DeliveryMetrics,
  ) {
    const perSecond: Record<DeliveryChannel, number> = {
      email: this.env.EMAIL_RATE_PER_SECOND,
      sms: this.env.SMS_RATE_PER_SECOND,
      webhook: this.env.WEBHOOK_RATE_PER_SECOND,
    };
    const circuit = {
      failureThreshold: this.env.DELIVERY_CIRCUIT_FAILURES,
      openMs: this.env.DELIVERY_CIRCUIT_OPEN_MS,
      maxOpenMs: this.env.DELIVERY_CIRCUIT_MAX_OPEN_MS,
    };
    this.lanes = senders.map((sender) => ({ sender, circuit: new CircuitBreaker(circuit), rate: new RateLimit(perSecond[sender.channel]) }));
    this.loops = this.lanes.map(
      (lane) =>
        new BackgroundLoop(
          `${lane.sender.channel} dispatch`,
          async () => ((await this.step(lane)) === 0 ? this.idleWait(lane) : 0),
          Math.max(this.env.DELIVERY_POLL_INTERVAL_MS, 1_000),
        ),
    );
  }

  onApplicationBootstrap(): void {
    if (this.env.DELIVERY_POLL_INTERVAL_MS === 0) return;
    for (const loop of this.loops) loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

  /** Each channel's circuit, for readiness: closed, open (with when it lets a probe through) or half-open. */
  circuits(now = Date.now()): { channel: DeliveryChannel; state: CircuitState; reopensAt: Date | null }[] {
    return this.lanes.map(({ sender, circuit }) => {
      const reopensAt = circuit.reopensAt();
      return { channel: sender.channel, state: circuit.state(now), reopensAt: reopensAt === null ? null : new Date(reopensAt) };
    });
  }

  /** Sends what is due on every channel once (a batch each): the loop's step, callable from tests and the bench. */
  async dispatchOnce(): Promise<number> {
    let sent = 0;
    for (const lane of this.lanes) sent += await this.step(lane);
    return sent;
  }

  private idleWait(lane: Lane): number {
    const reopensAt = lane.circuit.reopensAt();
    const untilProbe = reopensAt === null ? 0 : reopensAt - Date.now();
    return Math.max(
      this.env.DELIVERY_POLL_INTERVAL_MS,
      Math.min(untilProbe, this.env.DELIVERY_CIRCUIT_MAX_OPEN_MS),
      lane.rate.available(Date.now()) === 0 ? 20 : 0,
    );
  }

  /** One batch of one channel; returns how many messages were taken. */
  private async step({ sender, circuit, rate }: Lane): Promise<number> {
    const now = Date.now();
    const state = circuit.state(now);
    if (state === 'open') return 0;
    // half-open: one message probes the provider
    const limit = Math.min(state === 'half_open' ? 1 : this.env.DELIVERY_BATCH, rate.available(now));
    if (limit === 0) return 0;
    const taken = await this.store.take(sender.channel, limit, new Date(now), this.env.DELIVERY_LEASE_MS);
    if (taken.length === 0) return 0;
    rate.spend(taken.length);
    const results = await inParallel(taken, this.env.DELIVERY_CONCURRENCY, (message) => this.attempt(sender, message));
    for (const result of results) {
      if (result.outcome.kind === 'accepted') circuit.succeeded();
      else if (result.outcome.kind === 'transient' && !result.outcome.recipientOnly) circuit.failed(Date.now());
      this.metrics.attempted(sender.channel, result);
    }
    if (circuit.state(Date.now()) === 'open') this.logger.warn(`${sender.channel} provider failing: circuit open`);
    await this.store.record(results);
    return taken.length;
  }

  private async attempt(sender: ChannelSender, message: OutgoingMessage): Promise<AttemptResult> {
    const startedAt = new Date();
    const outcome = await this.send(sender, message);
    const finishedAt = new Date();
    const base = { notificationId: message.notificationId, attempt: message.attempt, startedAt, finishedAt };
    if (outcome.kind === 'accepted') return { ...base, outcome, status: 'sent', nextAttemptAt: null };
    if (outcome.kind === 'permanent') return { ...base, outcome, status: 'failed', nextAttemptAt: null };
    const policy = { baseDelayMs: this.env.DELIVERY_RETRY_BASE_MS, maxDelayMs: this.env.DELIVERY_RETRY_MAX_MS, maxAttempts: this.env.DELIVERY_MAX_ATTEMPTS };
    const delay = nextAttemptDelay(policy, message.attempt, Math.random, outcome.retryAfterMs);
    if (delay === null)
      return {
        ...base,
        outcome: { kind: 'transient', error: `gave up after ${message.attempt} attempts: ${outcome.error}` },
        status: 'failed',
        nextAttemptAt: null,
      };
    return { ...base, outcome, status: 'pending', nextAttemptAt: new Date(finishedAt.getTime() + delay) };
  }

  /** The adapter's answer, within the send timeout; an adapter that throws has failed the attempt (transient). */
  private async send(sender: ChannelSender, message: OutgoingMessage): Promise<SendOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<SendOutcome>((resolve) => {
      timer = setTimeout(
        () => resolve({ kind: 'transient', error: `no answer within ${this.env.DELIVERY_SEND_TIMEOUT_MS} ms` }),
        this.env.DELIVERY_SEND_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([
        sender.send(message).catch((error: unknown): SendOutcome => ({ kind: 'transient', error: error instanceof Error ? error.message : String(error) })),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
