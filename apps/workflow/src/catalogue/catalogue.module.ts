import { Global, Module } from '@nestjs/common';
import { Catalogue } from './catalogue';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueries } from './catalogue.queries';

@Global()
@Module({ controllers: [CatalogueController], providers: [Catalogue, CatalogueQueries], exports: [Catalogue] })
export class CatalogueModule {}
