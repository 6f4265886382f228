import { Global, Module } from '@nestjs/common';
import { SetOfficeHours } from './agency-office-hours';
import { Catalogue } from './catalogue';
import { CatalogueController } from './catalogue.controller';
import { CatalogueReplication, CatalogueResyncHandler } from './catalogue-replication';
import { CatalogueQueries } from './catalogue.queries';
import { CatalogueStore } from './catalogue.store';
import { DeactivateProcedure, PublishProcessVersion } from './publish-process-version';

@Global()
@Module({
  controllers: [CatalogueController, CatalogueResyncHandler],
  providers: [Catalogue, CatalogueQueries, CatalogueStore, CatalogueReplication, PublishProcessVersion, DeactivateProcedure, SetOfficeHours],
  exports: [Catalogue, CatalogueReplication],
})
export class CatalogueModule {}
