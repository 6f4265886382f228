import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, canActForAgency } from '@motcua/auth';
import { ProblemDetailsException } from '@motcua/observability';
import { ListTasksRequest } from './list-tasks.request';
import { type TaskPage, TaskQueries } from './task.queries';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class TasksController {
  constructor(private readonly tasks: TaskQueries) {}

  /** An officer's work: their agency's queue of unowned tasks, or the tasks they own. */
  @Get()
  async list(@Query() request: ListTasksRequest, @CurrentPrincipal() caller: Principal): Promise<TaskPage> {
    if (caller.kind !== 'officer') {
      throw new ProblemDetailsException({ status: HttpStatus.FORBIDDEN, code: 'TASK.OFFICERS_ONLY', title: 'Only officers have work queues' });
    }
    if (request.agency !== undefined && !canActForAgency(caller, request.agency)) {
      throw new ProblemDetailsException({
        status: HttpStatus.FORBIDDEN,
        code: 'TASK.AGENCY_NOT_YOURS',
        title: 'Not one of your agencies',
        errors: [{ field: 'agency', code: 'AGENCY_NOT_YOURS', message: `you do not work at ${request.agency}` }],
      });
    }
    return this.tasks.listOpen({
      agencies: request.agency ? [request.agency] : caller.agencies,
      ownerId: request.owner === 'me' ? caller.subject : null,
      limit: request.limit,
      cursor: request.cursor,
    });
  }
}
