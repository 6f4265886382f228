import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { ChangeCoordinatorRequest, WithdrawRequest } from './case-command.requests';
import { ChangeCoordinator } from './change-coordinator';
import { type CaseCommandResult } from './desk-command-runner';
import { WithdrawDossier } from './withdraw-dossier';

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
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
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
