import { Module } from '@nestjs/common';
import { ControlSlipController } from '../slips/control-slip.controller';
import { TaskCommands } from './task-commands';
import { TaskQueries } from './task.queries';
import { TasksController } from './tasks.controller';

@Module({ controllers: [TasksController, ControlSlipController], providers: [TaskQueries, TaskCommands] })
export class TasksModule {}
