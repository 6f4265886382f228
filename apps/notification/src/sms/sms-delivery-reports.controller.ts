import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { RecordDeliveryReport } from '../delivery/delivery-reports';
import { SIGNATURE_HEADER } from '@motcua/http';
import { deliveryReportOf } from './sms-delivery-report';
import { SmsDeliveryReportRequest } from './sms-delivery-report.request';
import { SmsReportSignatureGuard } from './sms-report-signature.guard';

export class DeliveryReportAnswer {
  @ApiProperty({ description: 'false: a repeat, or about a message already settled or unknown (nothing changed)' })
  recorded: boolean;
}

@ApiTags('delivery-reports')
@Controller('api/v1/delivery-reports')
export class SmsDeliveryReportsController {
  constructor(private readonly recordDeliveryReport: RecordDeliveryReport) {}

  /**
   * The gateway tells us an SMS reached the phone or never will. Answered 200 whether or not it changed anything:
   * a gateway retries a report until it is acknowledged, and a repeat must not look like a failure.
   */
  @Post('sms')
  @Public()
  @UseGuards(SmsReportSignatureGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "The SMS gateway's delivery report (DLR) of one message" })
  @ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 'sha256=<hex HMAC-SHA256 of the raw body, keyed with SMS_CALLBACK_SECRET>' })
  @ApiOkResponse({ type: DeliveryReportAnswer })
  @ApiUnauthorizedResponse({ description: 'DELIVERY.REPORT_SIGNATURE_INVALID: the signature is missing or wrong; nothing changed.' })
  async report(@Body() request: SmsDeliveryReportRequest): Promise<DeliveryReportAnswer> {
    return { recorded: await this.recordDeliveryReport.execute(deliveryReportOf(request)) };
  }
}
