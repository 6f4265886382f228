import type { WorkingCalendar } from '@motcua/calendar';
import { Refusal } from '@motcua/errors';

const refuse = (code: string, message: string) => Refusal.ofField(code, 'newAppointmentAt', message);

/**
 * Whether an extension with an apology (phiếu xin lỗi và hẹn lại ngày trả kết quả) may be given: the dossier has
 * an appointment, the new one is later, and it is asked at least one working day before the current appointment.
 * Pure: the calendar and the instant are passed in.
 */
export function checkExtension(calendar: WorkingCalendar, now: Date, current: Date | null, requested: Date): Refusal | null {
  if (!current) return refuse('EXTENSION.NO_APPOINTMENT', 'the dossier has no appointment to move');
  if (requested.getTime() <= current.getTime()) {
    return refuse('EXTENSION.NOT_LATER', 'the new appointment comes after the current one');
  }
  // the applicant comes back for the result when the desk is open: in its office hours on a working day (its
  // closing time included: an appointment is given as the end of the day's last period)
  if (!calendar.isWorkingTime(requested) && !calendar.isWorkingTime(new Date(requested.getTime() - 60_000))) {
    return refuse('EXTENSION.OUTSIDE_OFFICE_HOURS', 'the new appointment is in the desk’s office hours on a working day');
  }
  if (calendar.workingTimeBetween(now, current) < calendar.workingDayMs) {
    return refuse('EXTENSION.TOO_LATE', 'an extension is asked at least one working day before the appointment');
  }
  return null;
}
