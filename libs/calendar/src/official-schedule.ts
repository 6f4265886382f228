import { dayOfWeek, isCalendarDate } from './civil-date';
import { statutoryHolidays } from './public-holidays';

/** One day of a yearly schedule. */
export interface ScheduleDay {
  /** `YYYY-MM-DD`, Vietnamese calendar. */
  readonly date: string;
  readonly name: string;
  /** Where this day is published, when not in the schedule's own source. */
  readonly source?: string;
  /** Set when no official text or reliable report confirmed the day: it applies, but must be checked. */
  readonly unverified?: boolean;
}

/**
 * The government's schedule of days off for one year, for civil servants (cán bộ, công chức, viên chức) working
 * Monday–Friday: what the Prime Minister approves and the ministry (Bộ Lao động – Thương binh và Xã hội until
 * 2025, Bộ Nội vụ since) announces.
 *
 * A published year is complete: `daysOff` holds every day off the government placed — the whole Tết break, the day
 * next to 2/9, substitute days (nghỉ bù), swapped days (hoán đổi) — and `workingDays` the Saturdays or Sundays
 * worked in exchange. The dates the Labour Code names itself (1/1, mùng 1 Tết, 10/3 âm lịch, 30/4, 1/5, 2/9) are
 * days off even when not listed. A year without a schedule uses the Labour Code's defaults (`statutoryHolidays`).
 */
export interface OfficialSchedule {
  readonly year: number;
  readonly daysOff: readonly ScheduleDay[];
  readonly workingDays: readonly ScheduleDay[];
  /** The notice(s) the schedule comes from. */
  readonly source: string;
}

export interface ScheduleProblem {
  /** The field at fault, as a path: `year`, `daysOff.2.date`, `workingDays.0`. */
  readonly field: string;
  readonly message: string;
}

export type ScheduleParseResult =
  { readonly ok: true; readonly schedule: OfficialSchedule } | { readonly ok: false; readonly problems: readonly ScheduleProblem[] };

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_TEXT = 1000;
const SCHEDULE_FIELDS = ['year', 'daysOff', 'workingDays', 'source'];
const DAY_FIELDS = ['date', 'name', 'source', 'unverified'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_TEXT;

/**
 * Checks a year's schedule as an administrator publishes it (JSON:
 * `{ year, daysOff: [{ date, name }], workingDays: [{ date, name }], source }`) and returns it, or every problem
 * found, each naming its field. Unknown fields are refused: a misspelt `workingdays` must not silently drop the
 * working Saturdays.
 */
export function parseOfficialSchedule(input: unknown): ScheduleParseResult {
  const problems: ScheduleProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!isRecord(input)) return { ok: false, problems: [{ field: '', message: 'must be an object' }] };

  for (const key of Object.keys(input)) if (!SCHEDULE_FIELDS.includes(key)) problem(key, 'unknown field');
  const { source } = input;
  const year = Number.isInteger(input.year) ? (input.year as number) : NaN;
  const yearIsValid = year >= MIN_YEAR && year <= MAX_YEAR;
  if (!yearIsValid) problem('year', `must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}`);
  if (!isText(source)) problem('source', `must name the notice the schedule comes from (1–${MAX_TEXT} characters)`);

  const lists = { daysOff: [] as ScheduleDay[], workingDays: [] as ScheduleDay[] };
  const firstListing = new Map<string, string>(); // date → where it was first listed
  for (const list of ['daysOff', 'workingDays'] as const) {
    const entries = input[list];
    if (!Array.isArray(entries)) {
      problem(list, 'must be a list (empty when there is none)');
      continue;
    }
    entries.forEach((entry: unknown, index) => {
      const at = `${list}.${index}`;
      const day = parseDay(entry, at, problem);
      if (!day) return;
      if (yearIsValid && !day.date.startsWith(`${year}-`)) problem(`${at}.date`, `is not in ${year}`);
      const first = firstListing.get(day.date);
      if (first) problem(`${at}.date`, `${day.date} is already listed at ${first}`);
      else firstListing.set(day.date, at);
      if (list === 'workingDays') {
        const weekday = dayOfWeek(day.date);
        if (weekday !== 0 && weekday !== 6) {
          problem(`${at}.date`, `${day.date} is a ${WEEKDAYS[weekday]}: only a Saturday or Sunday can be made a working day`);
        }
        const holiday = yearIsValid && statutoryHolidays(year).find((h) => h.fixed && h.date === day.date);
        if (holiday) problem(`${at}.date`, `${day.date} is ${holiday.name}, a public holiday by law`);
      }
      lists[list].push(day);
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, schedule: { year, daysOff: lists.daysOff, workingDays: lists.workingDays, source: source as string } };
}

type Report = (field: string, message: string) => void;

function parseDay(entry: unknown, at: string, problem: Report): ScheduleDay | undefined {
  if (!isRecord(entry)) {
    problem(at, 'must be an object { date, name }');
    return undefined;
  }
  for (const key of Object.keys(entry)) if (!DAY_FIELDS.includes(key)) problem(`${at}.${key}`, 'unknown field');
  const { date, name, source, unverified } = entry;
  if (!isText(name)) problem(`${at}.name`, `must be a name (1–${MAX_TEXT} characters)`);
  if (source !== undefined && !isText(source)) {
    problem(`${at}.source`, `must be a text of 1–${MAX_TEXT} characters when given`);
  }
  if (unverified !== undefined && typeof unverified !== 'boolean') {
    problem(`${at}.unverified`, 'must be true or false when given');
  }
  if (!isCalendarDate(date)) {
    problem(`${at}.date`, 'must be an existing date written YYYY-MM-DD');
    return undefined;
  }
  return {
    date,
    name: name as string,
    ...(source === undefined ? {} : { source: source as string }),
    ...(unverified === undefined ? {} : { unverified: unverified as boolean }),
  };
}
