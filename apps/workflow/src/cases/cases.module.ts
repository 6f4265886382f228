import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { TasksModule } from '../tasks/tasks.module';
import { CaseStore } from './case.store';
import { CasesController } from './cases.controller';
import { ChangeCoordinator } from './change-coordinator';
import { DeskCommandRunner } from './desk-command-runner';
import { DossierIntakeHandler } from './dossier-intake.handler';
import { OpenCase } from './open-case';
import { PostalDeliveryHandler } from './postal-delivery.handler';
import { RecordPostalFact } from './record-postal-fact';
import { ResumeCase } from './resume-case';
import { WithdrawDossier } from './withdraw-dossier';

@Module({
  imports: [TasksModule, StaffModule],
  controllers: [DossierIntakeHandler, PostalDeliveryHandler, CasesController],
  providers: [CaseStore, OpenCase, ResumeCase, DeskCommandRunner, WithdrawDossier, ChangeCoordinator, RecordPostalFact],
  exports: [CaseStore],
})
export class CasesModule {}
