import { HOUR_MS, MINUTE_MS, addDays, dayOfWeek, daysInMonth, formatDate, isCalendarDate, startOfVietnamDay } from './civil-date';
import { type OfficialSchedule, parseOfficialSchedule } from './official-schedule';
import { OFFICIAL_SCHEDULES } from './official-schedules';
import { statutoryHolidays } from './public-holidays';
import { vietnamDate } from './vietnam-time';

/** Office hours of one period of the day, `HH:MM` in Vietnam time (`end` excluded). */
export interface OfficePeriod {
  readonly start: string;
  readonly end: string;
}

export interface WorkingCalendarOptions {
  /** The yearly official schedules; by default the published ones (`OFFICIAL_SCHEDULES`). */
  readonly schedules?: readonly OfficialSchedule[];
  /** Office hours of a working day, in order; by default 07:30–11:30 and 13:00–17:00. */
  readonly officeHours?: readonly OfficePeriod[];
  /**
   * `HH:MM`: a dossier received at or after it counts from the next working day's opening, as paper received
   * after 15:00 moves to the competent body the next morning instead of the same day. Default 15:00.
   */
  readonly receiptCutoff?: string;
}

export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];
export const DEFAULT_RECEIPT_CUTOFF = '15:00';

/**
 * Why a date is not a working day: a Saturday or Sunday (`weekend`), a public holiday of the Labour Code
 * (`holiday`: its fixed dates, and the Tết days, the day next to 2/9 and the substitute days where the year's
 * schedule places them as the Labour Code's defaults do), or a day off that only the year's official schedule makes
 * (`official`: a swapped day, a Tết day placed differently).
 */
export interface DayOff {
  readonly name: string;
  readonly kind: 'weekend' | 'holiday' | 'official';
}

interface Year {
  readonly daysOff: ReadonlyMap<string, DayOff>;
  readonly workingDays: ReadonlySet<string>;
}

/** A year of days off is more than any schedule has: beyond it, the configuration has no working day at all. */
const MAX_DAYS_WITHOUT_WORK = 366;

/**
 * Working time of Vietnam's public administration: office hours on Monday–Friday, minus public holidays, plus the
 * yearly official schedule (extra days off, working Saturdays). Instants are `Date`s (UTC), read in Vietnam time;
 * dates are `YYYY-MM-DD` of the Vietnamese calendar. Pure: no clock, no I/O.
 *
 * Working time is the union of the office periods: an instant is in it from a period's start up to, not including,
 * its end. Adding working time stops at the earliest instant that completes it, so a result may be the end of a
 * period (8 working hours from Monday 07:30 is Monday 17:00).
 */
export class WorkingCalendar {
  private readonly periods: ReadonlyArray<readonly [number, number]>; // minutes after midnight
  private readonly cutoffMinutes: number;
  private readonly schedules = new Map<number, OfficialSchedule>();
  private readonly years = new Map<number, Year>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.periods = parseOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.cutoffMinutes = parseTime(options.receiptCutoff ?? DEFAULT_RECEIPT_CUTOFF, 'receiptCutoff');
    for (const schedule of options.schedules ?? OFFICIAL_SCHEDULES) {
      const parsed = parseOfficialSchedule(schedule);
      if (!parsed.ok) {
        const problems = parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
        throw new RangeError(`official schedule ${String(schedule.year)} is invalid: ${problems}`);
      }
      if (this.schedules.has(schedule.year)) throw new RangeError(`two official schedules for ${schedule.year}`);
      this.schedules.set(schedule.year, parsed.schedule);
    }
  }

  /** The length of one working day in milliseconds (8 hours with the default office hours). */
  get workingDayMs(): number {
    return this.periods.reduce((sum, [start, end]) => sum + (end - start) * MINUTE_MS, 0);
  }

  /** Why `date` is not a working day, or `null` when it is one (a working Saturday of the schedule included). */
  dayOff(date: string): DayOff | null {
    assertDate(date);
    return this.dayOffOn(date);
  }

  isWorkingDay(date: string): boolean {
    return this.dayOff(date) === null;
  }

  isWorkingTime(instant: Date): boolean {
    const t = instant.getTime();
    const date = vietnamDate(instant);
    if (this.dayOffOn(date)) return false;
    const minutes = (t - startOfVietnamDay(date)) / MINUTE_MS;
    return this.periods.some(([start, end]) => start <= minutes && minutes < end);
  }

  /** The instant itself when in working time, otherwise the next opening. */
  nextWorkingInstant(instant: Date): Date {
    return this.addWorkingHours(instant, 0);
  }

  /**
   * The earliest instant after `hours` of working time counted from `instant` (from the next working instant when
   * `instant` is outside office hours). Fractional hours are counted to the millisecond.
   */
  addWorkingHours(instant: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number ≥ 0, not ${hours}`);
    const from = instant.getTime();
    let remaining = Math.round(hours * HOUR_MS);
    for (const [start, end] of this.workingPeriodsFrom(vietnamDate(instant))) {
      if (end <= from) continue;
      const begin = Math.max(start, from);
      if (remaining <= end - begin) return new Date(begin + remaining);
      remaining -= end - begin;
    }
    throw new Error('unreachable: workingPeriodsFrom never ends');
  }

  /** `days` working days of `workingDayMs` each (1 working day = 8 working hours by default); fractions allowed. */
  addWorkingDays(instant: Date, days: number): Date {
    if (!Number.isFinite(days) || days < 0) throw new RangeError(`days must be a finite number ≥ 0, not ${days}`);
    return this.addWorkingHours(instant, (days * this.workingDayMs) / HOUR_MS);
  }

  /** Working time in milliseconds from `from` to `to`; 0 when `to` is not after `from`. */
  workingTimeBetween(from: Date, to: Date): number {
    const a = from.getTime();
    const b = to.getTime();
    let total = 0;
    if (b <= a) return total;
    for (const [start, end] of this.workingPeriodsFrom(vietnamDate(from))) {
      if (start >= b) break;
      total += Math.max(0, Math.min(end, b) - Math.max(start, a));
    }
    return total;
  }

  /**
   * When the clock of a dossier received at `instant` starts. Received on a working day before the cut-off: at once
   * when in office hours, else at the next opening (before opening, or during the lunch break). Received at or
   * after the cut-off, or on a day off: at the opening of the next working day.
   */
  receiptStart(instant: Date): Date {
    const date = vietnamDate(instant);
    const cutoff = startOfVietnamDay(date) + this.cutoffMinutes * MINUTE_MS;
    if (!this.dayOffOn(date) && instant.getTime() < cutoff) return this.nextWorkingInstant(instant);
    return new Date(this.opening(this.workingDayOnOrAfter(addDays(date, 1))));
  }

  /**
   * A time limit of `days` calendar days from an event at `instant`, by the Civil Code 2015: the day of the event is
   * not counted (Art. 147(1)); the limit ends at the end of its last day (Art. 148(1)), moved to the end of the next
   * working day when that day is a day off (Art. 148(5)). The end of a day is the end of its office hours.
   */
  calendarDaysDeadline(instant: Date, days: number): Date {
    assertWhole(days, 'days');
    return new Date(this.closing(this.workingDayOnOrAfter(addDays(vietnamDate(instant), days))));
  }

  /**
   * A time limit of `months` months from an event at `instant` (Civil Code 2015, Art. 148(3) and (5)): it ends on
   * the corresponding day of the last month, or on that month's last day when it has no such day (31 January + 1
   * month → 28 or 29 February), moved to the next working day when that is a day off; at the end of office hours.
   */
  addMonths(instant: Date, months: number): Date {
    assertWhole(months, 'months');
    const [year, month, day] = vietnamDate(instant).split('-').map(Number);
    const index = year * 12 + (month - 1) + months;
    const [lastYear, lastMonth] = [Math.floor(index / 12), (index % 12) + 1];
    const lastDay = formatDate(lastYear, lastMonth, Math.min(day, daysInMonth(lastYear, lastMonth)));
    return new Date(this.closing(this.workingDayOnOrAfter(lastDay)));
  }

  private dayOffOn(date: string): DayOff | null {
    const year = this.year(Number(date.slice(0, 4)));
    if (year.workingDays.has(date)) return null;
    const dayOff = year.daysOff.get(date);
    if (dayOff) return dayOff;
    const weekday = dayOfWeek(date);
    if (weekday === 6) return { name: 'Thứ Bảy', kind: 'weekend' };
    if (weekday === 0) return { name: 'Chủ nhật', kind: 'weekend' };
    return null;
  }

  private year(year: number): Year {
    let days = this.years.get(year);
    if (!days) {
      days = this.buildYear(year);
      this.years.set(year, days);
    }
    return days;
  }

  /** A published schedule replaces the Labour Code's default placement; the law's fixed dates always stand. */
  private buildYear(year: number): Year {
    const statutory = statutoryHolidays(year);
    const schedule = this.schedules.get(year);
    const daysOff = new Map<string, DayOff>();
    if (!schedule) {
      for (const holiday of statutory) daysOff.set(holiday.date, { name: holiday.name, kind: 'holiday' });
      return { daysOff, workingDays: new Set() };
    }
    const statutoryDates = new Set(statutory.map((holiday) => holiday.date));
    for (const day of schedule.daysOff) {
      daysOff.set(day.date, { name: day.name, kind: statutoryDates.has(day.date) ? 'holiday' : 'official' });
    }
    for (const holiday of statutory) if (holiday.fixed) daysOff.set(holiday.date, { name: holiday.name, kind: 'holiday' });
    return { daysOff, workingDays: new Set(schedule.workingDays.map((day) => day.date)) };
  }

  /** Office periods as instants [start, end), working day after working day, from `date` on. */
  private *workingPeriodsFrom(date: string): Generator<readonly [number, number]> {
    for (let day = this.workingDayOnOrAfter(date); ; day = this.workingDayOnOrAfter(addDays(day, 1))) {
      const midnight = startOfVietnamDay(day);
      for (const [start, end] of this.periods) yield [midnight + start * MINUTE_MS, midnight + end * MINUTE_MS];
    }
  }

  private workingDayOnOrAfter(date: string): string {
    let day = date;
    for (let i = 0; this.dayOffOn(day); i++, day = addDays(day, 1)) {
      if (i >= MAX_DAYS_WITHOUT_WORK) {
        throw new RangeError(`no working day in the ${MAX_DAYS_WITHOUT_WORK} days from ${date}`);
      }
    }
    return day;
  }

  private opening(date: string): number {
    return startOfVietnamDay(date) + this.periods[0][0] * MINUTE_MS;
  }

  private closing(date: string): number {
    return startOfVietnamDay(date) + this.periods[this.periods.length - 1][1] * MINUTE_MS;
  }
}

function assertDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`not a date written YYYY-MM-DD: ${String(date)}`);
}

function assertWhole(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, not ${value}`);
  }
}

/** `HH:MM` → minutes after midnight, 00:00 to 24:00. */
function parseTime(value: string, field: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) {
    throw new RangeError(`${field} must be a time HH:MM from 00:00 to 24:00, not ${value}`);
  }
  return minutes;
}

function parseOfficeHours(periods: readonly OfficePeriod[]): ReadonlyArray<readonly [number, number]> {
  if (periods.length === 0) throw new RangeError('officeHours must have at least one period');
  const parsed = periods.map((period, i) => [parseTime(period.start, `officeHours.${i}.start`), parseTime(period.end, `officeHours.${i}.end`)] as const);
  parsed.forEach(([start, end], i) => {
    if (start >= end) throw new RangeError(`officeHours.${i} must end after it starts`);
    if (i > 0 && start < parsed[i - 1][1]) {
      throw new RangeError(`officeHours.${i} must start after officeHours.${i - 1} ends`);
    }
  });
  return parsed;
}

/** The working calendar with the built-in official schedules, each replaced by the one published for its year. */
export function calendarWithPublished(published: readonly OfficialSchedule[], officeHours?: readonly OfficePeriod[] | null): WorkingCalendar {
  const years = new Set(published.map((s) => s.year));
  return new WorkingCalendar({ schedules: [...OFFICIAL_SCHEDULES.filter((s) => !years.has(s.year)), ...published], officeHours: officeHours ?? undefined });
}

/**
 * What is wrong with an agency's office hours (`officeHours.N.start` … as the field), or null: periods in order,
 * each `HH:MM` ending after it starts and after the one before.
 */
export function officeHoursProblem(officeHours: readonly OfficePeriod[]): { field: string; message: string } | null {
  try {
    parseOfficeHours(officeHours);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    return { field: /^officeHours(\.\d+(\.(start|end))?)?/.exec(message)?.[0] ?? 'officeHours', message };
  }
}

/** The same string for the same office hours ('' for none of an agency's own: the default). */
export function officeHoursKey(officeHours?: readonly OfficePeriod[] | null): string {
  return officeHours ? officeHours.map((p) => `${p.start}-${p.end}`).join(',') : '';
}

/**
 * One published calendar per set of office hours: every agency keeps the national schedule of days off, and most
 * keep the default hours, so agencies share a handful of calendars (each caches the years it has computed).
 */
export class AgencyCalendars {
  private readonly byHours = new Map<string, WorkingCalendar>();

  constructor(private readonly published: readonly OfficialSchedule[] = []) {}

  /** The calendar of an agency with these office hours (null or absent: the default hours). */
  of(officeHours?: readonly OfficePeriod[] | null): WorkingCalendar {
    const key = officeHoursKey(officeHours);
    let calendar = this.byHours.get(key);
    if (!calendar) this.byHours.set(key, (calendar = calendarWithPublished(this.published, officeHours)));
    return calendar;
  }
}
