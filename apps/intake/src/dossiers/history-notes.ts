import { formatVietnamDateTime } from '@motcua/calendar';
import type { AppointmentChanged, SupplementRequested, TaskCreated } from '@motcua/contracts';

// The notes of a dossier's status history (nhật ký xử lý hồ sơ), in Vietnamese, as the desk reads them to the
// applicant. Instants are shown in Vietnam time, hour first as on the receipt.

/**
 * Working time in hours and minutes: `1 giờ 25 phút`, `3 giờ`, `25 phút`. Given in whole minutes, as workflow
 * counts a pause (the seconds of an unfinished minute are not counted, and move no appointment): nothing is
 * rounded here. Not in days: a working day's length depends on the agency's office hours.
 */
export function workingDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} phút`;
  return rest === 0 ? `${hours} giờ` : `${hours} giờ ${rest} phút`;
}

/** A step's task: the step and its agency (by name; by code in events before names), and, when it resumes after a supplement, which one. */
export function taskNote(created: Pick<TaskCreated, 'stepName' | 'agencyCode' | 'agencyName' | 'resumedAfterSupplementRound'>): string {
  const step = `${created.stepName} (${created.agencyName ?? created.agencyCode})`;
  return created.resumedAfterSupplementRound ? `Tiếp tục giải quyết sau khi bổ sung hồ sơ (lần ${created.resumedAfterSupplementRound}): ${step}` : step;
}

/** The competent body asks the applicant for documents: which round, and why when it said so. */
export function supplementRequestNote(requested: Pick<SupplementRequested, 'round' | 'reason'>): string {
  const reason = requested.reason.trim();
  return `Yêu cầu bổ sung hồ sơ (lần ${requested.round})${reason ? `: ${reason}` : ''}`;
}

/**
 * A moved appointment: the working time the clock stood still while the applicant supplied documents, or an
 * extension with its apology's reason; with the new appointment and the one it replaces.
 */
export function appointmentNote(
  changed: Pick<AppointmentChanged, 'cause' | 'appointmentAt' | 'previousAppointmentAt' | 'pausedWorkingMinutes' | 'extension' | 'flagged' | 'reason'>,
): string {
  const moved = `hẹn trả kết quả mới ${formatVietnamDateTime(new Date(changed.appointmentAt))} (thay cho ${formatVietnamDateTime(new Date(changed.previousAppointmentAt))})`;
  if (changed.cause === 'supplement_pause') {
    const paused = changed.pausedWorkingMinutes ? `${workingDuration(changed.pausedWorkingMinutes)} làm việc` : 'thời gian';
    return `Không tính ${paused} chờ bổ sung hồ sơ: ${moved}`;
  }
  const reason = changed.reason?.trim();
  return `Gia hạn lần ${changed.extension}${changed.flagged ? ' (quá một lần)' : ''}: ${moved}${reason ? `. Lý do: ${reason}` : ''}`;
}
