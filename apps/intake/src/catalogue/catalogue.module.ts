import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';

/** Read endpoints over intake's catalogue replica. */
@Module({ controllers: [CatalogueController] })
export class CatalogueModule {}
