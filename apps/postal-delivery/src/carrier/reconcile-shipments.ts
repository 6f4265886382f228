import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { readEnvironment } from '@motcua/config';
import { ShipmentStore } from '../shipments/shipment.store';
import { ApplyCarrierEvent } from './apply-carrier-event';
import { Carrier } from './carrier';
import { CarrierEnvironment } from './carrier.environment';

/**
 * Use case, the reconciler: a shipment on its way whose callbacks stopped (lost by the carrier, refused while we
 * were down) is tracked at the carrier, and every event of its tracking applied as a callback would be (once each,
 * by EventId, in the carrier's time order): a missed "delivered" still ends the dossier. Any number of replicas:
 * each shipment is taken by one (SKIP LOCKED) and its next look put off.
 */
@Injectable()
export class ReconcileShipments implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcileShipments.name);
  private readonly env = readEnvironment(CarrierEnvironment);
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly carrier: Carrier,
    private readonly store: ShipmentStore,
    private readonly applyCarrierEvent: ApplyCarrierEvent,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.RECONCILE_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => {
      this.running = this.reconcileOnce().catch((error: unknown) =>
        this.logger.warn(`reconcile failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, this.env.RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Tracks one batch of silent shipments; returns how many carrier events moved one. */
  async reconcileOnce(now = new Date()): Promise<number> {
    const silent = await this.store.takeToCheck(this.env.RECONCILE_BATCH, now, this.env.RECONCILE_AFTER_MS);
    let applied = 0;
    for (const { id, waybill } of silent) {
      try {
        const events = await this.carrier.track(waybill);
        for (const carrierEvent of events.sort((a, b) => a.at.getTime() - b.at.getTime())) {
          if ((await this.applyCarrierEvent.execute(carrierEvent)) === 'applied') applied++;
        }
      } catch (error) {
        // the carrier cannot answer now: the shipment is looked at again after the interval
        this.logger.warn({ shipmentId: id, waybill }, `tracking failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return applied;
  }
}
