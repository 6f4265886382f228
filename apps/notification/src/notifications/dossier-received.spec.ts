import 'reflect-metadata';
import { DossierAccepted, event, NationalStatus, ReturnMethod, SubmissionChannel } from '@motcua/contracts';
import { dossierReceivedNotification } from './dossier-received';

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
    ...names,
  });
}

describe('the "dossier received" notification', () => {
  it('is an email to the applicant, waiting to be sent, with the rendered Vietnamese letter', () => {
    const draft = dossierReceivedNotification(accepted());
    expect(draft).toMatchObject({
      dossierCode: '000.00.01.H26-261126-0007',
      receivingAgencyCode: '000.00.01.H26',
      templateKey: 'dossier.received',
      channel: 'email',
      recipient: 'binh@example.vn',
      status: 'pending',
      subject: 'Hồ sơ 000.00.01.H26-261126-0007 đã được tiếp nhận',
    });
    expect(draft.body).toContain('Kính gửi Ông/Bà Trần Văn Bình,');
    expect(draft.body).toContain('tiếp nhận lúc 09:05 ngày 26/11/2026');
  });

  it('names the procedure, with its code, and the receiving agency', () => {
    const { body } = dossierReceivedNotification(accepted({}, { procedureName: 'Đăng ký khai sinh', receivingAgencyName: 'Sở Tư pháp' }));
    expect(body).toContain('- Thủ tục hành chính: Đăng ký khai sinh (1.001193)\n- Đơn vị tiếp nhận: Sở Tư pháp');
  });

  it('says the codes where an older event carried no names', () => {
    expect(dossierReceivedNotification(accepted()).body).toContain('- Thủ tục hành chính: 1.001193\n- Đơn vị tiếp nhận: 000.00.01.H26');
  });

  it('goes by SMS to an applicant who gave only a phone number', () => {
    expect(dossierReceivedNotification(accepted({ email: undefined }))).toMatchObject({ channel: 'sms', recipient: '0987654321', status: 'pending' });
  });

  it('is recorded as no_contact when the applicant gave neither', () => {
    expect(dossierReceivedNotification(accepted({ email: undefined, phone: undefined }))).toMatchObject({
      channel: 'none',
      recipient: null,
      status: 'no_contact',
    });
  });
});
