import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { REPORT_STATUSES, type ReportStatus, type SmsReport } from './sms-delivery-report';

/** A delivery report as the gateway posts it (signed: `X-Signature`). */
export class SmsDeliveryReportRequest implements SmsReport {
  @ApiProperty({ description: 'Our notification id, sent as the request id', example: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d' })
  @IsUUID()
  requestId: string;

  @ApiProperty({ description: "The gateway's message id", example: 'SIM-000042' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  messageId: string;

  @ApiProperty({ enum: REPORT_STATUSES, description: 'DELIVERED: it reached the phone; FAILED, EXPIRED, REJECTED: it never will', example: 'DELIVERED' })
  @IsIn(REPORT_STATUSES)
  status: ReportStatus;

  @ApiProperty({ description: 'When the carrier reported it', example: '2026-12-07T09:05:12+07:00' })
  @IsISO8601({ strict: true })
  at: string;

  @ApiPropertyOptional({ description: "The carrier's or gateway's reason for a failure", example: 'ABSENT_SUBSCRIBER' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  errorCode?: string;
}
