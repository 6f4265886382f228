import { Body, Controller, HttpCode, HttpStatus, Param, Post, Put, Res, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, type ApiBodyOptions, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { ChangeCoordinatorRequest, WithdrawRequest } from './case-command.requests';
import { CaseCommandResult } from './case.view';
import { ChangeCoordinator } from './change-coordinator';
import { WithdrawDossier } from './withdraw-dossier';

const OPTIMISTIC =
  'The body names the case’s `version` as the control slip shows it: a case changed since is 409 `CASE.VERSION_CONFLICT` and ' +
  'nothing changes (reload the slip). Only officers of the dossier’s receiving desk see it: anyone else gets 404 `DOSSIER.NOT_FOUND`, as ' +
  'for a dossier that does not exist. A case whose processing has ended is 409 `CASE.CLOSED`. Safe to retry with an `Idempotency-Key`.';

/** The OpenAPI side of a command of the receiving desk on a whole case: 200 with the case's new version, and its problems. */
const DeskCommandOperation = (o: { summary: string; description: string; body: ApiBodyOptions; problems: string[] }): MethodDecorator =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary: o.summary, description: `${o.description}\n\n${OPTIMISTIC}` }),
    ApiParam({ name: 'code', description: 'Mã hồ sơ', example: '004.01.20.H26-261207-0001' }),
    ApiIdempotencyKey(),
    ApiBody(o.body),
    ApiOkResponse({ type: CaseCommandResult, description: 'Done: the case’s new version, status and coordinator' }),
    ApiProblems('DOSSIER.NOT_FOUND', 'CASE.CLOSED', 'CASE.VERSION_CONFLICT', ...o.problems),
  );

/** A dossier's case, as its receiving desk manages it. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/dossiers')
export class CasesController {
  constructor(
    private readonly withdrawDossier: WithdrawDossier,
    private readonly changeCoordinatorOf: ChangeCoordinator,
  ) {}

  /** The applicant withdrew the dossier (7): recorded by the receiving desk; any open step ends with it. */
  @Post(':code/withdrawal')
  @DeskCommandOperation({
    summary: 'Record the applicant’s withdrawal of the dossier',
    description:
      'The applicant withdrew the dossier (rút hồ sơ, national status 7): a receiver or the head of the receiving desk records it, ' +
      'with the reason. Processing ends: any open step ends with it, and its owner is told.',
    body: {
      type: WithdrawRequest,
      examples: {
        'rút hồ sơ': {
          summary: 'Người nộp có đơn xin rút hồ sơ',
          value: { version: 4, reason: 'Người nộp hồ sơ có đơn xin rút hồ sơ ngày 26/11/2026' },
        },
      },
    },
    problems: ['CASE.DESK_ONLY'],
  })
  async withdraw(
    @Param('code') code: string,
    @Body() request: WithdrawRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CaseCommandResult> {
    const idempotency = idempotentRequest(key, caller.subject, `POST /dossiers/${code}/withdrawal`, request);
    return answerCommand(response, await this.withdrawDossier.execute(code, request.reason, request.version, caller, idempotency));
  }

  /** The head of the receiving desk gives the dossier another coordinator. */
  @Put(':code/coordinator')
  @DeskCommandOperation({
    summary: 'Change the dossier’s coordinator',
    description:
      'The head of the receiving desk gives the dossier another coordinator (cán bộ đầu mối, one at a time): a receiver or head of ' +
      'the desk who is at work. The new coordinator is told.',
    body: {
      type: ChangeCoordinatorRequest,
      examples: {
        'đổi đầu mối': { summary: 'Giao cho cán bộ tiếp nhận khác làm đầu mối', value: { version: 4, officerId: '004.01.20.H26.receiver.2' } },
      },
    },
    problems: ['CASE.HEAD_OF_DESK_ONLY', 'CASE.COORDINATOR_NOT_ELIGIBLE', 'CASE.ALREADY_COORDINATOR'],
  })
  async changeCoordinator(
    @Param('code') code: string,
    @Body() request: ChangeCoordinatorRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<CaseCommandResult> {
    const idempotency = idempotentRequest(key, caller.subject, `PUT /dossiers/${code}/coordinator`, request);
    return answerCommand(response, await this.changeCoordinatorOf.execute(code, request.officerId, request.version, caller, idempotency));
  }
}
