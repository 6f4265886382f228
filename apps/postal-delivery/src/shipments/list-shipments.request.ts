import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOSSIER_CODE_PATTERN } from '@motcua/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListShipmentsRequest {
  @ApiProperty({ example: '000.00.01.H26-261126-0001' })
  @Matches(DOSSIER_CODE_PATTERN, { message: 'dossierCode must be a dossier code (<unit>-<YYMMDD>-<NNNN>)' })
  dossierCode: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
