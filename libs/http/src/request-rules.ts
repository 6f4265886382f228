import { ValidateBy, type ValidationOptions, buildMessage, isISO8601 } from 'class-validator';

/**
 * Rules for request fields that class-validator has no decorator for, shared by every service so that a date or a
 * name means the same everywhere.
 */

/**
 * The years a date or an instant of a request may fall in: those of the working calendar (the official yearly
 * schedules are published for 2000–2100). Beyond them the calendar's arithmetic has nothing to count in.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^(\d{4})-\d{2}-\d{2}$/;

const inCalendarYears = (year: string) => Number(year) >= FIRST_YEAR && Number(year) <= LAST_YEAR;

/**
 * An instant as the API takes it: ISO 8601 date and time WITH its offset (`2026-11-26T10:00:00+07:00`, or `Z`).
 * Without an offset the same text is 10:00 in Hà Nội to a person and 10:00 UTC (17:00 in Hà Nội) to the server,
 * so it is refused rather than guessed; so is a date alone (which day's start, where?).
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (!INSTANT.test(value) || !isISO8601(value, { strict: true })) return false;
  const at = Date.parse(value);
  // the instant itself, in Hà Nội, falls in the calendar's years (`2100-12-31T23:00-12:00` is 2101 there)
  return !Number.isNaN(at) && inCalendarYears(String(new Date(at + VIETNAM_OFFSET_MS).getUTCFullYear()));
}

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** A day of the Vietnamese calendar written `YYYY-MM-DD` that exists (`2026-02-30` does not): read in Asia/Ho_Chi_Minh. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  return match !== null && inCalendarYears(match[1]) && isISO8601(value, { strict: true });
}

/**
 * Text with something visible in it: a name of only spaces is no name, nor one of only invisible characters (zero
 * width spaces and joiners, word joiners, byte order marks: Unicode's format characters, which `trim` keeps).
 */
export const isNotBlank = (value: unknown): value is string => typeof value === 'string' && /[^\s\p{Cf}]/u.test(value);

/** `@IsInstant()`: see `isInstant`. The one rule for every instant a request carries, in the body or the query. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a date and time with its offset (2026-11-26T10:00:00+07:00), from ${FIRST_YEAR} to ${LAST_YEAR}`,
          options,
        ),
      },
    },
    options,
  );
}

/** `@IsCalendarDate()`: see `isCalendarDate`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: isCalendarDate,
        defaultMessage: buildMessage((each) => `${each}$property must be an existing date YYYY-MM-DD, from ${FIRST_YEAR} to ${LAST_YEAR}`, options),
      },
    },
    options,
  );
}

/** `@IsNotBlank()`: a string that is not empty once trimmed (every required text field). */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: { validate: isNotBlank, defaultMessage: buildMessage((each) => `${each}$property must not be blank`, options) },
    },
    options,
  );
}
