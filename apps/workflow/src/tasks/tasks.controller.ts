import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { ApiProblems, Refusal } from '@motcua/errors';
import { type CommandHttpResponse, IdempotencyKey, type IdempotentRequest, answerCommand, idempotentRequest } from '@motcua/persistence';
import { CallerOversight } from '../staff/caller-oversight';
import { ActOnTask } from './act-on-task';
import { AssignTask } from './assign-task';
import { ClaimTask } from './claim-task';
import { ExtendAppointment } from './extend-appointment';
import { ListTasksRequest } from './list-tasks.request';
import { ReleaseTask } from './release-task';
import { ActOnTaskRequest, AssignTaskRequest, ExtendAppointmentRequest, TaskVersionRequest } from './task-command.requests';
import { TaskCommandOperation } from './task-command.operation';
import { agenciesToList } from './task-list-access';
import { taskNotFound } from './task-rules';
import { TaskQueries } from './task.queries';
import { CommandResult, TaskPage, TaskView } from './task.view';

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
  @ApiOperation({
    summary: 'List tasks: the queue, mine, or done',
    description:
      'An officer’s work at their agencies: by default the queue (open tasks nobody owns yet); `owner=me` the tasks they own, ' +
      '`owner=any` both, `owner=all` every open task whoever owns it (heads and leaders of the agency only); `status=done` the tasks they ' +
      'completed. A leader may add `scope=subtree` for the agencies under theirs. Filters: `agency`, `procedure`, `dueBefore` (the step ' +
      'deadline; the counts follow the filters). Oldest hand-over first.\n\nPaging: at most `limit` tasks (1–100, default 20); when ' +
      '`nextCursor` is not null, pass it unchanged as `cursor` for the next page. `counts` are the queue and the caller’s own open tasks ' +
      'in the agencies listed. Officers only: a citizen’s or a partner system’s token is 403 `TASK.OFFICERS_ONLY`.',
  })
  @ApiOkResponse({ type: TaskPage, description: 'A page of tasks, with the counts' })
  @ApiProblems('TASK.OFFICERS_ONLY', 'TASK.SUBTREE_FOR_LEADERS', 'TASK.AGENCY_NOT_YOURS', 'TASK.ALL_FOR_HEADS')
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
  @ApiOperation({
    summary: 'Read one task',
    description:
      'One task with its `version` (what the next command sends, e.g. after a 409): for the officers of its agency, a leader of an ' +
      'agency above it, and its dossier’s coordinator. Anyone else gets 404 `TASK.NOT_FOUND`, as for a task that does not exist.',
  })
  @ApiOkResponse({ type: TaskView, description: 'The task' })
  @ApiProblems('TASK.NOT_FOUND')
  async one(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<TaskView> {
    if (caller.kind !== 'officer') throw taskNotFound(id);
    const task = await this.tasks.one(id, await this.oversight.agenciesSeenBy(caller), caller.subject);
    if (!task) throw taskNotFound(id);
    return task;
  }

  /** An eligible officer of the task's agency takes it from the queue. */
  @Post(':id/claim')
  @TaskCommandOperation({
    summary: 'Claim a task from the queue',
    description: 'An active officer of the task’s agency with the role its step asks for takes it from the queue and owns it.',
    body: { type: TaskVersionRequest, examples: { 'nhận xử lý': { summary: 'Nhận nhiệm vụ ở phiên bản 1', value: { version: 1 } } } },
    problems: ['TASK.ALREADY_OWNED', 'TASK.NOT_ELIGIBLE'],
  })
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
  @TaskCommandOperation({
    summary: 'Assign (or reassign) a task to an officer',
    description:
      'The head of the task’s agency (head of desk, division head or leader there) gives the task to an active officer of the agency ' +
      'with the role its step asks for; a task that has an owner is reassigned. Giving it to its current owner is 409 `TASK.ALREADY_OWNED`.',
    body: {
      type: AssignTaskRequest,
      examples: {
        'giao việc': { summary: 'Giao cho chuyên viên Nguyễn Văn An', value: { version: 1, officerId: '004.01.20.H26.specialist.2' } },
      },
    },
    problems: ['TASK.NOT_HEAD', 'TASK.ASSIGNEE_NOT_ELIGIBLE', 'TASK.ALREADY_OWNED'],
  })
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
  @TaskCommandOperation({
    summary: 'Release a task back to the queue',
    description: 'Its owner, or the head of its agency, puts an owned task back in the agency’s queue.',
    body: { type: TaskVersionRequest, examples: { 'trả lại hàng chờ': { summary: 'Trả nhiệm vụ về hàng chờ của đơn vị', value: { version: 2 } } } },
    problems: ['TASK.NOT_OWNED', 'TASK.NOT_OWNER', 'TASK.NOT_ELIGIBLE'],
  })
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
  @TaskCommandOperation({
    summary: 'Finish the step with an action',
    description:
      'The owner finishes the step with one of the actions its process version allows: `forward`, `approve` or `sign` move the ' +
      'dossier to the next step (signing issues the result), `send_back` returns it to the step before, `request_supplement` asks ' +
      'the applicant for what is missing (the case waits), `refuse` or `stop` end processing, `hand_over` returns the signed result. ' +
      'Sending back, asking for a supplement, refusing and stopping need a reason (`note`); a supplement request lists every missing ' +
      'document (`missing`). When the next step has no agency for this dossier the action is 422 `ROUTING.*` and changes nothing.',
    body: {
      type: ActOnTaskRequest,
      examples: {
        'chuyển bước': { summary: 'Chuyển hồ sơ sang bước tiếp theo', value: { version: 2, action: 'forward', note: 'Hồ sơ đầy đủ, hợp lệ' } },
        'trả lại bước trước': {
          summary: 'Trả hồ sơ về bước trước, có lý do',
          value: { version: 2, action: 'send_back', note: 'Thiếu chữ ký của người đi đăng ký trên tờ khai' },
        },
        'yêu cầu bổ sung': {
          summary: 'Yêu cầu người nộp bổ sung giấy tờ',
          value: {
            version: 2,
            action: 'request_supplement',
            note: 'Đề nghị bổ sung giấy chứng sinh bản chính',
            missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }],
          },
        },
      },
    },
    problems: [
      'TASK.NOT_OWNER',
      'TASK.NOT_ELIGIBLE',
      'TASK.ACTION_NOT_ALLOWED',
      'TASK.REASON_REQUIRED',
      'TASK.RESULT_NOT_SIGNED',
      'TASK.MISSING_LIST_REQUIRED',
      'ROUTING.NO_AGENCY',
      'ROUTING.UNKNOWN_AREA',
      'ROUTING.AMBIGUOUS',
    ],
  })
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
  @TaskCommandOperation({
    summary: 'Extend the appointment (gia hạn)',
    description:
      'The owner of a running-late task gives the applicant a new appointment with an apology (văn bản xin lỗi và hẹn lại ngày trả ' +
      'kết quả): at least one working day before the current appointment, later than it, and within the receiving desk’s office hours ' +
      'on a working day. The original appointment stays on the dossier; a second extension is flagged.',
    body: {
      type: ExtendAppointmentRequest,
      examples: {
        'gia hạn': {
          summary: 'Hẹn lại ngày trả kết quả',
          value: { version: 3, reason: 'Hồ sơ cần xác minh thêm tại cơ sở y tế nơi sinh', newAppointmentAt: '2026-12-09T16:00:00+07:00' },
        },
      },
    },
    problems: [
      'TASK.NOT_OWNER',
      'TASK.NOT_ELIGIBLE',
      'EXTENSION.NO_APPOINTMENT',
      'EXTENSION.NOT_LATER',
      'EXTENSION.OUTSIDE_OFFICE_HOURS',
      'EXTENSION.TOO_LATE',
    ],
  })
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
