import { Global, Module } from '@nestjs/common';
import { Catalogue } from './catalogue';

@Global()
@Module({ providers: [Catalogue], exports: [Catalogue] })
export class CatalogueModule {}
