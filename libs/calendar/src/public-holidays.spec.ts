import { statutoryHolidays } from './public-holidays';

const listOf = (year: number) => statutoryHolidays(year).map((h) => `${h.date} ${h.name}${h.fixed ? '' : ' (placed)'}`);
const datesOf = (year: number, from: string, to: string) =>
  statutoryHolidays(year)
    .map((h) => h.date)
    .filter((d) => from <= d && d <= to);

describe('public holidays of the Labour Code, computed for any year', () => {
  it('lists 2026 with the lunar days from the holiday library: Tết from New Year’s Eve, Giỗ Tổ Hùng Vương on 10/3 âm lịch', () => {
    expect(listOf(2026)).toEqual([
      '2026-01-01 Tết Dương lịch',
      '2026-02-16 Tết Nguyên đán (placed)',
      '2026-02-17 Tết Nguyên đán',
      '2026-02-18 Tết Nguyên đán (placed)',
      '2026-02-19 Tết Nguyên đán (placed)',
      '2026-02-20 Tết Nguyên đán (placed)',
      '2026-04-26 Giỗ Tổ Hùng Vương',
      '2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương (placed)',
      '2026-04-30 Ngày Chiến thắng',
      '2026-05-01 Ngày Quốc tế Lao động',
      '2026-09-01 Quốc khánh (ngày liền kề) (placed)',
      '2026-09-02 Quốc khánh',
    ]);
  });

  it('finds lunar new year and the Hùng Kings’ day in other years', () => {
    const fixedOn = (year: number, name: string) =>
      statutoryHolidays(year)
        .filter((h) => h.fixed && h.name === name)
        .map((h) => h.date);
    expect(fixedOn(2025, 'Tết Nguyên đán')).toEqual(['2025-01-29']);
    expect(fixedOn(2027, 'Tết Nguyên đán')).toEqual(['2027-02-06']);
    expect(fixedOn(2025, 'Giỗ Tổ Hùng Vương')).toEqual(['2025-04-07']);
    expect(fixedOn(2027, 'Giỗ Tổ Hùng Vương')).toEqual(['2027-04-16']);
  });

  it('gives a substitute weekday for a holiday on a weekend (Art. 111(3)), as the 2022 schedule did', () => {
    // 2022: Giỗ Tổ on Sunday 10/4 → Monday 11/4; 30/4 and 1/5 on Saturday and Sunday → Monday 2/5 and Tuesday 3/5.
    expect(datesOf(2022, '2022-04-01', '2022-05-31')).toEqual(['2022-04-10', '2022-04-11', '2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']);
    expect(datesOf(2022, '2022-01-01', '2022-01-05')).toEqual(['2022-01-01', '2022-01-03']);
  });

  it('substitutes the Tết days that fall on a weekend after the break (2027 by default: Friday 5 to Thursday 11 February)', () => {
    expect(datesOf(2027, '2027-02-01', '2027-02-28')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
  });

  it.each([
    [2021, ['2021-09-02', '2021-09-03']], // Thursday: Friday 3/9
    [2022, ['2022-09-01', '2022-09-02']], // Friday: Thursday 1/9
    [2023, ['2023-09-01', '2023-09-02', '2023-09-04']], // Saturday: Friday 1/9, and Monday 4/9 for 2/9
    [2024, ['2024-09-02', '2024-09-03']], // Monday: Tuesday 3/9
    [2025, ['2025-09-01', '2025-09-02']], // Tuesday: Monday 1/9
    [2026, ['2026-09-01', '2026-09-02']], // Wednesday: Tuesday 1/9
  ])('places the day next to National Day %i as the published schedules did', (year, expected) => {
    expect(datesOf(year, `${year}-08-25`, `${year}-09-10`)).toEqual(expected);
  });

  it('gives National Day a single day before the Labour Code 2019 took effect (2020)', () => {
    expect(datesOf(2020, '2020-08-25', '2020-09-10')).toEqual(['2020-09-02']);
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => statutoryHolidays(2026.5)).toThrow(RangeError);
  });
});
