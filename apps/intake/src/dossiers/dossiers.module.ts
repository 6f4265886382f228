import { Module } from '@nestjs/common';
import { LookupLimitsModule } from '../lookup/lookup-limits.module';
import { ApplyWorkflowProgress } from './apply-workflow-progress';
import { DossierQueries } from './dossier.queries';
import { DossierStore } from './dossier.store';
import { DossiersController } from './dossiers.controller';
import { SubmitDossier } from './submit-dossier';
import { SupplyDocuments } from './supply-documents';
import { WorkflowProgressHandler } from './workflow-progress.handler';

@Module({
  imports: [LookupLimitsModule],
  controllers: [DossiersController, WorkflowProgressHandler],
  providers: [SubmitDossier, SupplyDocuments, ApplyWorkflowProgress, DossierQueries, DossierStore],
})
export class DossiersModule {}
