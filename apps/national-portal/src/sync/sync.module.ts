import { Global, Module } from '@nestjs/common';
import { NationalPortal } from '../portal/national-portal';
import { PortalApi } from '../portal/portal-api';
import { DossierEventsHandler } from './dossier-events.handler';
import { PortalReadiness } from './portal-readiness';
import { RecordDossierEvent } from './record-dossier-event';
import { RetrySync } from './retry-sync';
import { SendUpdates } from './send-updates';
import { SyncMetrics } from './sync-metrics';
import { SyncController } from './sync.controller';
import { SyncQueries } from './sync.queries';
import { SyncStore } from './sync.store';

/** Every dossier's state and progress to the portal: the records from events, the dispatcher, the operators' view. */
@Global()
@Module({
  controllers: [DossierEventsHandler, SyncController],
  providers: [
    SyncStore,
    SyncQueries,
    SyncMetrics,
    RecordDossierEvent,
    SendUpdates,
    RetrySync,
    PortalReadiness,
    { provide: NationalPortal, useClass: PortalApi },
  ],
  exports: [NationalPortal, SendUpdates, PortalReadiness],
})
export class SyncModule {}
