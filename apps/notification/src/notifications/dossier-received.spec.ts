import 'reflect-metadata';
import { DossierAccepted, event, NationalStatus, ReturnMethod, SubmissionChannel } from '@motcua/contracts';
import { dossierReceivedNotification } from './dossier-received';

const settings = { lookupUrl: 'https://dichvucong.hanoi.gov.vn/tra-cuu/' };

function accepted(applicant: Partial<DossierAccepted['applicant']> = {}, names: Partial<DossierAccepted> = {}): DossierAccepted {
  return event(DossierAccepted, {
    dossierCode: '000.00.01.H26-261126-0007',
    nationalStatus: NationalStatus.Accepted,
    sequence: 1,
    occurredAt: '2026-11-26T02:05:00.000Z',
    procedureCode: '1.001193',
    channel: SubmissionChannel.InPerson,
    receivingAgencyCode: '000.00.01.H26',
    coordinatorId: 'officer-1',
    applicant: { fullName: 'Trần Văn Bình', wardCode: '00001', email: 'binh@example.vn', phone: '0987654321', ...applicant },
    returnMethod: ReturnMethod.Desk,
    receivedAt: '2026-11-26T02:05:00.000Z',
    appointmentAt: '2026-12-10T10:00:00.000Z',
    ...names,
  });
}

describe('the "dossier received" notification', () => {
  it('is an email to the applicant, waiting to be sent, with the rendered Vietnamese letter', () => {
    const draft = dossierReceivedNotification(accepted({}, { procedureName: 'Đăng ký khai sinh', receivingAgencyName: 'Sở Tư pháp' }), settings);
    expect(draft).toMatchObject({
      dossierCode: '000.00.01.H26-261126-0007',
      receivingAgencyCode: '000.00.01.H26',
      templateKey: 'dossier.received',
      channel: 'email',
      recipient: 'binh@example.vn',
      status: 'pending',
      subject: 'Hồ sơ 000.00.01.H26-261126-0007 đã được tiếp nhận',
    });
    expect(draft.body).toBe(
      [
        'Kính gửi Ông/Bà Trần Văn Bình,',
        '',
        'Hồ sơ của Ông/Bà đã được tiếp nhận lúc 09:05 ngày 26/11/2026.',
        '- Mã hồ sơ: 000.00.01.H26-261126-0007',
        '- Thủ tục hành chính: Đăng ký khai sinh (1.001193)',
        '- Đơn vị tiếp nhận: Sở Tư pháp',
        '- Thời gian hẹn trả kết quả: 17:00 ngày 10/12/2026',
        '- Hình thức nhận kết quả: Nhận trực tiếp tại Bộ phận Một cửa',
        '',
        'Ông/Bà tra cứu tình trạng hồ sơ tại https://dichvucong.hanoi.gov.vn/tra-cuu/000.00.01.H26-261126-0007 bằng mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
        'Chúng tôi sẽ thông báo để Ông/Bà biết khi có kết quả giải quyết hồ sơ.',
        '',
        'Trân trọng,',
        'Bộ phận Một cửa',
      ].join('\n'),
    );
  });

  it('says the codes where an older event carried no names, and the receipt where it carried no appointment', () => {
    const { body } = dossierReceivedNotification(accepted({}, { appointmentAt: undefined, returnMethod: ReturnMethod.Post }), settings);
    expect(body).toContain('- Thủ tục hành chính: 1.001193\n- Đơn vị tiếp nhận: 000.00.01.H26');
    expect(body).toContain(
      '- Thời gian hẹn trả kết quả: theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả\n- Hình thức nhận kết quả: Qua dịch vụ bưu chính công ích',
    );
  });

  it('goes by SMS, in its short form, to an applicant who gave only a phone number', () => {
    expect(dossierReceivedNotification(accepted({ email: undefined }), settings)).toMatchObject({
      channel: 'sms',
      recipient: '0987654321',
      status: 'pending',
      subject: 'Hồ sơ 000.00.01.H26-261126-0007 đã được tiếp nhận',
      body: 'Hồ sơ 000.00.01.H26-261126-0007 đã được tiếp nhận lúc 09:05 ngày 26/11/2026, hẹn trả kết quả 17:00 ngày 10/12/2026. Tra cứu: https://dichvucong.hanoi.gov.vn/tra-cuu/000.00.01.H26-261126-0007 (mã tra cứu in trên giấy tiếp nhận).',
    });
  });

  it('is recorded as no_contact, with the letter the applicant would have read, when the applicant gave neither', () => {
    const draft = dossierReceivedNotification(accepted({ email: undefined, phone: undefined }), settings);
    expect(draft).toMatchObject({ channel: 'none', recipient: null, status: 'no_contact' });
    expect(draft.body).toMatch(/^Kính gửi Ông\/Bà Trần Văn Bình,/);
  });
});
