import { formatVietnamDateTime, toVietnamIso, vietnamDate } from './vietnam-time';

describe('Vietnam time', () => {
  it('shows an instant at UTC+07:00', () => {
    expect(toVietnamIso(new Date('2026-02-13T10:00:00Z'))).toBe('2026-02-13T17:00:00.000+07:00');
    expect(new Date(toVietnamIso(new Date('2026-02-13T10:00:00.123Z'))).toISOString()).toBe('2026-02-13T10:00:00.123Z');
  });

  it('changes the date at midnight in Hà Nội, 17:00 UTC', () => {
    expect(vietnamDate(new Date('2026-08-31T16:59:59.999Z'))).toBe('2026-08-31');
    expect(vietnamDate(new Date('2026-08-31T17:00:00.000Z'))).toBe('2026-09-01');
  });

  it('reads an instant as on a receipt, hour first, in Vietnam time', () => {
    expect(formatVietnamDateTime(new Date('2026-11-26T02:05:00Z'))).toBe('09:05 ngày 26/11/2026');
  });

  it('reads an instant after 17:00 UTC on the next Vietnamese day', () => {
    expect(formatVietnamDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('00:30 ngày 01/01/2027');
  });
});
