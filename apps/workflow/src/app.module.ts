import { Module } from '@nestjs/common';
import { AuthModule } from '@motcua/auth';
import { MessagingModule, MessagingReadiness } from '@motcua/messaging';
import { ObservabilityModule } from '@motcua/observability';
import { PersistenceModule } from '@motcua/persistence';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { entities, migrations } from './database';
import { StatisticsModule } from './statistics/statistics.module';
import { TasksModule } from './tasks/tasks.module';
import { WatchModule } from './watch/watch.module';

export const SERVICE = 'workflow';

@Module({
  imports: [
    PersistenceModule.forService({ service: SERVICE, entities, migrations }),
    MessagingModule.forService({ service: SERVICE }),
    AuthModule.forRoot(),
    ObservabilityModule.forService({ service: SERVICE, readinessChecks: [MessagingReadiness] }),
    CatalogueModule,
    CalendarModule,
    CasesModule,
    TasksModule,
    WatchModule,
    StatisticsModule,
  ],
})
export class AppModule {}
