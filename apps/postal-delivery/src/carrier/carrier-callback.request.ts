import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CARRIER_STATUSES, type CarrierStatus } from '../shipments/shipment-rules';
import type { CarrierEventBody } from './vnpost-carrier';

export class CarrierDocument {
  @ApiPropertyOptional({ example: 'TK-KS' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  Code?: string;

  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  @IsString()
  @MaxLength(300)
  Name: string;
}

/** A status callback as the carrier posts it (signed: `X-Signature`), docs/postal-carrier.md. */
export class CarrierCallbackRequest implements CarrierEventBody {
  @ApiProperty({ description: 'Unique per event: a repeated callback carries the same one', example: 'EB000000001VN-3' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  EventId: string;

  @ApiProperty({ description: 'The waybill', example: 'EB000000001VN' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  ItemCode: string;

  @ApiProperty({ description: 'Our order number: the dossier code of a result', example: '000.00.04.H26-261207-0001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  OrderNumber: string;

  @ApiProperty({
    type: String,
    example: 'DELIVERED',
    description: `One of ${CARRIER_STATUSES.join(', ')}. A status this version does not know is answered 200 and skipped (logged), never guessed.`,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  Status: CarrierStatus | string;

  @ApiProperty({ description: "The carrier's time of the event", example: '2026-12-09T10:15:00+07:00' })
  @IsISO8601({ strict: true })
  EventTime: string;

  @ApiPropertyOptional({ example: 'Phát thành công' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  Note?: string | null;

  @ApiPropertyOptional({ example: 'Nguyễn Thị Lan' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ReceiverName?: string | null;

  @ApiPropertyOptional({ type: [CarrierDocument], description: 'PICKUP_INCOMPLETE: the documents the postman found missing' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CarrierDocument)
  MissingDocuments?: CarrierDocument[] | null;
}
