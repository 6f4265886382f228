import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Role, Roles, Scopes } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { AcceptSubmission, type AcceptedSubmission } from './accept-submission';
import { FileSubmission } from './file-submission';
import { OnlineSubmissionQueries } from './online-submission.queries';
import { FileSubmissionRequest, ListSubmissionsRequest, RefuseSubmissionRequest } from './online-submission.requests';
import { OnlineSubmissionPage, OnlineSubmissionView } from './online-submission.view';
import { RefuseSubmission } from './refuse-submission';
import { submissionNotFound } from './submission-rules';

/** The scope the National Portal's adapter holds to file online dossiers. */
export const SUBMISSIONS_WRITE = 'submissions:write';

@ApiTags('online-submissions')
@ApiBearerAuth()
@Controller('api/v1/online-submissions')
export class OnlineSubmissionsController {
  constructor(
    private readonly fileSubmission: FileSubmission,
    private readonly acceptSubmission: AcceptSubmission,
    private readonly refuseSubmission: RefuseSubmission,
    private readonly queries: OnlineSubmissionQueries,
  ) {}

  @Post()
  @Scopes(SUBMISSIONS_WRITE)
  @ApiOperation({
    summary: 'The National Portal’s adapter files an online dossier with its desk: 201 newly filed (1); the same again: 200, the same submission.',
  })
  @ApiOkResponse({ type: OnlineSubmissionView })
  @ApiConflictResponse({ description: 'SUBMISSION.REFERENCE_REUSED: the portal reference was filed with other content' })
  async file(
    @Body() request: FileSubmissionRequest,
    @CurrentPrincipal() caller: Principal,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<OnlineSubmissionView> {
    // a machine's scope, never an officer's token that happens to carry it
    if (caller.kind !== 'machine') throw new Refusal('SUBMISSION.PORTAL_ONLY', 'Online dossiers are filed by the National Portal’s adapter');
    return answerCommand(response, { ...(await this.fileSubmission.execute(request)), replayed: false });
  }

  @Get()
  @Roles(Role.Receiver, Role.HeadOfDesk)
  @ApiOperation({ summary: 'The online submissions of the caller’s desks, newest first, by desk and state.' })
  @ApiOkResponse({ type: OnlineSubmissionPage })
  list(@Query() request: ListSubmissionsRequest, @CurrentPrincipal() caller: Principal): Promise<OnlineSubmissionPage> {
    if (caller.kind !== 'officer') return Promise.resolve({ items: [], nextCursor: null });
    return this.queries.list({ ...request, agencies: caller.agencies });
  }

  @Get(':id')
  @Roles(Role.Receiver, Role.HeadOfDesk)
  @ApiOkResponse({ type: OnlineSubmissionView })
  @ApiNotFoundResponse({ description: 'SUBMISSION.NOT_FOUND: no such submission, or another desk’s (the two read the same).' })
  async get(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<OnlineSubmissionView> {
    const submission = caller.kind === 'officer' ? await this.queries.visible(id, caller.agencies) : undefined;
    if (!submission) throw submissionNotFound(id);
    return submission;
  }

  @Post(':id/accept')
  @Roles(Role.Receiver, Role.HeadOfDesk)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Tiếp nhận: the submission becomes a channel-2 dossier of the desk (2), its appointment counted from the filing.' })
  @ApiConflictResponse({ description: 'SUBMISSION.ALREADY_DECIDED' })
  async accept(
    @Param('id') id: string,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<AcceptedSubmission> {
    const officer = deskOfficer(caller, id);
    const idempotency = idempotentRequest(key, officer.subject, `POST /online-submissions/${id}/accept`, {});
    return answerCommand(response, await this.acceptSubmission.execute(id, officer, idempotency));
  }

  @Post(':id/refuse')
  @Roles(Role.Receiver, Role.HeadOfDesk)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Từ chối tiếp nhận (3): not admissible, or incomplete with everything missing.' })
  @ApiOkResponse({ type: OnlineSubmissionView })
  @ApiConflictResponse({ description: 'SUBMISSION.ALREADY_DECIDED' })
  async refuse(
    @Param('id') id: string,
    @Body() request: RefuseSubmissionRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<OnlineSubmissionView> {
    const officer = deskOfficer(caller, id);
    const idempotency = idempotentRequest(key, officer.subject, `POST /online-submissions/${id}/refuse`, request);
    return answerCommand(response, await this.refuseSubmission.execute(id, request, officer, idempotency));
  }
}

/** Only an officer of a desk decides; anyone else is told the submission does not exist. */
function deskOfficer(caller: Principal, id: string): Principal {
  if (caller.kind !== 'officer') throw submissionNotFound(id);
  return caller;
}
