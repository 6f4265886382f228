import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { AGENCY_CODE_PATTERN, ReturnMethod } from '@motcua/contracts';
import { IsInstant, IsNotBlank } from '@motcua/http';
import { PageRequest } from '@motcua/persistence';
import { ApplicantRequest, PostalAddressRequest } from '../dossiers/submit-dossier.request';
import { SUBMISSION_STATES, type SubmissionState } from './online-submission';

/** A document of an online dossier: a link to it on the portal and the SHA-256 of its bytes (the contract's `OnlineDocument`). */
export class OnlineDocumentRequest {
  @ApiPropertyOptional({ example: 'TK-KS', description: 'The document’s code in the procedure’s list (MaThanhPhanHoSo), when the portal has it' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  code?: string;

  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'https://dichvucong.gov.vn/files/G22.99-261207-000123/tk-ks.pdf', description: 'DuongDan' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url: string;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'MaKiemTra: SHA-256, lowercase hex' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'checksum must be the SHA-256 of the document, 64 lowercase hex digits' })
  checksum: string;
}

/** An online dossier filed on the National Portal, as its adapter hands it to the desk it was filed to. */
export class FileSubmissionRequest {
  @ApiProperty({ example: 'G22.99-261207-000123', description: 'MaHoSoQG: the portal’s own reference; one submission each' })
  @Matches(/^[0-9A-Za-z][0-9A-Za-z._-]{0,59}$/)
  portalReference: string;

  @ApiProperty({ example: '1.001193', description: 'National procedure code (MaTTHC)' })
  @Matches(/^\d+\.\d{6}$/)
  procedureCode: string;

  @ApiProperty({ example: '004.01.20.H26', description: 'The desk it was filed to (MaDonVi)' })
  @Matches(AGENCY_CODE_PATTERN)
  receivingAgencyCode: string;

  @ApiProperty({ type: ApplicantRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantRequest)
  applicant: ApplicantRequest;

  @ApiProperty({ type: [OnlineDocumentRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OnlineDocumentRequest)
  documents: OnlineDocumentRequest[];

  @ApiProperty({ example: '2026-12-07T18:05:00+07:00', description: 'NgayNopHoSo, with its offset' })
  @IsInstant()
  filedAt: string;

  @ApiProperty({ enum: ReturnMethod, example: ReturnMethod.Electronic })
  @IsEnum(ReturnMethod)
  returnMethod: ReturnMethod;

  @ApiPropertyOptional({ type: PostalAddressRequest, description: 'Required when the result is returned by post; refused otherwise' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PostalAddressRequest)
  deliveryAddress?: PostalAddressRequest;
}

/** The desk's list: `?agency=&state=new|accepted|refused`. */
export class ListSubmissionsRequest extends PageRequest {
  @ApiPropertyOptional({ example: '004.01.20.H26', description: 'One of the caller’s desks (default: all of them)' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ enum: SUBMISSION_STATES })
  @IsOptional()
  @IsIn(SUBMISSION_STATES)
  state?: SubmissionState;
}

export class MissingDocumentRequest {
  @ApiPropertyOptional({ example: 'GCS' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  code?: string;

  @ApiProperty({ example: 'Giấy chứng sinh' })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  name: string;
}

/** Từ chối tiếp nhận: not admissible (`refused`), or incomplete with everything missing listed at once (`incomplete`). */
export class RefuseSubmissionRequest {
  @ApiProperty({ enum: ['refused', 'incomplete'] })
  @IsIn(['refused', 'incomplete'])
  outcome: 'refused' | 'incomplete';

  @ApiProperty({ example: 'Thiếu giấy chứng sinh bản chính' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ type: [MissingDocumentRequest], description: 'Required when incomplete' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MissingDocumentRequest)
  missing?: MissingDocumentRequest[];
}
