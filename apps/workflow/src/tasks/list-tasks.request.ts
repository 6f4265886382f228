import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
import { IsInstant } from '@motcua/http';
import { PageRequest } from '@motcua/persistence';

export class ListTasksRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'One of your agencies (or, with scope=subtree, one under them); all of them when left out', example: '004.01.20.H26' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ enum: ['own', 'subtree'], default: 'own', description: 'subtree: a leader also sees the agencies under theirs' })
  @IsOptional()
  @IsIn(['own', 'subtree'])
  scope: 'own' | 'subtree' = 'own';

  @ApiPropertyOptional({
    enum: ['none', 'me', 'any', 'all'],
    default: 'none',
    description: 'none: the queue (no owner yet); me: your tasks; any: both; all: every open task, whoever owns it (heads and leaders)',
  })
  @IsOptional()
  @IsIn(['none', 'me', 'any', 'all'])
  owner: 'none' | 'me' | 'any' | 'all' = 'none';

  @ApiPropertyOptional({ enum: ['open', 'done'], default: 'open', description: 'done: the tasks you completed (whatever owner says)' })
  @IsOptional()
  @IsIn(['open', 'done'])
  status: 'open' | 'done' = 'open';

  @ApiPropertyOptional({ example: '1.001193' })
  @IsOptional()
  @Matches(/^\d+\.\d+$/)
  procedure?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T17:00:00+07:00',
    format: 'date-time',
    description: 'Only tasks whose step deadline is before this moment (ISO 8601 with its offset); the counts too',
  })
  @IsOptional()
  @IsInstant()
  dueBefore?: string;
}
