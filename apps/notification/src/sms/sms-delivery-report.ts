import type { DeliveryReport } from '../delivery/delivery.store';

/**
 * The gateway's delivery reports (the carrier's DLR, passed on): posted to us once the phone has the message or the
 * carrier gave up, signed so that nobody else can mark messages delivered.
 */

/** Final states only: DELIVERED reached the phone; the others never will (FAILED by the carrier, EXPIRED its validity, REJECTED by the gateway). */
export const REPORT_STATUSES = ['DELIVERED', 'FAILED', 'EXPIRED', 'REJECTED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What a report says, once its signature and fields are checked. */
export interface SmsReport {
  /** Our notification id, as we sent it. */
  readonly requestId: string;
  readonly messageId: string;
  readonly status: ReportStatus;
  /** When the carrier reported it (ISO 8601). */
  readonly at: string;
  /** The carrier's or gateway's reason for a failure. */
  readonly errorCode?: string;
}

/** The report as delivery records it: by our id, with the gateway's as well. */
export function deliveryReportOf(report: SmsReport): DeliveryReport {
  return {
    channel: 'sms',
    notificationId: report.requestId,
    providerMessageId: report.messageId,
    delivered: report.status === 'DELIVERED',
    at: new Date(report.at),
    detail: report.errorCode ? `${report.status} (${report.errorCode})` : report.status,
  };
}
