import fc from 'fast-check';
import { addDays } from './civil-date';
import { toVietnamIso, vietnamDate } from './vietnam-time';
import { WorkingCalendar } from './working-calendar';

/*
 * Properties over 2025–2027 (published schedules and a computed year). The walk goes period by period, day by day:
 * measured on the development machine, workingTimeBetween over the three years takes about 2 ms and a thousand
 * 30-working-day additions about 60 ms, so these runs stay well under a second each.
 */

const calendar = new WorkingCalendar();
const MINUTE = 60_000;
const FROM = Date.parse('2025-01-01T00:00:00+07:00');
const TO = Date.parse('2027-12-31T00:00:00+07:00');

/** Any millisecond, or a whole minute so that openings, closings and the cut-off are hit exactly. */
const instant = fc
  .oneof(
    fc.integer({ min: FROM, max: TO }),
    fc.integer({ min: 0, max: (TO - FROM) / MINUTE }).map((m) => FROM + m * MINUTE),
  )
  .map((ms) => new Date(ms));
/** Up to 50 working days, by the minute (exact in milliseconds, so sums compare exactly). */
const minutes = fc.integer({ min: 0, max: 400 * 60 });
const positiveMinutes = fc.integer({ min: 1, max: 400 * 60 });
const add = (t: Date, m: number) => calendar.addWorkingHours(t, m / 60);
const ms = (d: Date) => d.getTime();
const localTime = (d: Date) => toVietnamIso(d).slice(11, 16);

describe('working time, for any instant and duration', () => {
  it('adds in steps as at once: add(add(t, a), b) = add(t, a + b)', () => {
    fc.assert(
      fc.property(instant, minutes, positiveMinutes, (t, a, b) => {
        expect(ms(add(add(t, a), b))).toBe(ms(add(t, a + b)));
      }),
      { numRuns: 300 },
    );
  });

  it('measures back what it added: workingTimeBetween(t, add(t, h)) = h', () => {
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        expect(calendar.workingTimeBetween(t, add(t, m))).toBe(m * MINUTE);
      }),
      { numRuns: 300 },
    );
  });

  it('lands in working time, or at the end of an office period having just worked', () => {
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        const end = add(t, m);
        // Adding nothing waits for the next working instant; adding something ends on a worked millisecond.
        expect(calendar.isWorkingTime(m === 0 ? end : new Date(ms(end) - 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in the start and in the duration', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (t1, t2, m1, m2) => {
        const [early, late] = ms(t1) <= ms(t2) ? [t1, t2] : [t2, t1];
        expect(ms(add(early, m1))).toBeLessThanOrEqual(ms(add(late, m1)));
        expect(ms(add(t1, Math.min(m1, m2)))).toBeLessThanOrEqual(ms(add(t1, Math.max(m1, m2))));
      }),
    );
  });

  it('splits working time at any point between: between(a, b) + between(b, c) = between(a, c)', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => ms(p) - ms(q));
        expect(calendar.workingTimeBetween(a, b) + calendar.workingTimeBetween(b, c)).toBe(calendar.workingTimeBetween(a, c));
        expect(calendar.workingTimeBetween(a, c)).toBeLessThanOrEqual(ms(c) - ms(a));
        expect(calendar.workingTimeBetween(c, a)).toBe(0);
      }),
    );
  });

  it('waits for the next working instant without skipping any working time', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const next = calendar.nextWorkingInstant(t);
        expect(calendar.isWorkingTime(next)).toBe(true);
        expect(calendar.workingTimeBetween(t, next)).toBe(0);
        expect(ms(next) === ms(t)).toBe(calendar.isWorkingTime(t));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a working day as 8 working hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (t, halfDays) => {
        expect(ms(calendar.addWorkingDays(t, halfDays / 2))).toBe(ms(calendar.addWorkingHours(t, halfDays * 4)));
      }),
    );
  });
});

describe('receipt, for any instant', () => {
  it('starts the clock in working time, at once before the cut-off, on a later day after it', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const start = calendar.receiptStart(t);
        expect(calendar.isWorkingTime(start)).toBe(true);
        expect(ms(start)).toBeGreaterThanOrEqual(ms(t));
        if (calendar.isWorkingTime(t) && localTime(t) < '15:00') expect(ms(start)).toBe(ms(t));
        if (localTime(t) >= '15:00') expect(vietnamDate(start) > vietnamDate(t)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('calendar-day and month limits, for any instant', () => {
  it('end at closing time on the first working day from the last day of the limit', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 90 }), (t, days) => {
        const deadline = calendar.calendarDaysDeadline(t, days);
        const lastDay = addDays(vietnamDate(t), days);
        expect(localTime(deadline)).toBe('17:00');
        expect(calendar.isWorkingDay(vietnamDate(deadline))).toBe(true);
        for (let day = lastDay; day < vietnamDate(deadline); day = addDays(day, 1)) expect(calendar.isWorkingDay(day)).toBe(false);
        expect(vietnamDate(deadline) >= lastDay).toBe(true);
      }),
    );
  });

  it('end a month limit on the corresponding day (or the month’s last), moved past days off, at closing time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 24 }), (t, months) => {
        const deadline = calendar.addMonths(t, months);
        const [year, month, day] = vietnamDate(t).split('-').map(Number);
        const lengthOfTargetMonth = new Date(Date.UTC(year, month + months, 0)).getUTCDate();
        const corresponding = new Date(Date.UTC(year, month - 1 + months, Math.min(day, lengthOfTargetMonth))).toISOString().slice(0, 10);
        expect(localTime(deadline)).toBe('17:00');
        expect(calendar.isWorkingDay(vietnamDate(deadline))).toBe(true);
        expect(vietnamDate(deadline) >= corresponding).toBe(true);
        for (let d = corresponding; d < vietnamDate(deadline); d = addDays(d, 1)) expect(calendar.isWorkingDay(d)).toBe(false);
      }),
    );
  });
});
