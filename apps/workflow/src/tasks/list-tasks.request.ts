import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
import { PageRequest } from '@motcua/persistence';

export class ListTasksRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'One of your agencies; all of them when left out', example: '004.01.20.H26' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ enum: ['none', 'me'], description: 'none: the agency queue (no owner yet); me: your tasks', default: 'none' })
  @IsOptional()
  @IsIn(['none', 'me'])
  owner: 'none' | 'me' = 'none';
}
