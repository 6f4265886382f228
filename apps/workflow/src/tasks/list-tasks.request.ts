import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
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

  @ApiPropertyOptional({ enum: ['none', 'me', 'any'], default: 'none', description: 'none: the queue (no owner yet); me: your tasks; any: both' })
  @IsOptional()
  @IsIn(['none', 'me', 'any'])
  owner: 'none' | 'me' | 'any' = 'none';

  @ApiPropertyOptional({ enum: ['open', 'done'], default: 'open', description: 'done: the tasks you completed (with owner=me)' })
  @IsOptional()
  @IsIn(['open', 'done'])
  status: 'open' | 'done' = 'open';

  @ApiPropertyOptional({ example: '1.001193' })
  @IsOptional()
  @Matches(/^\d+\.\d+$/)
  procedure?: string;
}
