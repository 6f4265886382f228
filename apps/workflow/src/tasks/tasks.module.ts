import { Module } from '@nestjs/common';
import { ControlSlipController } from '../slips/control-slip.controller';
import { ControlSlipQueries } from '../slips/control-slip.queries';
import { ChangeOfficerStatus } from '../staff/officer-status';
import { StaffController } from '../staff/staff.controller';
import { StaffModule } from '../staff/staff.module';
import { ActOnTask } from './act-on-task';
import { AssignTask } from './assign-task';
import { ClaimTask } from './claim-task';
import { ExtendAppointment } from './extend-appointment';
import { ReleaseTask } from './release-task';
import { StepTasks } from './step-task';
import { TaskCommandRunner } from './task-command-runner';
import { TaskQueries } from './task.queries';
import { TaskStore } from './task.store';
import { TasksController } from './tasks.controller';

@Module({
  imports: [StaffModule],
  controllers: [TasksController, ControlSlipController, StaffController],
  providers: [
    TaskStore,
    TaskQueries,
    ControlSlipQueries,
    StepTasks,
    TaskCommandRunner,
    ClaimTask,
    AssignTask,
    ReleaseTask,
    ActOnTask,
    ExtendAppointment,
    ChangeOfficerStatus,
  ],
  exports: [StepTasks, TaskStore],
})
export class TasksModule {}
