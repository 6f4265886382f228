import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TasksModule } from '../tasks/tasks.module';
import { DeadlineWatch } from './deadline-watch';

/** The deadline watch: due-soon and overdue, for tasks and dossiers. */
@Module({ imports: [TasksModule, CasesModule], providers: [DeadlineWatch], exports: [DeadlineWatch] })
export class WatchModule {}
