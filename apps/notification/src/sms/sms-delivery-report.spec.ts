import { deliveryReportOf } from './sms-delivery-report';

describe('deliveryReportOf', () => {
  const report = { requestId: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d', messageId: 'GW-1', at: '2026-12-07T09:00:05+07:00' };

  it('records DELIVERED as delivered, by our id and the gateway’s', () => {
    expect(deliveryReportOf({ ...report, status: 'DELIVERED' })).toEqual({
      channel: 'sms',
      notificationId: report.requestId,
      providerMessageId: 'GW-1',
      delivered: true,
      at: new Date('2026-12-07T02:00:05Z'),
      detail: 'DELIVERED',
    });
  });

  it.each(['FAILED', 'EXPIRED', 'REJECTED'] as const)('records %s as undelivered, with the reason when given', (status) => {
    expect(deliveryReportOf({ ...report, status })).toMatchObject({ delivered: false, detail: status });
    expect(deliveryReportOf({ ...report, status, errorCode: 'ABSENT_SUBSCRIBER' })).toMatchObject({
      delivered: false,
      detail: `${status} (ABSENT_SUBSCRIBER)`,
    });
  });
});
