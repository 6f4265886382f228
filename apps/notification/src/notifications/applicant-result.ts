import { formatVietnamDateTime } from '@motcua/calendar';
import { type CaseClosed, NationalStatus, ReturnMethod, type TaskCompleted } from '@motcua/contracts';
import type { ApplicantContact } from './applicant-contact';
import { type ApplicantSettings, applicantDraft, applicantVariables } from './applicant-message';
import type { NotificationDraft } from './notification-draft';
import type { ApplicantTemplateKey } from './templates/message-templates';
import { renderTemplate } from './templates/render-template';

/** The result's message by the return method the applicant chose at the desk. */
const RESULT_BY_RETURN: Readonly<Record<ReturnMethod, ApplicantTemplateKey & `result.${string}`>> = {
  [ReturnMethod.Desk]: 'result.ready_at_desk',
  [ReturnMethod.Post]: 'result.by_post',
  [ReturnMethod.Electronic]: 'result.electronic',
};

/**
 * The result is ready: the step that brings the dossier to status 9 (processed — the result signed, "đã giải quyết
 * xong, chờ trả kết quả"; a `sign`, or the last step of a process that closes processed). That is when the
 * applicant can act on it; status 10 (`hand_over`, outcome returned) is the hand-over itself, which the applicant
 * witnesses at the desk or, by post, the postal service tracks with its waybill. Later steps at 9 (numbering,
 * issuing, a re-signing after a send-back) say nothing new: the use case tells it once per dossier. Null for a
 * step that leaves the dossier in progress.
 */
/** Whether a step finished with the result signed (9): the one step end the applicant hears of. */
export const resultSigned = (event: TaskCompleted): boolean => event.nationalStatus === NationalStatus.Processed;

export function resultReadyNotification(contact: ApplicantContact, event: TaskCompleted, settings: ApplicantSettings): NotificationDraft | null {
  if (!resultSigned(event)) return null;
  const templateKey = RESULT_BY_RETURN[contact.returnMethod];
  // Postal delivery (issue 18, the postal part) hooks here: when the carrier takes the parcel it tells the waybill
  // in its own message; this one only says the result will go by post.
  const message = renderTemplate(templateKey, {
    ...applicantVariables(contact, settings, event),
    processedAt: formatVietnamDateTime(new Date(event.occurredAt)),
  });
  return applicantDraft(contact, templateKey, message);
}

/**
 * Processing ended without a result for the applicant: refused or stopped (status 8, with the reasons, as the
 * notice of stopped processing), or withdrawn at their request (7, confirmed in writing). Null when it ended with
 * the result (processed, returned: told by `resultReadyNotification`).
 */
export function caseClosedNotification(contact: ApplicantContact, event: CaseClosed, settings: ApplicantSettings): NotificationDraft | null {
  const variables = { ...applicantVariables(contact, settings, event), occurredAt: formatVietnamDateTime(new Date(event.occurredAt)) };
  switch (event.outcome) {
    case 'stopped':
      return applicantDraft(contact, 'dossier.stopped', renderTemplate('dossier.stopped', { ...variables, reason: event.note?.trim() || 'không ghi lý do' }));
    case 'withdrawn':
      return applicantDraft(contact, 'dossier.withdrawn', renderTemplate('dossier.withdrawn', variables));
    case 'processed':
    case 'returned':
      return null;
  }
}
