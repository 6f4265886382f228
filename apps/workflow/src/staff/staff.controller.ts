import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { ChangeOfficerStatus } from './officer-status';
import { OfficerStatusResult } from './officer-status.view';

export class OfficerStatusRequest {
  @ApiProperty({ enum: ['active', 'on_leave'], description: 'on_leave: nghỉ phép, away from work; active: back at work', example: 'on_leave' })
  @IsIn(['active', 'on_leave'])
  status: 'active' | 'on_leave';
}

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/officers')
export class StaffController {
  constructor(private readonly changeStatus: ChangeOfficerStatus) {}

  /** On leave or back at work (an administrator, or the head of one of the officer's agencies). */
  @Put(':id/status')
  @ApiOperation({
    summary: 'Record an officer’s leave or return',
    description:
      'An officer goes on leave (or comes back). Going on leave, their open tasks do not wait for them: each is given to the ' +
      'least-loaded eligible colleague where its step assigns automatically, and otherwise goes back to its agency’s queue; the answer ' +
      'lists them. An administrator, or the head of one of the officer’s agencies (head of desk, division head, leader: in the staff ' +
      'record and in their token), may do it; a colleague at one of the officer’s agencies who is not its head gets 403 ' +
      '`OFFICER.HEAD_ONLY`, anyone else 404 `OFFICER.NOT_FOUND`. Repeating it changes nothing more. Safe to retry with an `Idempotency-Key`.',
  })
  @ApiParam({ name: 'id', description: 'The officer (their token’s subject)', example: '004.01.20.H26.specialist.1' })
  @ApiIdempotencyKey()
  @ApiBody({
    type: OfficerStatusRequest,
    examples: {
      'nghỉ phép': { summary: 'Cán bộ nghỉ phép', value: { status: 'on_leave' } },
      'đi làm lại': { summary: 'Cán bộ đi làm trở lại', value: { status: 'active' } },
    },
  })
  @ApiOkResponse({ type: OfficerStatusResult, description: 'Recorded: the status, and what became of the tasks the officer owned' })
  @ApiProblems('OFFICER.NOT_FOUND', 'OFFICER.HEAD_ONLY')
  async status(
    @Param('id') id: string,
    @Body() request: OfficerStatusRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<OfficerStatusResult> {
    const idempotency = idempotentRequest(key, caller.subject, `PUT /officers/${id}/status`, request);
    return answerCommand(response, await this.changeStatus.execute(id, request.status, caller, idempotency));
  }
}
