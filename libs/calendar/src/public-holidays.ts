import Holidays from 'date-holidays';
import { addDays, dayOfWeek, isWeekend } from './civil-date';

/** A public holiday (ngày nghỉ lễ, tết) of the Labour Code 2019, Art. 112. */
export interface PublicHoliday {
  /** `YYYY-MM-DD`, Vietnamese calendar. */
  readonly date: string;
  readonly name: string;
  /**
   * True for a date the law names itself (1/1, mùng 1 Tết, 10/3 âm lịch, 30/4, 1/5, 2/9): it is a day off whatever
   * the government decides. False for a day the government places each year (the other four Tết days, the day next
   * to 2/9, a substitute day): here it is placed by default, until the year's official schedule says otherwise.
   */
  readonly fixed: boolean;
}

/** The library's Vietnamese rules (data/countries/VN.yaml of date-holidays) and the names we show for them. */
const RULES: Readonly<Record<string, { readonly name: string; readonly fixed: boolean }>> = {
  '01-01': { name: 'Tết Dương lịch', fixed: true },
  'vietnamese 1-0-1': { name: 'Tết Nguyên đán', fixed: true },
  // Five Tết days starting on New Year's Eve: the library's default placement of "Tết Âm lịch: 05 ngày".
  '1 day before vietnamese 1-0-1 P5D': { name: 'Tết Nguyên đán', fixed: false },
  'vietnamese 3-0-10': { name: 'Giỗ Tổ Hùng Vương', fixed: true },
  '04-30': { name: 'Ngày Chiến thắng', fixed: true },
  '05-01': { name: 'Ngày Quốc tế Lao động', fixed: true },
  '09-02': { name: 'Quốc khánh', fixed: true },
};

const DAY_MS = 86_400_000;
/** The second day of National Day came with the Labour Code 2019, in force from 1 January 2021. */
const LABOUR_CODE_2019_IN_FORCE = 2021;
const library = new Holidays('VN');
const byYear = new Map<number, readonly PublicHoliday[]>();

/**
 * The Labour Code's public holidays of a year, lunar ones included, with the days the government places each year
 * set by default:
 * - Tết: the five days from New Year's Eve (the library's placement);
 * - National Day: 2/9 "and one day immediately before or after" (from 2021); we take the day that joins the
 *   weekend, as every published schedule since 2021 did: 3/9 when 2/9 is a Monday or a Thursday, otherwise 1/9;
 * - a holiday on a Saturday or Sunday gives a substitute day (nghỉ bù, Art. 111(3)), the next weekday that is not
 *   already a holiday.
 * A year with an official schedule replaces these defaults (see `WorkingCalendar`).
 */
export function statutoryHolidays(year: number): readonly PublicHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, not ${year}`);
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = computeHolidays(year);
    byYear.set(year, holidays);
  }
  return holidays;
}

function computeHolidays(year: number): readonly PublicHoliday[] {
  const days = new Map<string, PublicHoliday>();
  const add = (holiday: PublicHoliday) => {
    const known = days.get(holiday.date);
    if (!known || (holiday.fixed && !known.fixed)) days.set(holiday.date, holiday);
  };

  for (const holiday of library.getHolidays(year, 'vi')) {
    if (holiday.type !== 'public') continue;
    // A rule the library adds later keeps its own name and counts as fixed; the tests pin each year's list, so an
    // upgrade that changes it is noticed.
    const rule = RULES[holiday.rule] ?? { name: holiday.name, fixed: true };
    const first = holiday.date.slice(0, 10);
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
    for (let i = 0; i < length; i++) add({ date: addDays(first, i), ...rule });
  }

  if (year >= LABOUR_CODE_2019_IN_FORCE) {
    const nationalDay = `${year}-09-02`;
    const nextToNationalDay = [1, 4].includes(dayOfWeek(nationalDay)) ? `${year}-09-03` : `${year}-09-01`;
    add({ date: nextToNationalDay, name: 'Quốc khánh (ngày liền kề)', fixed: false });
  }

  for (const holiday of [...days.values()].sort(byDate)) {
    if (!isWeekend(holiday.date)) continue;
    let substitute = addDays(holiday.date, 1);
    while (isWeekend(substitute) || days.has(substitute)) substitute = addDays(substitute, 1);
    add({ date: substitute, name: `Nghỉ bù ${holiday.name}`, fixed: false });
  }
  return [...days.values()].sort(byDate);
}

const byDate = (a: PublicHoliday, b: PublicHoliday) => a.date.localeCompare(b.date);
