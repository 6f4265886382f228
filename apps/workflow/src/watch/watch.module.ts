import { Module } from '@nestjs/common';
import { DeadlineWatch } from './deadline-watch';

/** The deadline watch: due-soon and overdue, for tasks and dossiers. */
@Module({ providers: [DeadlineWatch], exports: [DeadlineWatch] })
export class WatchModule {}
