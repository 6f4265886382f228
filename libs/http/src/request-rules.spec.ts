import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { IsCalendarDate, IsInstant, IsNotBlank, isCalendarDate, isInstant } from './request-rules';

class Sample {
  @IsInstant()
  at: string;

  @IsCalendarDate()
  day: string;

  @IsNotBlank()
  name: string;
}

describe('request field rules', () => {
  it('takes an instant only with its offset, so that 11:00 is never silently 11:00 UTC', () => {
    for (const ok of [
      '2026-11-26T11:00:00+07:00',
      '2026-11-26T04:00:00Z',
      '2026-11-26T11:00+07:00',
      '2026-11-26T11:00:00.123+07:00',
      '2028-02-29T08:00:00-05:00',
    ]) {
      expect([ok, isInstant(ok)]).toEqual([ok, true]);
    }
    for (const bad of [
      '2026-11-26T11:00:00', // no offset: whose 11:00?
      '2026-11-26', // a day, not an instant
      '2026-11-26T11:00:00+0700',
      '2026-11-26 11:00:00+07:00',
      '2026-02-29T11:00:00+07:00', // no such day
      '2026-11-26T24:00:00Z',
      '1999-12-31T16:00:00Z', // outside the calendar's years, as the instant falls in Hà Nội
      '2101-01-01T00:00:00Z',
      '2100-12-31T23:00:00-12:00', // written in 2100, but 2101-01-01 18:00 in Hà Nội
      '2100-12-31T20:00:00Z',
      '+010000-01-01T00:00:00Z',
      1_795_662_000_000,
      null,
    ]) {
      expect([bad, isInstant(bad)]).toEqual([bad, false]);
    }
  });

  it('takes a calendar day that exists, in the calendar years', () => {
    expect(isCalendarDate('2026-01-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-45', '2026-1-1', '0000-01-01', '9999-12-31', '2026-01-01T00:00:00+07:00', 20260101]) {
      expect([bad, isCalendarDate(bad)]).toEqual([bad, false]);
    }
  });

  it('names each field that breaks a rule', () => {
    const errors = validateSync(plainToInstance(Sample, { at: '2026-11-26T11:00:00', day: '2026-02-30', name: ' \t\u00a0 ' }));
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([
      ['at', ['isInstant']],
      ['day', ['isCalendarDate']],
      ['name', ['isNotBlank']],
    ]);
    expect(validateSync(plainToInstance(Sample, { at: '2026-11-26T11:00:00+07:00', day: '2026-11-26', name: ' Lan ' }))).toEqual([]);
    // invisible characters (zero width space, word joiner, byte order mark) are blank too
    for (const invisible of ['\u200b\u200b', '\u2060', '\ufeff \u200d', '\u00a0\u3000']) {
      expect(validateSync(plainToInstance(Sample, { at: '2026-11-26T11:00:00+07:00', day: '2026-11-26', name: invisible })).map((e) => e.property)).toEqual([
        'name',
      ]);
    }
    expect(validateSync(plainToInstance(Sample, { at: '1999-12-31T17:00:00Z', day: '2026-11-26', name: 'Đặng Thu Trang' }))).toEqual([]);
  });
});
