import { Global, Module } from '@nestjs/common';
import { WorkingCalendar } from '@motcua/calendar';
import { Catalogue } from './catalogue';
import { CatalogueController } from './catalogue.controller';
import { CatalogueReplication, CatalogueResyncHandler } from './catalogue-replication';
import { CatalogueQueries } from './catalogue.queries';
import { DeactivateProcedure, PublishProcessVersion } from './publish-process-version';

@Global()
@Module({
  controllers: [CatalogueController, CatalogueResyncHandler],
  providers: [
    Catalogue,
    CatalogueQueries,
    CatalogueReplication,
    PublishProcessVersion,
    DeactivateProcedure,
    // Vietnam's working time with the official schedules this build knows
    { provide: WorkingCalendar, useValue: new WorkingCalendar() },
  ],
  exports: [Catalogue, WorkingCalendar],
})
export class CatalogueModule {}
