import type { AppointmentChanged } from '@motcua/contracts';

const shown = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

/** The history's line for a moved appointment, in Vietnamese, as the desk reads it to the applicant. */
export function appointmentNote(changed: AppointmentChanged): string {
  const when = shown.format(new Date(changed.appointmentAt));
  if (changed.cause === 'supplement_pause') {
    const hours = ((changed.pausedWorkingMinutes ?? 0) / 60).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    return `Không tính ${hours} giờ làm việc chờ bổ sung hồ sơ: hẹn trả kết quả mới ${when}`;
  }
  return `Gia hạn lần ${changed.extension}${changed.flagged ? ' (quá một lần)' : ''}: hẹn trả kết quả mới ${when}. Lý do: ${changed.reason ?? ''}`;
}
