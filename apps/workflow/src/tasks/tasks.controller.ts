import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { CallerOversight } from '../staff/caller-oversight';
import { ListTasksRequest } from './list-tasks.request';
import { ActOnTaskRequest, AssignTaskRequest, ExtendAppointmentRequest, TaskVersionRequest } from './task-command.requests';
import { type CommandResult, TaskCommands } from './task-commands';
import { agenciesToList } from './task-list-access';
import { type TaskCommand, taskNotFound } from './task-rules';
import { type TaskPage, TaskQueries, type TaskView } from './task.queries';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TaskQueries,
    private readonly commands: TaskCommands,
    private readonly oversight: CallerOversight,
  ) {}

  /**
   * An officer's work: their agencies' queue of unowned tasks, the tasks they own, or those they completed; a
   * leader may ask for the agencies under theirs too (scope=subtree). With the counts of the queue and their own.
   */
  @Get()
  async list(@Query() request: ListTasksRequest, @CurrentPrincipal() caller: Principal): Promise<TaskPage> {
    // The agencies the organisation's record confirms for the caller's token, what they head and lead (one small read).
    const oversight = await this.oversight.of(caller);
    const agencies = agenciesToList(caller.kind, request, oversight, this.oversight.underLeadership(oversight));
    if (agencies instanceof Refusal) throw agencies;
    return this.tasks.list({
      agencies,
      callerId: caller.subject,
      owner: request.owner,
      status: request.status,
      procedure: request.procedure,
      dueBefore: request.dueBefore === undefined ? undefined : new Date(request.dueBefore),
      limit: request.limit,
      cursor: request.cursor,
    });
  }

  /**
   * One task with its version (what to send with the next command, e.g. after a 409): for the officers of its
   * agency, a leader of an agency above it, and its dossier's coordinator. 404 for anyone else.
   */
  @Get(':id')
  async one(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<TaskView> {
    if (caller.kind !== 'officer') throw taskNotFound(id);
    const task = await this.tasks.one(id, await this.oversight.agenciesSeenBy(caller), caller.subject);
    if (!task) throw taskNotFound(id);
    return task;
  }

  /** An eligible officer of the task's agency takes it from the queue. */
  @Post(':id/claim')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  claim(
    @Param('id') id: string,
    @Body() request: TaskVersionRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    return this.run(id, 'claim', { kind: 'claim' }, request, caller, key, response);
  }

  /** The head of the agency gives the task to an eligible officer (reassigns it, when it has an owner). */
  @Post(':id/assign')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  assign(
    @Param('id') id: string,
    @Body() request: AssignTaskRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    return this.run(id, 'assign', { kind: 'assign', officerId: request.officerId }, request, caller, key, response);
  }

  /** The owner (or the head) puts the task back in the agency's queue. */
  @Post(':id/release')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  release(
    @Param('id') id: string,
    @Body() request: TaskVersionRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    return this.run(id, 'release', { kind: 'release' }, request, caller, key, response);
  }

  /** The owner finishes the step with one of the actions it allows (forward, send back with a reason, sign…). */
  @Post(':id/actions')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  act(
    @Param('id') id: string,
    @Body() request: ActOnTaskRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    return this.run(id, 'actions', { kind: 'act', action: request.action, note: request.note, missing: request.missing }, request, caller, key, response);
  }

  /** The owner of a running-late task gives the applicant a new appointment with an apology (at least a working day ahead). */
  @Post(':id/extension')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  extend(
    @Param('id') id: string,
    @Body() request: ExtendAppointmentRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    return this.run(id, 'extension', { kind: 'extend', reason: request.reason, newAppointmentAt: new Date(request.newAppointmentAt) }, request, caller, key, response);
  }

  private async run(
    id: string,
    path: string,
    command: TaskCommand,
    request: TaskVersionRequest,
    caller: Principal,
    key: string | undefined,
    response: CommandHttpResponse,
  ): Promise<CommandResult> {
    const idempotency = idempotentRequest(key, caller.subject, `POST /tasks/${id}/${path}`, request);
    return answerCommand(response, await this.commands.execute(id, command, request.version, caller, idempotency));
  }
}
