import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@motcua/http';
import { MAX_VERSION } from '../tasks/task-command.requests';

class CaseVersionRequest {
  @ApiProperty({ example: 4, description: 'The case’s version, as the control slip shows it' })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version: number;
}

export class WithdrawRequest extends CaseVersionRequest {
  @ApiProperty({ example: 'Người nộp hồ sơ có đơn xin rút hồ sơ ngày 26/11/2026' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason: string;
}

export class ChangeCoordinatorRequest extends CaseVersionRequest {
  @ApiProperty({ example: '004.01.20.H26.receiver.2' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  officerId: string;
}
