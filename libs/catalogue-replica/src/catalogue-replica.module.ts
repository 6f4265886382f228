import { type DynamicModule, Module } from '@nestjs/common';
import { CatalogueReadiness } from './catalogue-readiness';
import { CatalogueReplica } from './catalogue-replica';
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
      providers: [CatalogueReplica, CatalogueResync, CatalogueReadiness, { provide: REPLICA_SERVICE, useValue: service }],
      exports: [CatalogueReplica, CatalogueReadiness],
    };
  }
}
