import { ReturnMethod, ShipmentCancelled, ShipmentDeliveryFailed, ShipmentHandedOver, ShipmentReturned, event } from '@motcua/contracts';
import { measureSms, toGsm7 } from '../sms/sms-text';
import type { ApplicantContact } from './applicant-contact';
import { shipmentFact, shipmentNewsNotifications } from './applicant-postal';

const DOSSIER = '000.00.01.H26-261126-0009';
const SHIPMENT = '0193a1c2-0000-7000-8000-00000000e001';
const settings = { lookupUrl: 'https://dichvucong.hanoi.gov.vn/tra-cuu' };
const contact: ApplicantContact = {
  dossierCode: DOSSIER,
  receivingAgencyCode: '000.00.01.H26',
  receivingAgencyName: 'Sở Tư pháp thành phố Hà Nội',
  procedureCode: '2.000908',
  procedureName: 'Cấp Phiếu lý lịch tư pháp',
  applicantName: 'Lê Minh Tuấn',
  email: null,
  phone: '0912345678',
  returnMethod: ReturnMethod.Post,
  coordinatorId: '000.00.01.H26.receiver.2',
  coordinatorName: 'Phạm Thu Trang',
  appointmentAt: new Date('2026-12-03T09:00:00.000Z'),
  originalAppointmentAt: new Date('2026-12-03T09:00:00.000Z'),
  extended: false,
  receivedAt: new Date('2026-11-26T02:05:00.000Z'),
};
const shipment = {
  shipmentId: SHIPMENT,
  direction: 'outgoing' as const,
  dossierCode: DOSSIER,
  waybill: 'EB123456789VN',
  agencyCode: '000.00.01.H26',
  sequence: 3,
  occurredAt: '2026-12-02T03:30:00.000Z',
};
const handedOver = (over: Partial<ShipmentHandedOver> = {}) =>
  event(ShipmentHandedOver, { ...shipment, state: 'picked_up', actorId: '000.00.01.H26.returner.1', ...over });
const failed = (over: Partial<ShipmentDeliveryFailed> = {}) =>
  event(ShipmentDeliveryFailed, { ...shipment, state: 'delivery_failed', sequence: 5, reason: 'Người nhận đi vắng', ...over });
const returned = (over: Partial<ShipmentReturned> = {}) =>
  event(ShipmentReturned, { ...shipment, state: 'returned', sequence: 8, occurredAt: '2026-12-06T08:00:00.000Z', reason: 'Quá số lần phát', ...over });

describe('which post news is one fact for the applicant', () => {
  it('a result handed over or returned is one fact per shipment', () => {
    expect(shipmentFact({ kind: 'handed-over', event: handedOver() })).toEqual({
      shipmentId: SHIPMENT,
      dossierCode: DOSSIER,
      fact: 'handed-over',
      sequence: 3,
    });
    expect(shipmentFact({ kind: 'returned', event: returned() })?.fact).toBe('returned');
  });

  it('each failed attempt is its own fact, the same attempt reported again (another sequence) the same one', () => {
    const first = shipmentFact({ kind: 'delivery-failed', event: failed() });
    const repeated = shipmentFact({ kind: 'delivery-failed', event: failed({ sequence: 6, occurredAt: '2026-12-02T10:30:00+07:00' }) });
    const next = shipmentFact({ kind: 'delivery-failed', event: failed({ sequence: 7, occurredAt: '2026-12-03T03:30:00.000Z' }) });
    expect(repeated?.fact).toBe(first?.fact);
    expect(next?.fact).not.toBe(first?.fact);
  });

  it('a pick-up (incoming, no dossier yet) tells no applicant: notification has no contact for it', () => {
    expect(shipmentFact({ kind: 'handed-over', event: handedOver({ direction: 'incoming', dossierCode: null }) })).toBeNull();
    expect(shipmentFact({ kind: 'returned', event: returned({ direction: 'incoming' }) })).toBeNull();
  });
});

describe('telling the applicant of a result sent by post', () => {
  it('handed over: the waybill, by SMS within two segments once the adapter strips the diacritics', () => {
    const [draft] = shipmentNewsNotifications(contact, { kind: 'handed-over', event: handedOver() }, settings);
    expect(draft).toMatchObject({ templateKey: 'postal.result_sent', channel: 'sms', recipient: '0912345678', status: 'pending' });
    expect(draft.body).toBe(
      `Kết quả hồ sơ ${DOSSIER} đã được gửi qua bưu điện, số vận đơn EB123456789VN. Tra cứu hồ sơ tại https://dichvucong.hanoi.gov.vn/tra-cuu/${DOSSIER}`,
    );
    expect(measureSms(toGsm7(draft.body)).segments).toBeLessThanOrEqual(2);
  });

  it('handed over, by email: the letter with the waybill and when the post took it', () => {
    const [draft] = shipmentNewsNotifications({ ...contact, email: 'tuan@example.vn' }, { kind: 'handed-over', event: handedOver() }, settings);
    expect(draft).toMatchObject({ channel: 'email', subject: `Hồ sơ ${DOSSIER}: kết quả đã được gửi qua bưu điện, số vận đơn EB123456789VN` });
    expect(draft.body).toContain('giao cho bưu điện lúc 10:30 ngày 02/12/2026');
    expect(draft.body).toContain('- Số vận đơn: EB123456789VN');
  });

  it('a failed delivery: the carrier’s reason, and that the post tries again or brings it back', () => {
    const [draft] = shipmentNewsNotifications(contact, { kind: 'delivery-failed', event: failed() }, settings);
    expect(draft.templateKey).toBe('postal.delivery_failed');
    expect(draft.body).toBe(
      `Bưu điện phát kết quả hồ sơ ${DOSSIER} (vận đơn EB123456789VN) không thành công: Người nhận đi vắng; bưu điện sẽ phát lại hoặc hoàn về Bộ phận Một cửa.`,
    );
    expect(measureSms(toGsm7(draft.body)).segments).toBeLessThanOrEqual(2);
  });

  it('returned: the applicant is asked to collect it at the named desk, and the coordinator to keep and hand it over', () => {
    const [applicant, coordinator] = shipmentNewsNotifications(contact, { kind: 'returned', event: returned() }, settings);
    expect(applicant).toMatchObject({ templateKey: 'postal.result_returned', channel: 'sms' });
    expect(applicant.body).toBe(
      `Kết quả hồ sơ ${DOSSIER} đã được hoàn về Bộ phận Một cửa Sở Tư pháp thành phố Hà Nội; mời Ông/Bà đến nhận trực tiếp, mang theo giấy tiếp nhận và giấy tờ tùy thân.`,
    );
    expect(measureSms(toGsm7(applicant.body)).segments).toBeLessThanOrEqual(2);
    expect(coordinator).toMatchObject({
      templateKey: 'postal.returned_to_desk',
      channel: 'officer',
      recipient: '000.00.01.H26.receiver.2',
      status: 'delivered',
      subject: `Hồ sơ ${DOSSIER}: kết quả gửi bưu điện bị hoàn về (vận đơn EB123456789VN)`,
    });
    expect(coordinator.body).toMatch(/^Kính gửi đồng chí Phạm Thu Trang,/);
    expect(coordinator.body).toContain('Lý do bưu điện ghi: Quá số lần phát');
    expect(coordinator.body).toContain('liên hệ Ông/Bà Lê Minh Tuấn để trả trực tiếp');
  });

  it('returned to a desk other than the one that received the dossier, without a reason: named by its code, and says no reason was given', () => {
    const [applicant, coordinator] = shipmentNewsNotifications(
      { ...contact, email: 'tuan@example.vn' },
      { kind: 'returned', event: returned({ agencyCode: '000.00.02.H26', reason: null }) },
      settings,
    );
    expect(applicant.body).toContain('đã hoàn về Bộ phận Một cửa của 000.00.02.H26 lúc 15:00 ngày 06/12/2026');
    expect(applicant.body).toContain('Lý do bưu điện ghi: bưu điện không ghi lý do');
    expect(coordinator.body).toContain('Lý do bưu điện ghi: bưu điện không ghi lý do');
  });

  it('an order the carrier refused: its coordinator, in their inbox, with the reason; a cancellation by the desk is no news', () => {
    const refused = event(ShipmentCancelled, {
      ...shipment,
      waybill: null,
      state: 'order_failed',
      reason: 'Bưu điện từ chối đơn: 400 03 ReceiverWardId không hợp lệ',
    });
    expect(shipmentFact({ kind: 'order-failed', event: refused })?.fact).toBe('order-failed');
    const [coordinator, ...others] = shipmentNewsNotifications(contact, { kind: 'order-failed', event: refused }, settings);
    expect(others).toEqual([]);
    expect(coordinator).toMatchObject({ templateKey: 'postal.order_failed', channel: 'officer', recipient: '000.00.01.H26.receiver.2', status: 'delivered' });
    expect(coordinator.body).toContain('Lý do: Bưu điện từ chối đơn: 400 03 ReceiverWardId không hợp lệ');
    expect(coordinator.body).toContain('liên hệ Ông/Bà Lê Minh Tuấn');

    const byDesk = event(ShipmentCancelled, { ...shipment, state: 'cancelled', reason: 'Công dân đến nhận trực tiếp' });
    expect(shipmentFact({ kind: 'order-failed', event: byDesk })).toBeNull();
  });
});
