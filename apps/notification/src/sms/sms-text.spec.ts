import fc from 'fast-check';
import { fitSms, measureSms, toGatewayPhone, toGsm7 } from './sms-text';

describe('toGsm7: Vietnamese as SMS writes it', () => {
  it('strips every diacritic, đ and Đ included', () => {
    expect(toGsm7('Hồ sơ đã được tiếp nhận')).toBe('Ho so da duoc tiep nhan');
    expect(toGsm7('ĐĂNG KÝ KHAI SINH – Ủy ban nhân dân phường Điện Biên')).toBe('DANG KY KHAI SINH - Uy ban nhan dan phuong Dien Bien');
    expect(toGsm7('Nguyễn Thị Hoa, Trần Văn Ẩn, Phạm Thị Ỷ, Lê Ngọc Quỳnh')).toBe('Nguyen Thi Hoa, Tran Van An, Pham Thi Y, Le Ngoc Quynh');
  });

  it('strips the same letters written decomposed (NFD), as some keyboards send them', () => {
    expect(toGsm7('Hồ sơ'.normalize('NFD'))).toBe('Ho so');
  });

  it("strips GSM-7's own accented letters too, so a message is never half-marked", () => {
    expect(toGsm7('Hà Nội, Huế, Đà Nẵng')).toBe('Ha Noi, Hue, Da Nang');
    expect(toGsm7('à é è ù ì ò')).toBe('a e e u i o');
  });

  it('writes typographic quotes, dashes and the ellipsis the GSM way', () => {
    expect(toGsm7('“Giấy tiếp nhận” – ‘bản chính’ — xem tiếp…')).toBe('"Giay tiep nhan" - \'ban chinh\' - xem tiep...');
    expect(toGsm7('«trích» • mục 1')).toBe('"trich" - muc 1');
  });

  it('drops what GSM-7 cannot carry', () => {
    expect(toGsm7('Xin chào 👋 你好 ✓ ok')).toBe('Xin chao ok');
  });

  it('keeps what GSM-7 can carry, extension characters included', () => {
    const carried = '@£$¥ _ !"#%&\'()*+,-./0123456789:;<=>? A-Z a-z {} [] ~ | ^ € \\';
    expect(toGsm7(carried)).toBe(carried);
  });

  it('closes up paragraphs and runs of spaces, and trims the ends', () => {
    expect(toGsm7('  Kính gửi Ông/Bà,\r\n\r\n  Hồ sơ   đã\tđược tiếp nhận.  \n\n\nTrân trọng  ')).toBe(
      'Kinh gui Ong/Ba,\nHo so da duoc tiep nhan.\nTran trong',
    );
    expect(toGsm7('a\u00a0b\u202fc')).toBe('a b c');
  });

  it('gives GSM-7 text, measured as GSM-7, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const converted = toGsm7(text);
        return converted.length === 0 || measureSms(converted).encoding === 'gsm7';
      }),
    );
  });

  it('changes nothing in what it already gave', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => toGsm7(toGsm7(text)) === toGsm7(text)));
  });
});

describe('measureSms: segments as a gateway bills them', () => {
  it('fits 160 GSM-7 characters in one segment, and 161 in two', () => {
    expect(measureSms('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(measureSms('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
  });

  it('puts 153 characters in each segment of a concatenated message', () => {
    expect(measureSms('a'.repeat(306)).segments).toBe(2);
    expect(measureSms('a'.repeat(307)).segments).toBe(3);
    expect(measureSms('a'.repeat(459)).segments).toBe(3);
    expect(measureSms('a'.repeat(460)).segments).toBe(4);
  });

  it('counts an extension character as two septets', () => {
    expect(measureSms('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(measureSms(`${'a'.repeat(159)}{`)).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(measureSms('[]{}~|^\\€').units).toBe(18);
  });

  it('never splits an escape pair across two segments', () => {
    // 152 septets, then a two-septet character: it opens the second segment, so 306 septets need three
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;
    expect(measureSms(text)).toEqual({ encoding: 'gsm7', units: 306, segments: 3 });
  });

  it('falls back to UCS-2 (70, then 67 a segment) for a text GSM-7 cannot carry', () => {
    expect(measureSms('ồ'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(measureSms('ồ'.repeat(71))).toEqual({ encoding: 'ucs2', units: 71, segments: 2 });
    expect(measureSms('ồ'.repeat(134)).segments).toBe(2);
    expect(measureSms('ồ'.repeat(135)).segments).toBe(3);
  });

  it('counts an emoji as two UCS-2 units, never split', () => {
    expect(measureSms('👋')).toEqual({ encoding: 'ucs2', units: 2, segments: 1 });
    expect(measureSms(`${'a'.repeat(66)}👋${'a'.repeat(66)}`)).toEqual({ encoding: 'ucs2', units: 134, segments: 3 });
  });

  it('measures nothing as no segment', () => {
    expect(measureSms('')).toEqual({ encoding: 'gsm7', units: 0, segments: 0 });
  });
});

describe('fitSms: within the segments allowed, the link whole at the end', () => {
  const link = 'https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.01.H26-261126-0001';
  const words = (n: number) => Array.from({ length: n }, (_, i) => `tu${i}`).join(' ');

  it('leaves a text that fits as it is, the link after it', () => {
    expect(fitSms('Ho so da duoc tiep nhan.', { maxSegments: 1 })).toBe('Ho so da duoc tiep nhan.');
    expect(fitSms('Ho so da duoc tiep nhan.', { maxSegments: 1, link })).toBe(`Ho so da duoc tiep nhan. ${link}`);
  });

  it('shortens a long text at a word boundary, marked with three dots', () => {
    const fitted = fitSms(words(100), { maxSegments: 1 });
    expect(measureSms(fitted).units).toBeLessThanOrEqual(160);
    expect(fitted).toMatch(/^tu0 tu1 .* tu\d+\.\.\.$/);
    // the last word is whole: the next word of the text would not have fitted
    const kept = fitted.slice(0, -3);
    expect(words(100).startsWith(`${kept} `)).toBe(true);
    expect(measureSms(`${words(100).slice(0, words(100).indexOf(' ', kept.length + 1))}...`).units).toBeGreaterThan(160);
  });

  it('keeps the link whole at the end of a shortened text', () => {
    for (const maxSegments of [1, 2, 3]) {
      const fitted = fitSms(words(300), { maxSegments, link });
      expect(fitted.endsWith(`... ${link}`)).toBe(true);
      expect(measureSms(fitted).segments).toBeLessThanOrEqual(maxSegments);
      expect(measureSms(fitted).segments).toBe(maxSegments);
    }
  });

  it('cuts inside a word only when one word is longer than the room', () => {
    expect(fitSms('x'.repeat(400), { maxSegments: 1 })).toBe(`${'x'.repeat(157)}...`);
  });

  it('does not end a shortened text with a dangling comma or dash', () => {
    const text = `${'a'.repeat(150)}, - ${'b'.repeat(20)}`;
    expect(fitSms(text, { maxSegments: 1 })).toBe(`${'a'.repeat(150)}...`);
  });

  it('counts extension characters in the room it leaves', () => {
    const fitted = fitSms(Array.from({ length: 60 }, () => '{x}').join(' '), { maxSegments: 1 });
    expect(measureSms(fitted).units).toBeLessThanOrEqual(160);
    expect(fitted.endsWith('{x}...')).toBe(true);
  });

  it('sends the link alone when not one word fits beside it', () => {
    const longLink = `https://example.vn/${'a'.repeat(138)}`;
    expect(fitSms('Ho so da duoc tiep nhan', { maxSegments: 1, link: longLink })).toBe(longLink);
  });

  it('leaves out a link that cannot fit even alone, rather than cut it', () => {
    const tooLong = `https://example.vn/${'a'.repeat(200)}`;
    expect(fitSms(words(100), { maxSegments: 1, link: tooLong })).not.toContain('https://');
  });

  it('always fits, and always ends with a link that can fit', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 1200 }).map(toGsm7),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.webUrl({ size: 'small' }), { nil: undefined }),
        (text, maxSegments, url) => {
          const fitted = fitSms(text, { maxSegments, link: url });
          expect(measureSms(fitted).segments).toBeLessThanOrEqual(maxSegments);
          if (url && measureSms(url).segments <= maxSegments) expect(fitted.endsWith(url)).toBe(true);
          if (!url && measureSms(text).segments <= maxSegments) expect(fitted).toBe(text);
        },
      ),
    );
  });
});

describe('toGatewayPhone: the gateway takes 84 and the nine digits', () => {
  it.each([
    ['0912345678', '84912345678'],
    ['0912 345 678', '84912345678'],
    ['0912.345.678', '84912345678'],
    ['0912-345-678', '84912345678'],
    ['+84912345678', '84912345678'],
    ['+84 912 345 678', '84912345678'],
    ['84912345678', '84912345678'],
    [' 0387654321 ', '84387654321'],
    ['0587654321', '84587654321'],
    ['0787654321', '84787654321'],
    ['0887654321', '84887654321'],
  ])('takes %j as %s', (written, phone) => {
    expect(toGatewayPhone(written)).toEqual({ ok: true, phone });
  });

  it.each([
    ['a landline', '0243 825 6789', /not a mobile number/],
    ['a number of another country', '+1 202 555 0143', /not a Vietnamese number/],
    ['nine digits', '091234567', /10 digits/],
    ['eleven digits', '09123456789', /10 digits/],
    ['a number without its 0', '912345678', /10 digits/],
    ['the 0084 prefix', '0084912345678', /10 digits/],
    ['a number with letters', '0912abc678', /not a phone number/],
    ['a number in brackets', '(091) 234 5678', /not a phone number/],
    ['an email address', 'hoa@example.vn', /not a phone number/],
    ['nothing', '', /not a phone number/],
    ['a mobile prefix that does not exist', '0612345678', /not a mobile number/],
    ['+84 with its 0 kept', '+840912345678', /10 digits/],
  ])('refuses %s (%j), saying why', (_what, written, reason) => {
    const result = toGatewayPhone(written);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.reason).toContain(written);
    }
  });
});
