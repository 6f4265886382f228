import { Module } from '@nestjs/common';
import { AuthModule } from '@motcua/auth';
import { MessagingModule, MessagingReadiness } from '@motcua/messaging';
import { ObservabilityModule } from '@motcua/observability';
import { PersistenceModule } from '@motcua/persistence';
import { entities, migrations } from './database';
import { OnlineModule } from './online/online.module';
import { PortalReadiness } from './sync/portal-readiness';
import { SyncModule } from './sync/sync.module';

export const SERVICE = 'national-portal';

@Module({
  imports: [
    PersistenceModule.forService({ service: SERVICE, entities, migrations }),
    // The portal hears every dossier's story: intake's receipt and supplements, workflow's steps and ends.
    MessagingModule.forService({ service: SERVICE }),
    AuthModule.forRoot(),
    // the portal down is reported, never counted as this service being down (ADR 014's rule for outside parties)
    ObservabilityModule.forService({ service: SERVICE, readinessChecks: [MessagingReadiness, PortalReadiness] }),
    SyncModule,
    OnlineModule,
  ],
})
export class AppModule {}
