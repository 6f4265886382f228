import { addDays, startOfVietnamDay, vietnamDate, type WorkingCalendar } from '@motcua/calendar';

/** When the desk's time on an online submission starts, and by when the desk must accept or refuse it. */
export interface SubmissionClock {
  readonly countsFrom: Date;
  readonly decideBy: Date;
}

/**
 * Hồ sơ trực tuyến: an online dossier arrives as newly filed (1) and the desk accepts or refuses it within the next
 * working day (domain §3). Filed in the desk's office hours, its time counts from the filing; filed before opening,
 * at lunch, after closing or on a day off, from the next opening (§7: "a time before opening counts from opening;
 * after closing, from the next working day's opening"). The 15:00 cut-off of paper receipts does not apply: nothing
 * is carried to the competent body before the desk has decided. The desk must decide by the end of the working day
 * after the one the time counts from. Pure: the desk's calendar is passed in.
 */
export function submissionClock(calendar: WorkingCalendar, filedAt: Date): SubmissionClock {
  const countsFrom = calendar.nextWorkingInstant(filedAt);
  // the next working day's opening, then one whole working day: adding working time stops at its closing
  const nextOpening = calendar.nextWorkingInstant(new Date(startOfVietnamDay(addDays(vietnamDate(countsFrom), 1))));
  return { countsFrom, decideBy: calendar.addWorkingDays(nextOpening, 1) };
}
