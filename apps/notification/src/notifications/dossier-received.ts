import { formatVietnamDateTime } from '@motcua/calendar';
import type { DossierAccepted } from '@motcua/contracts';
import { nameOr, procedureLabel } from './names';
import type { NotificationDraft } from './notification-draft';
import { recipientOf } from './recipient';
import { renderTemplate } from './templates/render-template';

/** The applicant's "dossier received" message (giấy tiếp nhận), for the one contact they gave at the desk. */
export function dossierReceivedNotification(event: DossierAccepted): NotificationDraft {
  const recipient = recipientOf(event.applicant);
  const message = renderTemplate('dossier.received', {
    applicantName: event.applicant.fullName,
    dossierCode: event.dossierCode,
    procedure: procedureLabel(event.procedureName, event.procedureCode),
    receivingAgency: nameOr(event.receivingAgencyName, event.receivingAgencyCode),
    receivedAt: formatVietnamDateTime(new Date(event.receivedAt)),
  });
  return {
    dossierCode: event.dossierCode,
    receivingAgencyCode: event.receivingAgencyCode,
    templateKey: 'dossier.received',
    channel: recipient.channel,
    recipient: recipient.address,
    subject: message.subject,
    body: message.body,
    status: recipient.channel === 'none' ? 'no_contact' : 'pending',
  };
}
