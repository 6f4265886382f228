import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DocumentRequest } from './submit-dossier.request';

export class SupplyDocumentsRequest {
  @ApiProperty({ type: [DocumentRequest], description: 'Everything the supplement request listed' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DocumentRequest)
  documents: DocumentRequest[];

  @ApiPropertyOptional({ example: 'Bổ sung giấy chứng sinh bản chính' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
