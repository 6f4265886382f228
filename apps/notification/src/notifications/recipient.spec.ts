import { recipientOf } from './recipient';

describe('recipientOf', () => {
  it('writes to the email address when the applicant gave one', () => {
    expect(recipientOf({ email: 'hoa@example.vn', phone: '0912345678' })).toEqual({ channel: 'email', address: 'hoa@example.vn' });
  });

  it('falls back to SMS when there is only a phone number', () => {
    expect(recipientOf({ phone: '0912345678' })).toEqual({ channel: 'sms', address: '0912345678' });
  });

  it('has no channel when the applicant left no contact', () => {
    expect(recipientOf({})).toEqual({ channel: 'none', address: null });
  });

  it('treats blank values as absent', () => {
    expect(recipientOf({ email: '  ', phone: ' 0912345678 ' })).toEqual({ channel: 'sms', address: '0912345678' });
    expect(recipientOf({ email: '', phone: '' })).toEqual({ channel: 'none', address: null });
  });
});
