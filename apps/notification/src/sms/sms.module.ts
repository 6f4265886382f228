import { Module } from '@nestjs/common';
import { SmsDeliveryReportsController } from './sms-delivery-reports.controller';
import { SmsGatewaySender } from './sms-gateway.sender';
import { SmsReportSignatureGuard } from './sms-report-signature.guard';

/**
 * SMS through the brandname gateway: the channel's adapter (listed in `DeliveryModule.forChannels`) and the route
 * the gateway posts its delivery reports to.
 */
@Module({
  controllers: [SmsDeliveryReportsController],
  providers: [SmsGatewaySender, SmsReportSignatureGuard],
  exports: [SmsGatewaySender],
})
export class SmsModule {}
