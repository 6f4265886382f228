import { Injectable, Logger } from '@nestjs/common';
import { DeliveryMetrics } from './delivery-metrics';
import { type DeliveryReport, DeliveryStore } from './delivery.store';

/**
 * Use case: a provider reports that a message reached the person (delivered) or could not (undelivered). Reports
 * are idempotent (a repeated one changes nothing) and may arrive before our own record of the send.
 */
@Injectable()
export class RecordDeliveryReport {
  private readonly logger = new Logger(RecordDeliveryReport.name);

  constructor(
    private readonly store: DeliveryStore,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async execute(report: DeliveryReport): Promise<boolean> {
    const changed = await this.store.report(report);
    if (changed) this.metrics.reported(report.channel, report.delivered);
    else this.logger.debug({ ...report }, 'delivery report changed nothing (repeated, or about a settled message)');
    return changed;
  }
}
