import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BackgroundLoop } from '@motcua/bootstrap';
import { readEnvironment } from '@motcua/config';
import { CircuitBreaker, inParallel, nextAttemptDelay } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { RecordShipmentFact } from '../shipments/record-shipment-fact';
import { FINAL_STATES } from '../shipments/shipment-rules';
import { type ShipmentRecord, ShipmentStore, type TakenRequest } from '../shipments/shipment.store';
import { Carrier, type CarrierAnswer, type CarrierOrder } from './carrier';
import { CarrierEnvironment } from './carrier.environment';

/** The order a shipment makes: a sealed result to the applicant, or a collection at the applicant's for the desk. */
export function carrierOrderOf(shipment: ShipmentRecord): CarrierOrder {
  const pickup = shipment.direction === 'incoming';
  return {
    orderNumber: shipment.orderNumber,
    isPickup: pickup,
    sender: shipment.sender,
    receiver: shipment.receiver,
    codAmount: shipment.codAmount,
    weightGrams: shipment.weightGrams,
    service: shipment.service,
    content: pickup
      ? `Hồ sơ thủ tục hành chính ${shipment.procedureCode}`
      : `Kết quả giải quyết thủ tục hành chính, hồ sơ ${shipment.dossierCode ?? ''}`.trim(),
    documents: shipment.documents,
    windowStart: shipment.windowStart,
    windowEnd: shipment.windowEnd,
  };
}

/**
 * Use case, the calls out: the carrier orders and cancellations queued in `carrier_request` (the outbox of calls to
 * the carrier, written in the transaction that decided them) are taken by any number of replicas (SKIP LOCKED and a
 * lease) and made with the order number as the carrier's idempotency key, so a retried create — after a timeout, a
 * crash, a lease run out — answers the same waybill and never makes a second one. Transient failures are retried
 * with backoff and jitter; a carrier that keeps failing is left alone while its circuit is open; no transaction is
 * open while the carrier answers.
 */
@Injectable()
export class PlaceCarrierOrders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlaceCarrierOrders.name);
  private readonly env = readEnvironment(CarrierEnvironment);
  private readonly circuit = new CircuitBreaker({
    failureThreshold: this.env.CARRIER_CIRCUIT_FAILURES,
    openMs: this.env.CARRIER_CIRCUIT_OPEN_MS,
    maxOpenMs: this.env.CARRIER_CIRCUIT_MAX_OPEN_MS,
  });
  /** Long enough for a whole batch at the concurrency, each call up to its timeout: a row is never taken twice while its call may still run. */
  private readonly leaseMs = Math.max(
    this.env.CARRIER_LEASE_MS,
    Math.ceil(this.env.CARRIER_BATCH / this.env.CARRIER_CONCURRENCY) * this.env.CARRIER_TIMEOUT_MS + 1_000,
  );
  private readonly loop = new BackgroundLoop(
    'carrier calls',
    async () => ((await this.placeOnce()) === 0 ? this.idleWait() : 0),
    Math.max(this.env.CARRIER_POLL_INTERVAL_MS, 1_000),
  );

  constructor(
    private readonly carrier: Carrier,
    private readonly store: ShipmentStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly recordFact: RecordShipmentFact,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.CARRIER_POLL_INTERVAL_MS === 0) return;
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Makes one batch of due calls; returns how many were taken (the loop's step, callable from tests and the bench). */
  async placeOnce(): Promise<number> {
    const now = Date.now();
    const state = this.circuit.state(now);
    if (state === 'open') return 0;
    const taken = await this.store.take(state === 'half_open' ? 1 : this.env.CARRIER_BATCH, new Date(now), this.leaseMs);
    await inParallel(taken, this.env.CARRIER_CONCURRENCY, (request) => this.make(request));
    return taken.length;
  }

  private idleWait(): number {
    const reopensAt = this.circuit.reopensAt();
    return Math.max(this.env.CARRIER_POLL_INTERVAL_MS, reopensAt === null ? 0 : Math.min(reopensAt - Date.now(), this.env.CARRIER_CIRCUIT_MAX_OPEN_MS));
  }

  private async make(request: TakenRequest): Promise<void> {
    const { shipment } = request;
    // the circuit opened while this batch waited: leave the rest for after the probe
    const reopensAt = this.circuit.reopensAt();
    if (this.circuit.state(Date.now()) === 'open' && reopensAt !== null) {
      return this.settle(request, { status: 'pending', error: 'carrier failing: circuit open', nextAttemptAt: new Date(reopensAt) });
    }
    if (request.kind === 'create') {
      // cancelled before its order ever went out: nothing to place (after a first attempt the carrier may have made
      // it, so the create is made again — same order number — to learn the waybill the cancellation needs)
      if (shipment.state === 'cancelled' && request.attempt === 1) return this.settle(request, { status: 'done', error: 'not placed: cancelled first' });
      const answer = await this.carrier.createOrder(carrierOrderOf(shipment));
      this.count(answer);
      if (answer.kind === 'transient') return this.retry(request, answer);
      await this.unitOfWork.run(async (tx) => {
        if (
          !(await this.store.settleRequest(tx.manager, request, {
            status: answer.kind === 'accepted' ? 'done' : 'failed',
            error: answer.kind === 'accepted' ? null : answer.error,
            nextAttemptAt: null,
            at: new Date(),
          }))
        )
          return;
        const locked = await this.store.lock(tx.manager, shipment.id);
        if (!locked) return;
        const at = new Date();
        if (answer.kind === 'accepted') {
          const { waybill, fee } = answer.value;
          const moveTo = locked.state === 'ordering' ? 'created' : null;
          await this.recordFact.execute(tx, locked, {
            source: 'carrier',
            carrierStatus: 'ACCEPTED',
            state: 'created',
            moveTo,
            applied: moveTo !== null,
            occurredAt: at,
            waybill: locked.waybill === null ? waybill : null,
            postalFee: fee,
            note: answer.value.duplicated ? `Bưu điện đã có đơn này, vận đơn ${waybill}` : `Bưu điện nhận đơn, vận đơn ${waybill}`,
            actorName: 'Bưu điện',
          });
        } else if (!FINAL_STATES.has(locked.state)) {
          await this.recordFact.execute(tx, locked, {
            source: 'carrier',
            state: 'order_failed',
            moveTo: 'order_failed',
            applied: true,
            occurredAt: at,
            note: `Bưu điện từ chối đơn: ${answer.error}`,
            actorName: 'Bưu điện',
          });
        }
      });
      return;
    }
    // cancel: the waybill is needed; while the order is still being placed, wait for it
    if (shipment.waybill === null) {
      const pendingCreate = shipment.state === 'cancelled' && request.attempt < this.env.CARRIER_MAX_ATTEMPTS;
      return pendingCreate
        ? this.retry(request, { error: 'waiting for the order’s waybill' })
        : this.settle(request, { status: 'done', error: 'no order at the carrier' });
    }
    const answer = await this.carrier.cancel(shipment.waybill);
    this.count(answer);
    if (answer.kind === 'transient') return this.retry(request, answer);
    if (answer.kind === 'accepted') return this.settle(request, { status: 'done', error: null });
    // the carrier would not cancel (the postman already had it): our cancellation yields to the carrier's word — the
    // shipment is on its way again, and the reconciler reads the carrier's tracking at once
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.store.settleRequest(tx.manager, request, { status: 'failed', error: answer.error, nextAttemptAt: null, at: new Date() }))) return;
      const locked = await this.store.lock(tx.manager, shipment.id);
      if (locked?.state !== 'cancelled') return;
      const at = new Date();
      await this.recordFact.execute(tx, locked, {
        source: 'carrier',
        state: 'created',
        moveTo: 'created',
        applied: true,
        occurredAt: at,
        note: `Bưu điện không hủy được đơn: ${answer.error}`,
        actorName: 'Bưu điện',
        checkAt: at,
      });
    });
  }

  private count(answer: CarrierAnswer<unknown>): void {
    if (answer.kind === 'transient') this.circuit.failed(Date.now());
    else this.circuit.succeeded();
  }

  private async retry(request: TakenRequest, answer: { error: string; retryAfterMs?: number }): Promise<void> {
    const policy = { baseDelayMs: this.env.CARRIER_RETRY_BASE_MS, maxDelayMs: this.env.CARRIER_RETRY_MAX_MS, maxAttempts: this.env.CARRIER_MAX_ATTEMPTS };
    const delay = nextAttemptDelay(policy, request.attempt, Math.random, answer.retryAfterMs);
    if (delay === null) {
      const error = `gave up after ${request.attempt} attempts: ${answer.error}`;
      this.logger.error({ shipmentId: request.shipment.id, kind: request.kind }, `carrier call ${error}`);
      if (request.kind === 'cancel') return this.settle(request, { status: 'failed', error });
      // an order the carrier never took: the shipment fails where the desk sees it (and is told), not silently
      return this.unitOfWork.run(async (tx) => {
        if (!(await this.store.settleRequest(tx.manager, request, { status: 'failed', error, nextAttemptAt: null, at: new Date() }))) return;
        const locked = await this.store.lock(tx.manager, request.shipment.id);
        if (!locked || locked.state !== 'ordering') return;
        await this.recordFact.execute(tx, locked, {
          source: 'system',
          state: 'order_failed',
          moveTo: 'order_failed',
          applied: true,
          occurredAt: new Date(),
          note: `Không gửi được đơn tới bưu điện: ${error}`,
        });
      });
    }
    await this.settle(request, { status: 'pending', error: answer.error, nextAttemptAt: new Date(Date.now() + delay) });
  }

  private async settle(request: TakenRequest, outcome: { status: 'done' | 'failed' | 'pending'; error: string | null; nextAttemptAt?: Date }): Promise<void> {
    await this.unitOfWork.run((tx) =>
      this.store.settleRequest(tx.manager, request, { ...outcome, nextAttemptAt: outcome.nextAttemptAt ?? null, at: new Date() }),
    );
  }
}
