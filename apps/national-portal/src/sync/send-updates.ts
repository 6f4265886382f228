import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BackgroundLoop } from '@motcua/bootstrap';
import { readEnvironment } from '@motcua/config';
import { CircuitBreaker, inParallel, nextAttemptDelay } from '@motcua/http';
import { type HoSo, NationalPortal, type PortalAnswer, type TienDo } from '../portal/national-portal';
import { PortalEnvironment } from '../portal/portal.environment';
import { SyncMetrics } from './sync-metrics';
import { type HeadOutcome, SyncStore, type TakenHead } from './sync.store';

/** A head and what became of it. */
type Settled = { head: TakenHead; outcome: HeadOutcome };

/** Cuts `items` into calls of at most `size`. */
function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Use case, the calls out: any number of replicas take due dossiers (SKIP LOCKED, a lease), each with only its
 * queue's head, so a dossier's updates go strictly in order while dossiers go in parallel; the heads are sent in
 * batches (DongBoHoSoMC up to PORTAL_DOSSIER_BATCH dossiers, first versions and updates in separate calls since
 * `isUpdating` is per call; CapNhatTienDoHoSoMC up to PORTAL_PROGRESS_BATCH rows). No transaction is open while the
 * portal answers. Unavailable → the head is due again after a backoff with jitter (never given up: the portal down
 * an hour is caught up afterwards), and a portal that keeps failing is left alone while its circuit is open.
 * Refused → retried up to PORTAL_MAX_REFUSALS times, then the dossier is parked with the portal's message (its later
 * updates wait behind the head) until an operator retries it.
 */
@Injectable()
export class SendUpdates implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SendUpdates.name);
  private readonly env = readEnvironment(PortalEnvironment);
  private readonly circuit = new CircuitBreaker({
    failureThreshold: this.env.PORTAL_CIRCUIT_FAILURES,
    openMs: this.env.PORTAL_CIRCUIT_OPEN_MS,
    maxOpenMs: this.env.PORTAL_CIRCUIT_MAX_OPEN_MS,
  });
  private lastCall: { ok: boolean; at: Date; error: string | null } | null = null;
  private readonly loop = new BackgroundLoop(
    'portal sync',
    async () => ((await this.sendOnce()) === 0 ? this.idleWait() : 0),
    Math.max(this.env.PORTAL_POLL_INTERVAL_MS, 1_000),
  );

  constructor(
    private readonly portal: NationalPortal,
    private readonly store: SyncStore,
    private readonly metrics: SyncMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.PORTAL_POLL_INTERVAL_MS === 0) return;
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** The portal as the last call found it, and the circuit: for readiness. */
  portalState(now = Date.now()) {
    return { circuit: this.circuit.state(now), lastCall: this.lastCall, probeAt: this.circuit.reopensAt() };
  }

  /** Sends one round of heads; returns how many were taken (the loop's step, callable from tests and the bench). */
  async sendOnce(): Promise<number> {
    const now = Date.now();
    const state = this.circuit.state(now);
    if (state === 'open') return 0;
    const taken = await this.store.take(state === 'half_open' ? 1 : this.env.PORTAL_TAKE, new Date(now), this.env.PORTAL_LEASE_MS);
    const calls: (() => Promise<void>)[] = [];
    const versions = taken.filter((h) => h.kind === 'dossier');
    for (const isUpdating of [false, true]) {
      for (const batch of batches(
        versions.filter((h) => h.knownToPortal === isUpdating),
        this.env.PORTAL_DOSSIER_BATCH,
      ))
        calls.push(() => this.sendVersions(isUpdating, batch));
    }
    for (const batch of batches(
      taken.filter((h) => h.kind === 'progress'),
      this.env.PORTAL_PROGRESS_BATCH,
    ))
      calls.push(() => this.sendProgress(batch));
    await inParallel(calls, this.env.PORTAL_CONCURRENCY, (call) => call());
    return taken.length;
  }

  private idleWait(): number {
    const reopensAt = this.circuit.reopensAt();
    return Math.max(this.env.PORTAL_POLL_INTERVAL_MS, reopensAt === null ? 0 : Math.min(reopensAt - Date.now(), this.env.PORTAL_CIRCUIT_MAX_OPEN_MS));
  }

  private async sendVersions(isUpdating: boolean, heads: TakenHead[]): Promise<void> {
    const answer = await this.portal.syncDossiers(
      isUpdating,
      heads.map((h) => h.body as HoSo),
    );
    this.heard(answer);
    if (answer.kind !== 'accepted') return this.settleAll(heads, answer);
    await this.settle(
      heads.map((head, i): Settled => {
        const result = answer.value[i];
        return { head, outcome: result.accepted ? { kind: 'sent' } : this.refused(head, result.message ?? 'refused without a message') };
      }),
    );
  }

  private async sendProgress(heads: TakenHead[]): Promise<void> {
    const answer = await this.portal.updateProgress(heads.map((h) => h.body as TienDo));
    this.heard(answer);
    // a refusal refuses the whole call: each row is tried alone, so one bad row does not hold back the others
    if (answer.kind === 'refused' && heads.length > 1) {
      await inParallel(heads, this.env.PORTAL_CONCURRENCY, (head) => this.sendProgress([head]));
      return;
    }
    await this.settleAll(heads, answer);
  }

  private heard(answer: PortalAnswer<unknown>): void {
    if (answer.kind === 'transient') this.circuit.failed(Date.now());
    else this.circuit.succeeded();
    this.lastCall = { ok: answer.kind !== 'transient', at: new Date(), error: answer.kind === 'transient' ? answer.error : null };
  }

  private async settleAll(heads: TakenHead[], answer: PortalAnswer<unknown>): Promise<void> {
    await this.settle(
      heads.map((head): Settled => {
        if (answer.kind === 'accepted') return { head, outcome: { kind: 'sent' } };
        if (answer.kind === 'refused') return { head, outcome: this.refused(head, answer.error) };
        const policy = { baseDelayMs: this.env.PORTAL_RETRY_BASE_MS, maxDelayMs: this.env.PORTAL_RETRY_MAX_MS, maxAttempts: Number.MAX_SAFE_INTEGER };
        const delay = nextAttemptDelay(policy, head.failures + 1, Math.random, answer.retryAfterMs) ?? this.env.PORTAL_RETRY_MAX_MS;
        return { head, outcome: { kind: 'transient', error: answer.error, nextAttemptAt: new Date(Date.now() + delay) } };
      }),
    );
  }

  private refused(head: TakenHead, error: string): HeadOutcome {
    const last = head.refusals + 1 >= this.env.PORTAL_MAX_REFUSALS;
    if (last) this.logger.error({ key: head.key, kind: head.kind }, `parked after ${head.refusals + 1} refusals: ${error}`);
    const policy = { baseDelayMs: this.env.PORTAL_RETRY_BASE_MS, maxDelayMs: this.env.PORTAL_RETRY_MAX_MS, maxAttempts: Number.MAX_SAFE_INTEGER };
    const delay = nextAttemptDelay(policy, head.refusals + 1, Math.random) ?? this.env.PORTAL_RETRY_MAX_MS;
    return { kind: 'refused', error, nextAttemptAt: last ? null : new Date(Date.now() + delay) };
  }

  /** One call's heads settled in one statement (the statements per update were the dispatcher's cost). */
  private async settle(settled: Settled[]): Promise<void> {
    const kept = await this.store.settleMany(settled, new Date(), this.env.PORTAL_MAX_REFUSALS);
    settled.forEach(({ head, outcome }, i) => {
      if (kept[i]) this.metrics.settled(head.kind, outcome.kind);
    });
  }
}
