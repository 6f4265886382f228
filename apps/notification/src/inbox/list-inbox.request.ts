import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageRequest } from '@motcua/persistence';

export class ListInboxRequest extends PageRequest {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only the unread messages; false or absent: all.', example: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}
