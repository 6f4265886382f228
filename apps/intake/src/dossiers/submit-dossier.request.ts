import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AGENCY_CODE_PATTERN, PHONE_PATTERN, ReturnMethod, SubmissionChannel } from '@motcua/contracts';
import { IsNotBlank } from '@motcua/http';
import { WAYBILL_PATTERN } from './postal-return';

export class ApplicantRequest {
  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '001190012345', description: 'Số định danh cá nhân or tax code' })
  @IsOptional()
  @Matches(/^[0-9A-Z-]{6,20}$/)
  idNumber?: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @Matches(/^\+?[0-9]{9,15}$/)
  phone?: string;

  @ApiPropertyOptional({ example: 'lan.nguyen@example.vn' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: 'Số 12 phố Phó Đức Chính, phường Trúc Bạch, quận Ba Đình, Hà Nội' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiProperty({ example: '00004', description: 'Statistics-office code of the applicant’s ward or commune' })
  @Matches(/^\d{5}$/)
  wardCode: string;
}

export class DocumentRequest {
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ example: 'TK-KS' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  code?: string;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  copies?: number;
}

/** Where the post delivers the result (Decision 45/2016): the contract's `PostalAddress`. */
export class PostalAddressRequest {
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'Who receives the result' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  recipient: string;

  @ApiProperty({ example: '0912345678', description: 'A phone the postman calls: 0 or +84, then 9 or 10 digits' })
  @Matches(PHONE_PATTERN)
  phone: string;

  @ApiProperty({ example: 'Số 12 phố Phó Đức Chính', description: 'House number, street, hamlet' })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  street: string;

  @ApiProperty({ example: '00004', description: 'Statistics-office code of the ward or commune (the district and province follow)' })
  @Matches(/^\d{5}$/)
  wardCode: string;
}

/** A dossier a desk officer receives in person or that arrived by public post. */
export class SubmitDossierRequest {
  @ApiProperty({ example: '1.001193', description: 'National procedure code' })
  @Matches(/^\d+\.\d{6}$/)
  procedureCode: string;

  @ApiProperty({ example: '001.04.01.H26', description: 'Electronic code of the receiving desk’s agency' })
  @Matches(AGENCY_CODE_PATTERN)
  receivingAgencyCode: string;

  @ApiProperty({ enum: [SubmissionChannel.InPerson, SubmissionChannel.Post], example: SubmissionChannel.InPerson })
  @IsIn([SubmissionChannel.InPerson, SubmissionChannel.Post])
  channel: SubmissionChannel;

  @ApiProperty({ type: ApplicantRequest })
  @IsObject() // required: @ValidateNested alone lets a missing applicant through
  @ValidateNested()
  @Type(() => ApplicantRequest)
  applicant: ApplicantRequest;

  @ApiProperty({ type: [DocumentRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true }) // @ValidateNested alone takes an array for an object
  @ValidateNested({ each: true })
  @Type(() => DocumentRequest)
  documents: DocumentRequest[];

  @ApiProperty({ enum: ReturnMethod, example: ReturnMethod.Desk })
  @IsEnum(ReturnMethod)
  returnMethod: ReturnMethod;

  @ApiPropertyOptional({ type: PostalAddressRequest, description: 'Required when the result is returned by post; refused otherwise' })
  @IsOptional()
  @IsObject() // @ValidateNested alone takes a string or an array for the address
  @ValidateNested()
  @Type(() => PostalAddressRequest)
  deliveryAddress?: PostalAddressRequest;

  @ApiPropertyOptional({ example: 'EB123456789VN', description: 'Channel 3 only: the waybill of the pick-up order the post collected the dossier under' })
  @IsOptional()
  @Matches(WAYBILL_PATTERN)
  pickupWaybill?: string;
}

/** Receipts as a desk writes them: at the counter with the result collected there, and one whose result goes by post. */
export const SUBMIT_DOSSIER_EXAMPLES = {
  atTheDesk: {
    summary: 'Khai sinh, nộp trực tiếp, nhận kết quả tại Bộ phận Một cửa',
    value: {
      procedureCode: '1.001193',
      receivingAgencyCode: '004.01.20.H26',
      channel: SubmissionChannel.InPerson,
      applicant: { fullName: 'Nguyễn Văn An', idNumber: '001090012345', phone: '0912345678', wardCode: '00004' },
      documents: [
        { code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', copies: 1 },
        { code: 'GCS', name: 'Giấy chứng sinh', copies: 1 },
        { code: 'GTTT', name: 'Căn cước của người đi đăng ký khai sinh (xuất trình)', copies: 1 },
      ],
      returnMethod: ReturnMethod.Desk,
    },
  },
  byPost: {
    summary: 'Khai sinh, trả kết quả qua dịch vụ bưu chính công ích',
    value: {
      procedureCode: '1.001193',
      receivingAgencyCode: '004.01.20.H26',
      channel: SubmissionChannel.InPerson,
      applicant: {
        fullName: 'Nguyễn Thị Lan',
        idNumber: '001190012345',
        phone: '0912345678',
        email: 'lan.nguyen@example.vn',
        address: 'Số 12 phố Phó Đức Chính, phường Trúc Bạch, quận Ba Đình, Hà Nội',
        wardCode: '00004',
      },
      documents: [
        { code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', copies: 1 },
        { code: 'GCS', name: 'Giấy chứng sinh', copies: 1 },
        { code: 'GTTT', name: 'Căn cước của người đi đăng ký khai sinh (xuất trình)', copies: 1 },
      ],
      returnMethod: ReturnMethod.Post,
      deliveryAddress: { recipient: 'Nguyễn Thị Lan', phone: '0912345678', street: 'Số 12 phố Phó Đức Chính', wardCode: '00004' },
    },
  },
};
