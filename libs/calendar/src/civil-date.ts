import { VIETNAM_OFFSET_MINUTES } from './vietnam-time';

/**
 * Calendar dates as `YYYY-MM-DD` strings: a day of the Vietnamese calendar, without time or zone. Arithmetic runs
 * on UTC midnights, where every day has 24 hours.
 */
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** True for an existing date written `YYYY-MM-DD` (`2026-02-30` is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`); // rolls 2026-02-30 over to 2026-03-02 instead of refusing it
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

const utcMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export const isWeekend = (date: string): boolean => dayOfWeek(date) % 6 === 0;

/** The instant a Vietnamese calendar date begins: 00:00 in Hà Nội, 17:00 UTC the day before. */
export function startOfVietnamDay(date: string): number {
  return utcMidnight(date) - VIETNAM_OFFSET_MINUTES * MINUTE_MS;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
