import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CatalogueResyncRequested, event } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { CatalogueReplica } from './catalogue-replica';
import { CatalogueReplicaEnvironment } from './catalogue-replica-environment';

export const REPLICA_SERVICE = Symbol('REPLICA_SERVICE');

/**
 * Asks workflow for a snapshot when the service starts (what was missed while it was down is repaired), and
 * keeps asking while the replica is empty: on a suite's very first start workflow's queue may not exist yet, so
 * the first request can go nowhere.
 */
@Injectable()
export class CatalogueResync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CatalogueResync.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REPLICA_SERVICE) private readonly service: string,
    private readonly replica: CatalogueReplica,
    private readonly unitOfWork: UnitOfWork,
    private readonly environment: CatalogueReplicaEnvironment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.request();
    this.timer = setInterval(() => {
      if (!this.replica.isEmpty) return clearInterval(this.timer);
      this.logger.warn('the catalogue replica is still empty: asking workflow again');
      void this.request().catch((err: unknown) => this.logger.warn(`catalogue resync request failed: ${String(err)}`));
    }, this.environment.CATALOGUE_RESYNC_RETRY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private request(): Promise<void> {
    return this.unitOfWork.run((tx) => tx.publish(event(CatalogueResyncRequested, { service: this.service, revision: this.replica.revision })));
  }
}
