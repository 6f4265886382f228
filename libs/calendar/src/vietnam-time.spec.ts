import { toVietnamIso, vietnamDate } from './vietnam-time';

describe('Vietnam time', () => {
  it('shows an instant at UTC+07:00', () => {
    expect(toVietnamIso(new Date('2026-02-13T10:00:00Z'))).toBe('2026-02-13T17:00:00.000+07:00');
    expect(new Date(toVietnamIso(new Date('2026-02-13T10:00:00.123Z'))).toISOString()).toBe('2026-02-13T10:00:00.123Z');
  });

  it('changes the date at midnight in Hà Nội, 17:00 UTC', () => {
    expect(vietnamDate(new Date('2026-08-31T16:59:59.999Z'))).toBe('2026-08-31');
    expect(vietnamDate(new Date('2026-08-31T17:00:00.000Z'))).toBe('2026-09-01');
  });
});
