import { MESSAGE_TEMPLATES } from './message-templates';
import { MissingTemplateVariable, render, renderTemplate } from './render-template';

describe('render', () => {
  it('fills every placeholder, in the subject and the body', () => {
    const message = render({ subject: 'Hồ sơ {code}', body: 'Mã {code}, thủ tục {procedure}.' }, { code: 'X-1', procedure: '1.001193' });
    expect(message).toEqual({ subject: 'Hồ sơ X-1', body: 'Mã X-1, thủ tục 1.001193.' });
  });

  it('refuses to render a letter with a placeholder left empty', () => {
    expect(() => render({ subject: 'Hồ sơ {code}', body: '' }, {})).toThrow(MissingTemplateVariable);
  });

  it('inserts values literally, even when they look like placeholders', () => {
    expect(render({ subject: '{a}', body: '{b}' }, { a: '{b}', b: '$&' })).toEqual({ subject: '{b}', body: '$&' });
  });

  it('fills the SMS form too, when the template has one', () => {
    expect(render({ subject: 'Hồ sơ {code}', body: '', sms: 'HS {code}' }, { code: 'X-1' })).toEqual({ subject: 'Hồ sơ X-1', body: '', sms: 'HS X-1' });
  });

  it('does not take inherited properties for values', () => {
    expect(() => render({ subject: '{constructor}', body: '' }, {})).toThrow(MissingTemplateVariable);
  });
});

describe('the dossier.received template', () => {
  const variables = {
    coordinator: 'cán bộ đầu mối của hồ sơ',
    appointmentAt: '17:00 ngày 10/12/2026',
    returnMethod: 'Nhận trực tiếp tại Bộ phận Một cửa',
    lookupUrl: 'http://localhost:8080/intake/api/v1/dossiers/000.00.01.H26-261126-0001',
    applicantName: 'Nguyễn Thị Hoa',
    dossierCode: '000.00.01.H26-261126-0001',
    procedure: 'Đăng ký khai sinh (1.001193)',
    receivingAgency: 'Sở Tư pháp',
    receivedAt: '09:05 ngày 26/11/2026',
  };

  it('names the dossier in the subject, with diacritics', () => {
    expect(renderTemplate('dossier.received', variables).subject).toBe('Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận');
  });

  it('greets the applicant and names the dossier, the procedure and the receiving unit', () => {
    const { body } = renderTemplate('dossier.received', variables);
    expect(body).toMatch(/^Kính gửi Ông\/Bà Nguyễn Thị Hoa,/);
    expect(body).toContain('Mã hồ sơ: 000.00.01.H26-261126-0001');
    expect(body).toContain('Thủ tục hành chính: Đăng ký khai sinh (1.001193)');
    expect(body).toContain('Đơn vị tiếp nhận: Sở Tư pháp');
    expect(body).toContain('tiếp nhận lúc 09:05 ngày 26/11/2026');
    expect(body).toContain('khi có kết quả giải quyết hồ sơ');
  });

  it('is stored in Unicode NFC, so every channel and search sees the same letters', () => {
    for (const template of Object.values(MESSAGE_TEMPLATES)) {
      expect(template.subject).toBe(template.subject.normalize('NFC'));
      expect(template.body).toBe(template.body.normalize('NFC'));
      const sms: string = 'sms' in template ? template.sms : '';
      expect(sms).toBe(sms.normalize('NFC'));
    }
  });
});
