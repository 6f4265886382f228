import { isMailAddress, letterHtml, smtpOutcome } from './smtp-outcome';

describe('smtpOutcome', () => {
  it('fails a message for good on a 5xx reply', () => {
    expect(smtpOutcome({ message: 'x', responseCode: 550, response: '550 5.1.1 No such mailbox' })).toEqual({
      kind: 'permanent',
      error: 'SMTP 550: 550 5.1.1 No such mailbox',
    });
  });

  it('tries again on a 4xx reply and on network failures', () => {
    expect(smtpOutcome({ message: 'x', responseCode: 451, response: '451 try later' }).kind).toBe('transient');
    expect(smtpOutcome({ message: 'connect ECONNREFUSED 127.0.0.1:3102', code: 'ESOCKET' })).toEqual({
      kind: 'transient',
      error: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:3102',
    });
    expect(smtpOutcome({ message: 'Greeting never received', code: 'ETIMEDOUT' }).kind).toBe('transient');
  });

  it('fails at once an envelope the client itself refuses', () => {
    expect(smtpOutcome({ message: 'No recipients defined', code: 'EENVELOPE' }).kind).toBe('permanent');
  });
});

describe('letterHtml', () => {
  it('keeps the letter: paragraphs, lines, lists, escaped, in UTF-8', () => {
    const html = letterHtml('Kính gửi Ông/Bà <Hoa>,\n\nHồ sơ đã được tiếp nhận.\n- Mã hồ sơ: X\n- Thủ tục: Y\n\nTrân trọng,');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<p>Kính gửi Ông/Bà &lt;Hoa&gt;,</p>');
    expect(html).toContain('<p>Hồ sơ đã được tiếp nhận.<br>- Mã hồ sơ: X<br>- Thủ tục: Y</p>');
    expect(letterHtml('- một\n- hai')).toContain('<ul><li>một</li><li>hai</li></ul>');
  });
});

describe('isMailAddress', () => {
  it('tells an address from what is not one', () => {
    expect(isMailAddress('hoa.nguyen@example.vn')).toBe(true);
    for (const bad of ['hoa', 'hoa@', '@example.vn', 'hoa @example.vn', 'hoa@example', 'a@b@c.vn']) expect(isMailAddress(bad)).toBe(false);
  });
});
