import { vietnamDate } from './vietnam-time';
import type { WorkingCalendar } from './working-calendar';

/** A legal processing time as the catalogue states it. */
export interface LegalTime {
  readonly value: number;
  readonly unit: 'working_hours' | 'working_days' | 'calendar_days';
}

/**
 * Thời hạn hẹn trả kết quả: the appointment printed on the receipt. Working time counts from the receipt's start
 * (after the cut-off or outside office hours, the next working day's opening); calendar days follow the Civil Code
 * (the day of receipt not counted; a last day off moves to the end of the next working day).
 */
export function appointmentFor(calendar: WorkingCalendar, receivedAt: Date, legalTime: LegalTime): Date {
  switch (legalTime.unit) {
    case 'working_hours':
      return calendar.addWorkingHours(calendar.receiptStart(receivedAt), legalTime.value);
    case 'working_days':
      return calendar.addWorkingDays(calendar.receiptStart(receivedAt), legalTime.value);
    case 'calendar_days':
      return calendar.calendarDaysDeadline(receivedAt, legalTime.value);
  }
}

/** A step's deadline: its budget in working hours from the moment its task was handed over. */
export function stepDeadline(calendar: WorkingCalendar, handedOverAt: Date, budgetHours: number): Date {
  return calendar.addWorkingHours(handedOverAt, budgetHours);
}

export type Timeliness = 'early' | 'on_time' | 'late';

/**
 * How a step or a dossier ended against its deadline, as the one-stop statistics count it: late after the
 * deadline; early when finished on an earlier day than the deadline's; on time on the deadline's day.
 */
export function timeliness(finishedAt: Date, deadline: Date): Timeliness {
  if (finishedAt.getTime() > deadline.getTime()) return 'late';
  return vietnamDate(finishedAt) < vietnamDate(deadline) ? 'early' : 'on_time';
}
