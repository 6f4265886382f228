import { readEnvironment } from '@motcua/config';
import { SignedBodyGuard } from '@motcua/http';
import { SmsEnvironment } from './sms.environment';

/** The gateway has no token of ours: its delivery reports are signed with SMS_CALLBACK_SECRET. */
export const SmsReportSignatureGuard = SignedBodyGuard('DELIVERY.REPORT_SIGNATURE_INVALID', () => readEnvironment(SmsEnvironment).SMS_CALLBACK_SECRET);
