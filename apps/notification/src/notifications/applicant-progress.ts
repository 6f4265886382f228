import { formatVietnamDateTime } from '@motcua/calendar';
import type { AppointmentChanged, DeadlineOverdue, SupplementRequested, TaskCreated } from '@motcua/contracts';
import type { ApplicantContact } from './applicant-contact';
import { type ApplicantSettings, applicantDraft, applicantVariables } from './applicant-message';
import { nameOr } from './names';
import type { NotificationDraft } from './notification-draft';
import { renderTemplate } from './templates/render-template';

/**
 * The applicant is asked, once and in full, for what is missing (Decree 61/2018 / 118/2025: no piecemeal requests):
 * the documents, the reason, and whom to ask — the coordinator and the desk, since the applicant deals with the desk,
 * not with the body that asked.
 */
export function supplementRequestedNotification(contact: ApplicantContact, event: SupplementRequested, settings: ApplicantSettings): NotificationDraft {
  const message = renderTemplate('supplement.requested', {
    ...applicantVariables(contact, settings, event),
    agency: nameOr(event.agencyName, event.agencyCode),
    missing: event.missing.map((d) => `- ${d.name}`).join('\n'),
    missingInline: event.missing.map((d) => d.name).join('; '),
    reason: event.reason.trim() || 'không ghi lý do',
  });
  return applicantDraft(contact, 'supplement.requested', message);
}

/**
 * Processing resumed after the applicant's supplement. The one source is the resumed step's task
 * (`workflow.task.created` with `resumedAfterSupplementRound`): workflow opens it exactly once per answered request,
 * whether or not the appointment moved, while `appointment-changed` (cause supplement_pause) comes only when the
 * pause moved the appointment by at least a minute. That event moves the record's appointment, which this message
 * states. Null for every other task.
 */
/** Whether a task opened is the step resumed after a supplement: the one task opening the applicant hears of. */
export const resumesAfterSupplement = (event: TaskCreated): boolean => event.resumedAfterSupplementRound !== undefined;

export function supplementResumedNotification(contact: ApplicantContact, event: TaskCreated, settings: ApplicantSettings): NotificationDraft | null {
  if (!resumesAfterSupplement(event)) return null;
  const message = renderTemplate('supplement.resumed', {
    ...applicantVariables(contact, settings, event.coordinatorId ? { coordinatorId: event.coordinatorId, coordinatorName: event.coordinatorName } : undefined),
    resumedAt: formatVietnamDateTime(new Date(event.occurredAt)),
    // the event's own appointment: the pause's appointment change may not have reached the record yet
    ...(event.appointmentAt ? { appointmentAt: formatVietnamDateTime(new Date(event.appointmentAt)) } : {}),
  });
  return applicantDraft(contact, 'supplement.resumed', message);
}

/**
 * The apology with a new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả): the reason, the appointment the
 * receipt promised and the new one. Null for a pause's move (told with the resumed processing).
 */
export function extensionApologyNotification(contact: ApplicantContact, event: AppointmentChanged, settings: ApplicantSettings): NotificationDraft | null {
  if (event.cause !== 'extension') return null;
  const message = renderTemplate('appointment.extended', {
    ...applicantVariables(contact, settings, event),
    originalAppointmentAt: formatVietnamDateTime(new Date(event.originalAppointmentAt)),
    appointmentAt: formatVietnamDateTime(new Date(event.appointmentAt)),
    reason: event.reason?.trim() || 'không ghi lý do',
  });
  return applicantDraft(contact, 'appointment.extended', message);
}

/**
 * The appointment passed without a result. Told only where no extension was given: an applicant who received an
 * apology with a new appointment already knows, and the new date is the agency's to keep. Null for a task's deadline
 * (an internal matter of the body that has it).
 */
export function overdueNotification(contact: ApplicantContact, event: DeadlineOverdue, settings: ApplicantSettings): NotificationDraft | null {
  if (event.subject !== 'dossier' || contact.extended) return null;
  const message = renderTemplate('dossier.overdue', {
    ...applicantVariables(contact, settings, event),
    appointmentAt: formatVietnamDateTime(new Date(event.deadline)),
  });
  return applicantDraft(contact, 'dossier.overdue', message);
}
