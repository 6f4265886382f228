import { CaseClosed, ReturnMethod, TaskCompleted, event } from '@motcua/contracts';
import type { ApplicantContact } from './applicant-contact';
import { caseClosedNotification, resultReadyNotification } from './applicant-result';

const DOSSIER = '000.00.01.H26-261126-0009';
const settings = { lookupUrl: 'https://dichvucong.hanoi.gov.vn/tra-cuu' };
const contact: ApplicantContact = {
  dossierCode: DOSSIER,
  receivingAgencyCode: '000.00.01.H26',
  receivingAgencyName: 'Sở Tư pháp thành phố Hà Nội',
  procedureCode: '2.000908',
  procedureName: 'Cấp Phiếu lý lịch tư pháp',
  applicantName: 'Lê Minh Tuấn',
  email: 'tuan@example.vn',
  phone: null,
  returnMethod: ReturnMethod.Desk,
  coordinatorId: '000.00.01.H26.receiver.2',
  coordinatorName: 'Phạm Thu Trang',
  appointmentAt: new Date('2026-12-03T09:00:00.000Z'),
  originalAppointmentAt: new Date('2026-12-03T09:00:00.000Z'),
  extended: false,
  receivedAt: new Date('2026-11-26T02:05:00.000Z'),
};
const by = (returnMethod: ReturnMethod, over: Partial<ApplicantContact> = {}) => ({ ...contact, returnMethod, ...over });

const step = { dossierCode: DOSSIER, sequence: 8, occurredAt: '2026-12-01T08:15:00.000Z', coordinatorId: '000.00.01.H26.receiver.2' };
const completed = (action: string, nationalStatus: number) =>
  event(TaskCompleted, {
    ...step,
    nationalStatus,
    taskId: '0193a1c2-0000-7000-8000-000000000008',
    stepNumber: 4,
    stepName: 'Lãnh đạo ký',
    agencyCode: '000.00.01.H26',
    action,
    actorId: '000.00.01.H26.leader.1',
    note: null,
  });

describe('telling the applicant the result is ready, by the return method they chose', () => {
  it('at the desk: come and collect it, with the receipt and an identity paper', () => {
    const draft = resultReadyNotification(contact, completed('sign', 9), settings);
    expect(draft).toMatchObject({ templateKey: 'result.ready_at_desk', channel: 'email', recipient: 'tuan@example.vn', status: 'pending' });
    expect(draft?.subject).toBe(`Hồ sơ ${DOSSIER} đã có kết quả`);
    expect(draft?.body).toBe(
      [
        'Kính gửi Ông/Bà Lê Minh Tuấn,',
        '',
        `Hồ sơ ${DOSSIER} (Cấp Phiếu lý lịch tư pháp (2.000908)) đã được giải quyết xong lúc 15:15 ngày 01/12/2026.`,
        'Mời Ông/Bà đến Bộ phận Một cửa của Sở Tư pháp thành phố Hà Nội để nhận kết quả, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân.',
        'Mọi thắc mắc, xin Ông/Bà liên hệ cán bộ đầu mối Phạm Thu Trang tại Bộ phận Một cửa của Sở Tư pháp thành phố Hà Nội.',
        '',
        'Trân trọng,',
        'Bộ phận Một cửa',
      ].join('\n'),
    );
  });

  it('at the desk, by SMS', () => {
    expect(resultReadyNotification(by(ReturnMethod.Desk, { email: null, phone: '0912345678' }), completed('sign', 9), settings)).toMatchObject({
      channel: 'sms',
      body: `Hồ sơ ${DOSSIER} đã có kết quả. Mời Ông/Bà đến Bộ phận Một cửa Sở Tư pháp thành phố Hà Nội nhận kết quả, mang theo giấy tiếp nhận và giấy tờ tùy thân.`,
    });
  });

  it('by post: it will go to the registered address, the waybill to follow', () => {
    const draft = resultReadyNotification(by(ReturnMethod.Post), completed('sign', 9), settings);
    expect(draft?.templateKey).toBe('result.by_post');
    expect(draft?.body).toContain(
      'Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ Ông/Bà đã đăng ký; mã vận đơn sẽ được thông báo khi bưu điện nhận gửi.',
    );
  });

  it('electronically: where to read it', () => {
    const draft = resultReadyNotification(by(ReturnMethod.Electronic), completed('sign', 9), settings);
    expect(draft?.templateKey).toBe('result.electronic');
    expect(draft?.body).toContain(`Ông/Bà tra cứu và nhận kết quả tại https://dichvucong.hanoi.gov.vn/tra-cuu/${DOSSIER} bằng mã tra cứu`);
  });

  it('is for the step that leaves the dossier processed (9) only', () => {
    expect(resultReadyNotification(contact, completed('forward', 4), settings)).toBeNull();
    expect(resultReadyNotification(contact, completed('approve', 9), settings)?.templateKey).toBe('result.ready_at_desk');
  });
});

describe('telling the applicant processing ended without a result', () => {
  const closed = (outcome: CaseClosed['outcome'], note: string | null) =>
    event(CaseClosed, {
      ...step,
      nationalStatus: outcome === 'stopped' ? 8 : outcome === 'withdrawn' ? 7 : 10,
      caseId: '0193a1c2-0000-7000-8000-000000000007',
      outcome,
      actorId: '000.00.01.H26.leader.1',
      note,
    });

  it('refused or stopped: with the reason', () => {
    const draft = caseClosedNotification(contact, closed('stopped', 'Người yêu cầu không thuộc đối tượng được cấp phiếu'), settings);
    expect(draft?.templateKey).toBe('dossier.stopped');
    expect(draft?.subject).toBe(`Hồ sơ ${DOSSIER}: thông báo dừng giải quyết`);
    expect(draft?.body).toContain(
      'không được tiếp tục giải quyết (thông báo lúc 15:15 ngày 01/12/2026).\nLý do: Người yêu cầu không thuộc đối tượng được cấp phiếu',
    );
  });

  it('withdrawn: confirmed in writing', () => {
    const draft = caseClosedNotification(contact, closed('withdrawn', 'Người nộp có đơn xin rút hồ sơ'), settings);
    expect(draft?.templateKey).toBe('dossier.withdrawn');
    expect(draft?.body).toContain(`đã ghi nhận đề nghị rút hồ sơ ${DOSSIER} (Cấp Phiếu lý lịch tư pháp (2.000908)) của Ông/Bà lúc 15:15 ngày 01/12/2026`);
  });

  it('says nothing more when processing ended with the result (told when it was signed)', () => {
    expect(caseClosedNotification(contact, closed('returned', null), settings)).toBeNull();
    expect(caseClosedNotification(contact, closed('processed', null), settings)).toBeNull();
  });
});
