import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@motcua/contracts';

export class ListTasksRequest {
  @ApiPropertyOptional({ description: 'One of your agencies; all of them when left out', example: '004.01.20.H26' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ enum: ['none', 'me'], description: 'none: the agency queue (no owner yet); me: your tasks', default: 'none' })
  @IsOptional()
  @IsIn(['none', 'me'])
  owner: 'none' | 'me' = 'none';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
