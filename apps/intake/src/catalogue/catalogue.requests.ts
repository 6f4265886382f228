import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';

export class ListProceduresRequest {
  @ApiPropertyOptional({ example: 'ward', description: 'The level whose body decides (city, district, ward today)' })
  @IsOptional()
  @Matches(/^[a-z_]{1,30}$/)
  level?: string;

  @ApiPropertyOptional({ example: 'Hộ tịch', description: 'Lĩnh vực, exactly as the catalogue names it' })
  @IsOptional()
  @MaxLength(200)
  field?: string;
}

export class DesksRequest {
  @ApiProperty({ example: '00004', description: 'Statistics-office code of the applicant’s ward or commune' })
  @Matches(/^\d{5}$/)
  wardCode: string;
}
