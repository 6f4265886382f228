import { Global, Module } from '@nestjs/common';
import { Catalogue } from './catalogue';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueries } from './catalogue.queries';
import { DeactivateProcedure, PublishProcessVersion } from './publish-process-version';

@Global()
@Module({ controllers: [CatalogueController], providers: [Catalogue, CatalogueQueries, PublishProcessVersion, DeactivateProcedure], exports: [Catalogue] })
export class CatalogueModule {}
