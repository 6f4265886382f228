import { Module } from '@nestjs/common';
import { DossierIntakeHandler } from './dossier-intake.handler';
import { OpenCase } from './open-case';

@Module({ controllers: [DossierIntakeHandler], providers: [OpenCase] })
export class CasesModule {}
