import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { type CommandHttpResponse, IdempotencyKey, type IdempotentRequest, answerCommand, idempotentRequest } from '@motcua/persistence';
import { CallerOversight } from '../staff/caller-oversight';
import { ActOnTask } from './act-on-task';
import { AssignTask } from './assign-task';
import { ClaimTask } from './claim-task';
import { ExtendAppointment } from './extend-appointment';
import { ListTasksRequest } from './list-tasks.request';
import { ReleaseTask } from './release-task';
import { ActOnTaskRequest, AssignTaskRequest, ExtendAppointmentRequest, TaskVersionRequest } from './task-command.requests';
import type { CommandResult } from './task-command-runner';
import { agenciesToList } from './task-list-access';
import { taskNotFound } from './task-rules';
import { type TaskPage, TaskQueries, type TaskView } from './task.queries';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TaskQueries,
    private readonly oversight: CallerOversight,
    private readonly claimTask: ClaimTask,
    private readonly assignTask: AssignTask,
    private readonly releaseTask: ReleaseTask,
    private readonly actOnTask: ActOnTask,
    private readonly extendAppointment: ExtendAppointment,
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
  async claim(
    @Param('id') id: string,
    @Body() request: TaskVersionRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    return answerCommand(response, await this.claimTask.execute(id, request.version, caller, idempotency(caller, key, id, 'claim', request)));
  }

  /** The head of the agency gives the task to an eligible officer (reassigns it, when it has an owner). */
  @Post(':id/assign')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async assign(
    @Param('id') id: string,
    @Body() request: AssignTaskRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    return answerCommand(
      response,
      await this.assignTask.execute(id, request.officerId, request.version, caller, idempotency(caller, key, id, 'assign', request)),
    );
  }

  /** The owner (or the head) puts the task back in the agency's queue. */
  @Post(':id/release')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async release(
    @Param('id') id: string,
    @Body() request: TaskVersionRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    return answerCommand(response, await this.releaseTask.execute(id, request.version, caller, idempotency(caller, key, id, 'release', request)));
  }

  /** The owner finishes the step with one of the actions it allows (forward, send back with a reason, sign…). */
  @Post(':id/actions')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async act(
    @Param('id') id: string,
    @Body() request: ActOnTaskRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    const { action, note, missing } = request;
    return answerCommand(
      response,
      await this.actOnTask.execute(id, { action, note, missing }, request.version, caller, idempotency(caller, key, id, 'actions', request)),
    );
  }

  /** The owner of a running-late task gives the applicant a new appointment with an apology (at least a working day ahead). */
  @Post(':id/extension')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async extend(
    @Param('id') id: string,
    @Body() request: ExtendAppointmentRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CommandResult> {
    const extension = { reason: request.reason, newAppointmentAt: new Date(request.newAppointmentAt) };
    return answerCommand(
      response,
      await this.extendAppointment.execute(id, extension, request.version, caller, idempotency(caller, key, id, 'extension', request)),
    );
  }
}

/** A retried command with the same Idempotency-Key gets the first answer (per caller, per task and command). */
const idempotency = (caller: Principal, key: string | undefined, id: string, path: string, request: object): IdempotentRequest | undefined =>
  idempotentRequest(key, caller.subject, `POST /tasks/${id}/${path}`, request);
