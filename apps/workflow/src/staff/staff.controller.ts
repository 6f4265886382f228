import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { ChangeOfficerStatus, type OfficerStatusResult } from './officer-status';

export class OfficerStatusRequest {
  @ApiProperty({ enum: ['active', 'on_leave'] })
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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
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
