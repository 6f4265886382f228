import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsQueries } from './statistics.queries';

@Module({ imports: [StaffModule], controllers: [StatisticsController], providers: [StatisticsQueries] })
export class StatisticsModule {}
