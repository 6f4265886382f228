import { carrierEventOf } from './vnpost-carrier';

describe('carrierEventOf', () => {
  const body = { EventId: 'EB000000014VN-3', ItemCode: 'EB000000014VN', OrderNumber: '016.01.20.H26-261207-0001', EventTime: '2026-12-09T10:15:00+07:00' };

  it('reads an event in our terms, the carrier’s time as an instant', () => {
    expect(carrierEventOf({ ...body, Status: 'DELIVERED', Note: 'Phát thành công', ReceiverName: 'Đỗ Quang Huy' })).toEqual({
      eventId: 'EB000000014VN-3',
      waybill: 'EB000000014VN',
      orderNumber: '016.01.20.H26-261207-0001',
      status: 'DELIVERED',
      at: new Date('2026-12-09T03:15:00Z'),
      note: 'Phát thành công',
      receiverName: 'Đỗ Quang Huy',
      missingDocuments: [],
    });
  });

  it('keeps the documents the postman found missing', () => {
    expect(
      carrierEventOf({ ...body, Status: 'PICKUP_INCOMPLETE', MissingDocuments: [{ Code: 'GCS', Name: 'Giấy chứng sinh' }, { Name: 'Tờ khai' }] })
        ?.missingDocuments,
    ).toEqual([{ code: 'GCS', name: 'Giấy chứng sinh' }, { name: 'Tờ khai' }]);
  });

  it('skips a status it does not know, or a time it cannot read, rather than guess', () => {
    expect(carrierEventOf({ ...body, Status: 'LOST_IN_SPACE' })).toBeNull();
    expect(carrierEventOf({ ...body, Status: 'DELIVERED', EventTime: 'hôm qua' })).toBeNull();
  });
});
