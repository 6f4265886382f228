import { type DynamicModule, Module } from '@nestjs/common';
import { readEnvironment } from '@motcua/config';
import { CatalogueReadiness } from './catalogue-readiness';
import { CatalogueReplica } from './catalogue-replica';
import { CatalogueReplicaEnvironment } from './catalogue-replica-environment';
import { CatalogueReplicaHandler } from './catalogue-replica.handler';
import { CatalogueResync, REPLICA_SERVICE } from './catalogue-resync';

/** A replica of workflow's catalogue in the importing service's database, kept current from its events. */
@Module({})
export class CatalogueReplicaModule {
  static forService(service: string): DynamicModule {
    return {
      module: CatalogueReplicaModule,
      global: true,
      controllers: [CatalogueReplicaHandler],
      providers: [
        { provide: CatalogueReplicaEnvironment, useFactory: () => readEnvironment(CatalogueReplicaEnvironment) },
        CatalogueReplica,
        CatalogueResync,
        CatalogueReadiness,
        { provide: REPLICA_SERVICE, useValue: service },
      ],
      exports: [CatalogueReplica, CatalogueReadiness],
    };
  }
}
