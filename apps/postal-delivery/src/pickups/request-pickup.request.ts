import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, PHONE_PATTERN, type PostalAddress } from '@motcua/contracts';
import { IsNotBlank } from '@motcua/http';

export class PostalAddressRequest implements PostalAddress {
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'Who hands the papers to the postman' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  recipient: string;

  @ApiProperty({ example: '0912345678' })
  @Matches(PHONE_PATTERN, { message: 'phone must be a Vietnamese phone number: 0 or +84, then 9 or 10 digits' })
  phone: string;

  @ApiProperty({ example: 'Số 12 phố Phó Đức Chính' })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  street: string;

  @ApiProperty({ example: '00004', description: 'Statistics-office code of the ward' })
  @Matches(/^\d{5}$/, { message: 'wardCode must be a ward’s 5-digit statistics-office code' })
  wardCode: string;
}

/** An applicant (or the desk for them) asks the post to collect a dossier. */
export class RequestPickupRequest {
  @ApiProperty({ example: '1.001193', description: 'National procedure code' })
  @Matches(/^\d+\.\d{6}$/)
  procedureCode: string;

  @ApiProperty({ example: '000.00.04.H26', description: 'The one-stop desk the dossier goes to' })
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode: string;

  @ApiProperty({ type: PostalAddressRequest, description: 'Where the postman collects it' })
  @IsObject()
  @ValidateNested()
  @Type(() => PostalAddressRequest)
  address: PostalAddressRequest;

  @ApiProperty({ example: '2026-12-08T08:00:00+07:00' })
  @IsISO8601({ strict: true })
  windowStart: string;

  @ApiProperty({ example: '2026-12-08T11:00:00+07:00' })
  @IsISO8601({ strict: true })
  windowEnd: string;

  @ApiPropertyOptional({ example: 'Gọi trước khi đến' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
