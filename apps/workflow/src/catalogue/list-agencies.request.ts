import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
import { PageRequest } from '@motcua/persistence';

export class ListAgenciesRequest extends PageRequest {
  @ApiPropertyOptional({ example: 'ward', description: 'A level of the hierarchy (data: city, district, ward today)' })
  @IsOptional()
  @Matches(/^[a-z_]{1,30}$/)
  level?: string;

  @ApiPropertyOptional({ example: 'justice_division', description: 'What the unit is (people_committee, justice_division…)' })
  @IsOptional()
  @Matches(/^[a-z_]{1,50}$/)
  kind?: string;

  @ApiPropertyOptional({ example: '001', description: 'Statistics-office code of the agency’s area' })
  @IsOptional()
  @Matches(/^\d{2,5}$/)
  area?: string;

  @ApiPropertyOptional({ example: '000.01.20.H26', description: 'Only the agencies directly under this one' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  parent?: string;
}
