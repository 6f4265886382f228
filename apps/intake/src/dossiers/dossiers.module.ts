import { Module } from '@nestjs/common';
import { LookupLimitsModule } from '../lookup/lookup-limits.module';
import { ApplyShipmentProgress } from './apply-shipment-progress';
import { ApplyWorkflowProgress } from './apply-workflow-progress';
import { DossierQueries } from './dossier.queries';
import { DossierStore } from './dossier.store';
import { DossiersController } from './dossiers.controller';
import { ReceiveDossier } from './receive-dossier';
import { SubmitDossier } from './submit-dossier';
import { SupplyDocuments } from './supply-documents';
import { PostalShipmentHandler } from './postal-shipment.handler';
import { WorkflowProgressHandler } from './workflow-progress.handler';

@Module({
  imports: [LookupLimitsModule],
  controllers: [DossiersController, WorkflowProgressHandler, PostalShipmentHandler],
  providers: [ReceiveDossier, SubmitDossier, SupplyDocuments, ApplyWorkflowProgress, ApplyShipmentProgress, DossierQueries, DossierStore],
  exports: [ReceiveDossier, DossierQueries],
})
export class DossiersModule {}
