import { formatVietnamDateTime } from '@motcua/calendar';
import { type DossierAccepted, ReturnMethod } from '@motcua/contracts';
import { contactOnReceipt } from './applicant-contact';
import { type ApplicantSettings, applicantDraft, applicantVariables } from './applicant-message';
import type { NotificationDraft } from './notification-draft';
import { renderTemplate } from './templates/render-template';

/** How the applicant chose to get the result back, as the receipt says it. */
export const RETURN_METHOD_NAMES: Readonly<Record<ReturnMethod, string>> = {
  [ReturnMethod.Desk]: 'Nhận trực tiếp tại Bộ phận Một cửa',
  [ReturnMethod.Post]: 'Qua dịch vụ bưu chính công ích',
  [ReturnMethod.Electronic]: 'Trực tuyến (bản điện tử)',
};

/**
 * The applicant's "dossier received" message (giấy tiếp nhận), for the one contact they gave at the desk: the code,
 * the appointment, and where to look the dossier up with the secret printed on the receipt (the secret itself never
 * leaves intake: it is not in the event, and a message must not carry it).
 */
export function dossierReceivedNotification(event: DossierAccepted, settings: ApplicantSettings): NotificationDraft {
  const contact = contactOnReceipt(event);
  const message = renderTemplate('dossier.received', {
    ...applicantVariables(contact, settings),
    receivedAt: formatVietnamDateTime(contact.receivedAt),
    returnMethod: RETURN_METHOD_NAMES[contact.returnMethod],
  });
  return applicantDraft(contact, 'dossier.received', message);
}
