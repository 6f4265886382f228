import { Module } from '@nestjs/common';
import { ControlSlipController } from '../slips/control-slip.controller';
import { ControlSlipQueries } from '../slips/control-slip.queries';
import { ChangeOfficerStatus } from '../staff/officer-status';
import { StaffController } from '../staff/staff.controller';
import { StaffModule } from '../staff/staff.module';
import { StepTasks } from './step-task';
import { TaskCommands } from './task-commands';
import { TaskQueries } from './task.queries';
import { TasksController } from './tasks.controller';

@Module({
  imports: [StaffModule],
  controllers: [TasksController, ControlSlipController, StaffController],
  providers: [TaskQueries, ControlSlipQueries, TaskCommands, StepTasks, ChangeOfficerStatus],
  exports: [StepTasks],
})
export class TasksModule {}
