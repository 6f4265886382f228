import { Module } from '@nestjs/common';
import { AuthModule } from '@motcua/auth';
import { CatalogueReadiness, CatalogueReplicaModule } from '@motcua/catalogue-replica';
import { MessagingModule, MessagingReadiness } from '@motcua/messaging';
import { ObservabilityModule } from '@motcua/observability';
import { PersistenceModule } from '@motcua/persistence';
import { entities, migrations } from './database';
import { ShipmentsModule } from './shipments/shipments.module';

export const SERVICE = 'postal-delivery';

@Module({
  imports: [
    PersistenceModule.forService({ service: SERVICE, entities, migrations }),
    // The post carries dossiers in and results out: it follows intake's receipt and workflow's results.
    MessagingModule.forService({ service: SERVICE }),
    AuthModule.forRoot(),
    CatalogueReplicaModule.forService(SERVICE),
    ObservabilityModule.forService({ service: SERVICE, readinessChecks: [MessagingReadiness, CatalogueReadiness] }),
    ShipmentsModule,
  ],
})
export class AppModule {}
