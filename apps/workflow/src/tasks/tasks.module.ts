import { Module } from '@nestjs/common';
import { TaskQueries } from './task.queries';
import { TasksController } from './tasks.controller';

@Module({ controllers: [TasksController], providers: [TaskQueries] })
export class TasksModule {}
