import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Role, Roles, Scopes } from '@motcua/auth';
import { ApiProblems, Refusal } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { DOSSIER_VIEW_MODELS } from '../dossiers/dossier.view';
import { POSTAL_RETURN_PROBLEMS, RECEIPT_PROBLEMS, RECEIVABLE_PROBLEMS } from '../dossiers/receipt-problems';
import { AcceptSubmission } from './accept-submission';
import { FileSubmission } from './file-submission';
import { OnlineSubmissionQueries } from './online-submission.queries';
import { FileSubmissionRequest, ListSubmissionsRequest, RefuseSubmissionRequest } from './online-submission.requests';
import { AcceptedSubmission, OnlineSubmissionPage, OnlineSubmissionView } from './online-submission.view';
import { RefuseSubmission } from './refuse-submission';
import { submissionNotFound } from './submission-rules';

/** The scope the National Portal's adapter holds to file online dossiers. */
export const SUBMISSIONS_WRITE = 'submissions:write';

const SUBMISSION_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The submission’s id (not the portal’s reference)' });

@ApiTags('online-submissions')
@ApiExtraModels(...DOSSIER_VIEW_MODELS)
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
    summary: 'File an online dossier with its desk (National Portal adapter)',
    description:
      'The National Portal’s adapter (a machine client with the `submissions:write` scope; an officer’s token is refused) files an online ' +
      'dossier with the desk it was filed to: 201 with the submission, newly filed (status 1), the desk’s clock on it (`countsFrom`, ' +
      '`decideBy`). The catalogue must let this desk receive this procedure online for this applicant, and every document code must be one ' +
      'of the procedure’s. Exactly one submission per portal reference (MaHoSoQG): the same content again answers 200 with the submission ' +
      'filed the first time (the adapter retries until it has confirmed), other content under the same reference is 409.',
  })
  @ApiBody({
    type: FileSubmissionRequest,
    examples: {
      birthRegistration: {
        summary: 'Đăng ký khai sinh nộp trên Cổng Dịch vụ công quốc gia',
        value: {
          portalReference: 'G22.99-261207-000123',
          procedureCode: '1.001193',
          receivingAgencyCode: '004.01.20.H26',
          applicant: { fullName: 'Nguyễn Văn An', idNumber: '001090012345', phone: '0912345678', wardCode: '00004' },
          documents: [
            {
              code: 'TK-KS',
              name: 'Tờ khai đăng ký khai sinh',
              url: 'https://dichvucong.gov.vn/files/G22.99-261207-000123/tk-ks.pdf',
              checksum: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
            },
          ],
          filedAt: '2026-12-07T18:05:00+07:00',
          returnMethod: 'electronic',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: OnlineSubmissionView, description: 'Filed: newly filed (1), for the desk to decide' })
  @ApiOkResponse({ type: OnlineSubmissionView, description: 'Filed before with the same content: the same submission' })
  @ApiProblems(
    'SUBMISSION.PORTAL_ONLY',
    'SUBMISSION.REFERENCE_REUSED',
    'SUBMISSION.FILED_IN_FUTURE',
    'SUBMISSION.DOCUMENT_UNKNOWN',
    'CATALOGUE.NOT_READY',
    ...RECEIVABLE_PROBLEMS,
    ...POSTAL_RETURN_PROBLEMS,
  )
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
  @ApiOperation({
    summary: 'List the online submissions of the caller’s desks',
    description:
      'A receiving officer or the head of a desk lists the online submissions filed with their desks, newest first; filter by one of ' +
      'their desks (`agency`) and by `state` (`new` for those still to decide). Paged: `limit` (1 to 100, default 20) per page; pass ' +
      'a page’s `nextCursor` as `cursor` for the next one (null on the last page).',
  })
  @ApiOkResponse({ type: OnlineSubmissionPage, description: 'One page, newest first' })
  list(@Query() request: ListSubmissionsRequest, @CurrentPrincipal() caller: Principal): Promise<OnlineSubmissionPage> {
    if (caller.kind !== 'officer') return Promise.resolve({ items: [], nextCursor: null });
    return this.queries.list({ ...request, agencies: caller.agencies });
  }

  @Get(':id')
  @Roles(Role.Receiver, Role.HeadOfDesk)
  @ApiOperation({
    summary: 'Read one online submission',
    description:
      'A receiving officer or the head of the desk it was filed to reads one online submission, with its documents’ links and checksums ' +
      'and, once decided, the dossier it became or why it was refused. Another desk’s submission reads as one that does not exist.',
  })
  @SUBMISSION_ID
  @ApiOkResponse({ type: OnlineSubmissionView })
  @ApiProblems('SUBMISSION.NOT_FOUND')
  async get(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<OnlineSubmissionView> {
    const submission = caller.kind === 'officer' ? await this.queries.visible(id, caller.agencies) : undefined;
    if (!submission) throw submissionNotFound(id);
    return submission;
  }

  @Post(':id/accept')
  @Roles(Role.Receiver, Role.HeadOfDesk)
  @ApiOperation({
    summary: 'Accept an online submission (tiếp nhận)',
    description:
      'A receiving officer or the head of the desk accepts a newly filed online submission: it becomes a dossier of the desk exactly as ' +
      'one received at the counter (the desk’s code for today, status 2, the officer as coordinator, the lookup secret), on channel 2, its ' +
      'appointment counted from when the desk’s time started on the filing. The catalogue checks of a receipt apply. Decided once: a ' +
      'second decision is 409. Safe to retry with an `Idempotency-Key`.',
  })
  @SUBMISSION_ID
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: AcceptedSubmission, description: 'Accepted: the submission and the receipt of the dossier it became' })
  @ApiProblems('SUBMISSION.NOT_FOUND', 'SUBMISSION.ALREADY_DECIDED', ...RECEIPT_PROBLEMS)
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
  @ApiOperation({
    summary: 'Refuse an online submission (từ chối tiếp nhận)',
    description:
      'A receiving officer or the head of the desk refuses a newly filed online submission (status 3): not admissible (`refused`, with ' +
      'its reason), or incomplete (`incomplete`, listing everything missing at once). The portal’s adapter tells the applicant. Decided ' +
      'once: a second decision is 409. Safe to retry with an `Idempotency-Key`.',
  })
  @SUBMISSION_ID
  @ApiBody({
    type: RefuseSubmissionRequest,
    examples: {
      incomplete: {
        summary: 'Thiếu giấy tờ',
        value: { outcome: 'incomplete', reason: 'Thiếu giấy chứng sinh bản chính', missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }] },
      },
      refused: {
        summary: 'Không thuộc thẩm quyền',
        value: { outcome: 'refused', reason: 'Người được đăng ký khai sinh không cư trú trên địa bàn phường Trúc Bạch' },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: OnlineSubmissionView, description: 'Refused (3)' })
  @ApiProblems('SUBMISSION.NOT_FOUND', 'SUBMISSION.ALREADY_DECIDED', 'SUBMISSION.MISSING_REQUIRED')
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
