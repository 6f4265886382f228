import { Module } from '@nestjs/common';
import { StatisticsController } from './statistics.controller';
import { StatisticsQueries } from './statistics.queries';

@Module({ controllers: [StatisticsController], providers: [StatisticsQueries] })
export class StatisticsModule {}
