import { Module } from '@nestjs/common';
import { TaskCommands } from './task-commands';
import { TaskQueries } from './task.queries';
import { TasksController } from './tasks.controller';

@Module({ controllers: [TasksController], providers: [TaskQueries, TaskCommands] })
export class TasksModule {}
