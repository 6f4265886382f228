import { Module } from '@nestjs/common';
import { DossierIntakeHandler } from './dossier-intake.handler';
import { TasksModule } from '../tasks/tasks.module';
import { CaseCommands } from './case-commands';
import { CasesController } from './cases.controller';
import { OpenCase } from './open-case';
import { ResumeCase } from './resume-case';

@Module({ imports: [TasksModule], controllers: [DossierIntakeHandler, CasesController], providers: [OpenCase, ResumeCase, CaseCommands] })
export class CasesModule {}
