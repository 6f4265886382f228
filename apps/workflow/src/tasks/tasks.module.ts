import { Module } from '@nestjs/common';
import { ControlSlipController } from '../slips/control-slip.controller';
import { StepTasks } from './step-task';
import { TaskCommands } from './task-commands';
import { TaskQueries } from './task.queries';
import { TasksController } from './tasks.controller';

@Module({ controllers: [TasksController, ControlSlipController], providers: [TaskQueries, TaskCommands, StepTasks], exports: [StepTasks] })
export class TasksModule {}
