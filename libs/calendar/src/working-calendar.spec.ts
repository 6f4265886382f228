import { toVietnamIso } from './vietnam-time';
import { AgencyCalendars, WorkingCalendar, officeHoursProblem } from './working-calendar';

/** An instant written in Hà Nội time, e.g. `vn('2026-02-13 16:30')`. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
/** An instant shown in Hà Nội time, to compare with `vn`'s notation. */
const local = (instant: Date) => toVietnamIso(instant).slice(0, 16).replace('T', ' ');
const HOUR = 3_600_000;

const calendar = new WorkingCalendar();

describe('days off in 2026, from the official schedule', () => {
  it.each([
    ['2026-01-01', { name: 'Tết Dương lịch', kind: 'holiday' }],
    ['2026-01-02', { name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01)', kind: 'official' }],
    ['2026-02-14', { name: 'Thứ Bảy', kind: 'weekend' }],
    ['2026-02-16', { name: 'Tết Nguyên đán Bính Ngọ', kind: 'holiday' }],
    ['2026-02-17', { name: 'Tết Nguyên đán', kind: 'holiday' }],
    ['2026-02-20', { name: 'Tết Nguyên đán Bính Ngọ', kind: 'holiday' }],
    ['2026-02-22', { name: 'Chủ nhật', kind: 'weekend' }],
    ['2026-04-26', { name: 'Giỗ Tổ Hùng Vương', kind: 'holiday' }],
    ['2026-04-27', { name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'holiday' }],
    ['2026-04-30', { name: 'Ngày Chiến thắng', kind: 'holiday' }],
    ['2026-05-01', { name: 'Ngày Quốc tế Lao động', kind: 'holiday' }],
    ['2026-08-31', { name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8)', kind: 'official' }],
    ['2026-09-01', { name: 'Quốc khánh (ngày liền kề)', kind: 'holiday' }],
    ['2026-09-02', { name: 'Quốc khánh', kind: 'holiday' }],
  ])('%s is a day off', (date, expected) => {
    expect(calendar.dayOff(date)).toEqual(expected);
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it.each(['2026-01-10', '2026-08-22'])('Saturday %s is a working day, worked for a swapped day', (date) => {
    expect(calendar.dayOff(date)).toBeNull();
    expect(calendar.isWorkingDay(date)).toBe(true);
  });

  it.each(['2026-02-13', '2026-02-23', '2026-04-28', '2026-05-04', '2026-09-03'])('%s, next to a break, is a working day', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(true);
  });

  it('replaces the Labour Code defaults where a schedule is published: 3 February 2025 was worked', () => {
    // By default Tết 2025 would run from New Year's Eve (28/1) with a substitute on Monday 3/2 for Saturday 1/2;
    // the government placed it on 27–31/1 instead.
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    expect(calendar.dayOff('2025-01-27')).toEqual({ name: 'Tết Nguyên đán Ất Tỵ', kind: 'official' });
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true); // Saturday worked for Friday 2/5
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
  });

  it('uses the Labour Code defaults in a year not yet published (2027)', () => {
    expect(calendar.dayOff('2027-02-10')).toEqual({ name: 'Nghỉ bù Tết Nguyên đán', kind: 'holiday' });
    expect(calendar.dayOff('2027-05-03')).toEqual({ name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'holiday' });
    expect(calendar.dayOff('2027-09-03')).toEqual({ name: 'Quốc khánh (ngày liền kề)', kind: 'holiday' });
  });

  it('refuses a date it cannot read', () => {
    expect(() => calendar.dayOff('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('13/02/2026')).toThrow(RangeError);
  });
});

describe('working time, 07:30–11:30 and 13:00–17:00', () => {
  it.each([
    ['2026-02-13 07:29', false],
    ['2026-02-13 07:30', true],
    ['2026-02-13 11:29', true],
    ['2026-02-13 11:30', false],
    ['2026-02-13 12:59', false],
    ['2026-02-13 13:00', true],
    ['2026-02-13 16:59', true],
    ['2026-02-13 17:00', false],
    ['2026-02-16 09:00', false], // Tết
    ['2026-01-10 09:00', true], // working Saturday
  ])('%s is in working time: %s', (at, expected) => {
    expect(calendar.isWorkingTime(vn(at))).toBe(expected);
  });

  it('moves to the next opening, or stays when already in working time', () => {
    expect(local(calendar.nextWorkingInstant(vn('2026-02-13 10:15')))).toBe('2026-02-13 10:15');
    expect(local(calendar.nextWorkingInstant(vn('2026-02-13 12:00')))).toBe('2026-02-13 13:00');
    expect(local(calendar.nextWorkingInstant(vn('2026-02-13 17:00')))).toBe('2026-02-23 07:30');
    expect(local(calendar.nextWorkingInstant(vn('2026-01-09 18:00')))).toBe('2026-01-10 07:30');
  });
});

describe('a dossier received just before Tết 2026', () => {
  // Friday 13 February 2026 is the last working day before the break of Saturday 14 – Sunday 22 February.
  const received = vn('2026-02-13 16:30');

  it('finishes 8 working hours after the break: half an hour on Friday, seven and a half on Monday 23', () => {
    expect(local(calendar.addWorkingHours(received, 8))).toBe('2026-02-23 16:30');
    expect(calendar.workingTimeBetween(received, vn('2026-02-23 16:30'))).toBe(8 * HOUR);
  });

  it('counts, past the 15:00 cut-off, from Monday 23 February 07:30', () => {
    const start = calendar.receiptStart(received);
    expect(local(start)).toBe('2026-02-23 07:30');
    expect(local(calendar.addWorkingHours(start, 8))).toBe('2026-02-23 17:00');
    expect(local(calendar.addWorkingDays(start, 1.5))).toBe('2026-02-24 11:30');
  });
});

describe('a dossier received on a working Saturday (10 January 2026)', () => {
  it('starts at once and runs on into the next week, skipping Sunday', () => {
    const received = vn('2026-01-10 09:00');
    expect(local(calendar.receiptStart(received))).toBe('2026-01-10 09:00');
    expect(local(calendar.addWorkingDays(received, 1))).toBe('2026-01-12 09:00');
  });
});

describe('the receipt cut-off', () => {
  it.each([
    ['2026-03-10 14:59', '2026-03-10 14:59'], // in time, at once
    ['2026-03-10 15:00', '2026-03-11 07:30'], // at the cut-off: the next working day
    ['2026-03-10 16:45', '2026-03-11 07:30'],
    ['2026-03-10 06:40', '2026-03-10 07:30'], // before opening: from the opening
    ['2026-03-10 12:10', '2026-03-10 13:00'], // lunch break, before the cut-off: from the afternoon opening
    ['2026-03-10 22:00', '2026-03-11 07:30'],
    ['2026-03-14 10:00', '2026-03-16 07:30'], // Saturday
    ['2026-04-29 15:45', '2026-05-04 07:30'], // then 30/4, 1/5 and the weekend
    ['2026-08-21 15:30', '2026-08-22 07:30'], // Friday, then the working Saturday
  ])('a dossier received at %s counts from %s', (at, expected) => {
    expect(local(calendar.receiptStart(vn(at)))).toBe(expected);
  });

  it('is a parameter, as are the office hours', () => {
    const other = new WorkingCalendar({
      officeHours: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      receiptCutoff: '16:00',
    });
    expect(local(other.receiptStart(vn('2026-03-10 15:30')))).toBe('2026-03-10 15:30');
    expect(local(other.receiptStart(vn('2026-03-10 16:00')))).toBe('2026-03-11 07:00');
    expect(other.workingDayMs).toBe(8 * HOUR);
    expect(local(other.addWorkingHours(vn('2026-03-10 11:00'), 1))).toBe('2026-03-10 14:00');
  });

  it('refuses office hours and cut-offs it cannot read', () => {
    expect(() => new WorkingCalendar({ receiptCutoff: '3pm' })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ officeHours: [] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ officeHours: [{ start: '13:00', end: '11:30' }] })).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar({
          officeHours: [
            { start: '07:30', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        }),
    ).toThrow(RangeError);
  });
});

describe('adding working time', () => {
  it('counts only office hours, fractions included', () => {
    expect(local(calendar.addWorkingHours(vn('2026-03-10 10:00'), 2))).toBe('2026-03-10 13:30'); // over lunch
    expect(local(calendar.addWorkingHours(vn('2026-03-10 10:00'), 0.25))).toBe('2026-03-10 10:15');
    expect(local(calendar.addWorkingHours(vn('2026-03-10 16:00'), 1))).toBe('2026-03-10 17:00'); // ends with the day
    expect(local(calendar.addWorkingHours(vn('2026-03-13 16:00'), 1.5))).toBe('2026-03-16 08:00');
  });

  it('starts outside office hours from the next working instant', () => {
    expect(local(calendar.addWorkingHours(vn('2026-03-14 10:00'), 1))).toBe('2026-03-16 08:30');
    expect(local(calendar.addWorkingHours(vn('2026-03-10 12:00'), 0))).toBe('2026-03-10 13:00');
  });

  it('runs a 30-working-day procedure (240 working hours) across the 2/9 break', () => {
    // From Monday 10 August 2026: 30 working days, counting Saturday 22/8 and skipping 31/8–2/9, end on 22 September.
    expect(local(calendar.addWorkingDays(vn('2026-08-10 07:30'), 30))).toBe('2026-09-22 17:00');
  });

  it('refuses negative or unreadable amounts', () => {
    expect(() => calendar.addWorkingHours(vn('2026-03-10 10:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingHours(vn('2026-03-10 10:00'), Number.NaN)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(vn('2026-03-10 10:00'), Infinity)).toThrow(RangeError);
  });

  it('measures working time between two instants', () => {
    expect(calendar.workingTimeBetween(vn('2026-03-10 10:00'), vn('2026-03-10 14:00'))).toBe(2.5 * HOUR);
    expect(calendar.workingTimeBetween(vn('2026-08-28 16:00'), vn('2026-09-03 08:00'))).toBe(1.5 * HOUR);
    expect(calendar.workingTimeBetween(vn('2026-03-10 14:00'), vn('2026-03-10 10:00'))).toBe(0);
  });
});

describe('calendar-day time limits (Civil Code 2015, Arts. 147–148)', () => {
  it('does not count the day of receipt', () => {
    expect(local(calendar.calendarDaysDeadline(vn('2026-03-02 09:00'), 3))).toBe('2026-03-05 17:00');
  });

  it('moves a limit ending on a day off to the end of the next working day', () => {
    // Friday 21 August + 10 days = Monday 31 August, swapped off; 1 and 2 September are off too.
    expect(local(calendar.calendarDaysDeadline(vn('2026-08-21 10:00'), 10))).toBe('2026-09-03 17:00');
    // Friday 6 February + 10 days = Monday 16 February, in the Tết break.
    expect(local(calendar.calendarDaysDeadline(vn('2026-02-06 10:00'), 10))).toBe('2026-02-23 17:00');
    // Monday 17 August + 5 days = Saturday 22 August, a working Saturday: it stands.
    expect(local(calendar.calendarDaysDeadline(vn('2026-08-17 10:00'), 5))).toBe('2026-08-22 17:00');
  });

  it('refuses a number of days that is not whole', () => {
    expect(() => calendar.calendarDaysDeadline(vn('2026-03-02 09:00'), 1.5)).toThrow(RangeError);
  });
});

describe('month time limits (Civil Code 2015, Art. 148(3))', () => {
  it.each([
    ['2026-01-31 10:00', 1, '2026-03-02 17:00'], // 28 February 2026 is a Saturday
    ['2028-01-31 10:00', 1, '2028-02-29 17:00'], // leap year
    ['2026-03-31 10:00', 1, '2026-05-04 17:00'], // 30 April, then 1 May and the weekend
    ['2026-01-15 10:00', 3, '2026-04-15 17:00'],
    ['2026-08-31 10:00', 6, '2027-03-01 17:00'], // 28 February 2027 is a Sunday
    ['2025-11-17 10:00', 3, '2026-02-23 17:00'], // 17 February 2026 is mùng 1 Tết
  ])('%s + %i months ends %s', (at, months, expected) => {
    expect(local(calendar.addMonths(vn(at), months))).toBe(expected);
  });
});

describe("an agency's own office hours", () => {
  // A ward that opens at 07:00 and closes at 11:00, then 13:30–17:30 (its committee decided so).
  const early = [
    { start: '07:00', end: '11:00' },
    { start: '13:30', end: '17:30' },
  ];

  it('counts working time in its hours and keeps the national days off', () => {
    const calendars = new AgencyCalendars();
    const ward = calendars.of(early);
    expect(local(ward.addWorkingHours(vn('2026-02-09 07:00'), 8))).toBe('2026-02-09 17:30');
    expect(local(calendars.of(null).addWorkingHours(vn('2026-02-09 07:00'), 8))).toBe('2026-02-09 17:00');
    // Friday 13 February 2026 is the last working day before Tết: the ward reopens on Monday the 23rd, at 07:00.
    expect(local(ward.nextWorkingInstant(vn('2026-02-13 17:45')))).toBe('2026-02-23 07:00');
    expect(ward.isWorkingTime(vn('2026-02-09 11:15'))).toBe(false);
    expect(ward.isWorkingTime(vn('2026-02-09 17:15'))).toBe(true);
  });

  it('gives agencies with the same hours the same calendar', () => {
    const calendars = new AgencyCalendars();
    expect(calendars.of(early)).toBe(calendars.of(early.map((p) => ({ ...p }))));
    expect(calendars.of(undefined)).toBe(calendars.of(null));
    expect(calendars.of(early)).not.toBe(calendars.of(null));
  });

  it('names the period that is wrong', () => {
    expect(officeHoursProblem(early)).toBeNull();
    expect(officeHoursProblem([])).toMatchObject({ field: 'officeHours' });
    expect(officeHoursProblem([{ start: '7:30', end: '11:30' }])).toMatchObject({ field: 'officeHours.0.start' });
    expect(officeHoursProblem([{ start: '07:30', end: '25:00' }])).toMatchObject({ field: 'officeHours.0.end' });
    expect(officeHoursProblem([{ start: '13:00', end: '11:00' }])).toMatchObject({ field: 'officeHours.0' });
    expect(officeHoursProblem([early[1], early[0]])).toMatchObject({ field: 'officeHours.1', message: 'officeHours.1 must start after officeHours.0 ends' });
  });
});
