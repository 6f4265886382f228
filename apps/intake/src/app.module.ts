import { Module } from '@nestjs/common';
import { AuthModule } from '@motcua/auth';
import { CatalogueReadiness, CatalogueReplicaModule } from '@motcua/catalogue-replica';
import { MessagingModule, MessagingReadiness } from '@motcua/messaging';
import { ObservabilityModule } from '@motcua/observability';
import { PersistenceModule } from '@motcua/persistence';
import { CatalogueModule } from './catalogue/catalogue.module';
import { entities, migrations } from './database';
import { DossiersModule } from './dossiers/dossiers.module';
import { SubmissionsModule } from './submissions/submissions.module';

export const SERVICE = 'intake';

@Module({
  imports: [
    PersistenceModule.forService({ service: SERVICE, entities, migrations }),
    MessagingModule.forService({ service: SERVICE }),
    AuthModule.forRoot(),
    CatalogueReplicaModule.forService(SERVICE),
    ObservabilityModule.forService({ service: SERVICE, readinessChecks: [MessagingReadiness, CatalogueReadiness] }),
    DossiersModule,
    SubmissionsModule,
    CatalogueModule,
  ],
})
export class AppModule {}
