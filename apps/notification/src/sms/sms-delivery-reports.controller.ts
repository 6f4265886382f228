import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
import { ApiSignedBody } from '@motcua/http';
import { RecordDeliveryReport } from '../delivery/delivery-reports';
import { deliveryReportOf } from './sms-delivery-report';
import { SmsDeliveryReportRequest } from './sms-delivery-report.request';
import { SmsReportSignatureGuard } from './sms-report-signature.guard';

@ApiSchema({ name: 'DeliveryReportAnswer', description: 'The acknowledgement of an SMS delivery report' })
export class DeliveryReportAnswer {
  @ApiProperty({
    description: 'true: the message’s status changed; false: a repeat, or about a message already settled or unknown (nothing changed)',
    example: true,
  })
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
  @ApiOperation({
    summary: "The SMS gateway's delivery report (DLR) of one message",
    description:
      'The SMS gateway tells us that a message reached the phone (`DELIVERED`) or never will (`FAILED` by the carrier, `EXPIRED` its validity, `REJECTED` by the gateway). ' +
      'Called by the gateway only: it has no token of ours, so the body is signed (`X-Signature`, keyed with SMS_CALLBACK_SECRET). ' +
      'Answered 200 whether or not it changed anything (`recorded: false` for a repeat, or a report about a message already settled or ' +
      'not ours), so that the gateway stops retrying; a report is never applied twice.',
  })
  @ApiSignedBody('SMS_CALLBACK_SECRET')
  @ApiBody({
    type: SmsDeliveryReportRequest,
    examples: {
      delivered: {
        summary: 'Tin nhắn đã đến máy người nhận',
        value: { requestId: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d', messageId: 'SIM-000042', status: 'DELIVERED', at: '2026-12-07T09:05:12+07:00' },
      },
      undelivered: {
        summary: 'Thuê bao không liên lạc được, tin nhắn không đến',
        value: {
          requestId: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d',
          messageId: 'SIM-000043',
          status: 'FAILED',
          at: '2026-12-07T09:06:40+07:00',
          errorCode: 'ABSENT_SUBSCRIBER',
        },
      },
    },
  })
  @ApiOkResponse({ type: DeliveryReportAnswer, description: 'Acknowledged: the gateway stops retrying this report.' })
  @ApiProblems('DELIVERY.REPORT_SIGNATURE_INVALID')
  async report(@Body() request: SmsDeliveryReportRequest): Promise<DeliveryReportAnswer> {
    return { recorded: await this.recordDeliveryReport.execute(deliveryReportOf(request)) };
  }
}
