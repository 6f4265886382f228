import { formatVietnamDateTime } from '@motcua/calendar';
import type { ApplicantContact } from './applicant-contact';
import { nameOr, procedureLabel } from './names';
import type { NotificationDraft } from './notification-draft';
import { recipientOf } from './recipient';
import type { ApplicantTemplateKey } from './templates/message-templates';
import type { RenderedMessage } from './templates/render-template';

/** What the applicants' messages need from configuration: where a dossier is looked up. */
export interface ApplicantSettings {
  /** The lookup address without the dossier code (`NOTIFICATION_LOOKUP_URL`); the code is appended. */
  readonly lookupUrl: string;
}

/** An event that names the dossier's coordinator as it is now (workflow's do, by id and, since names travel, by name). */
interface NamesCoordinator {
  readonly coordinatorId: string;
  readonly coordinatorName?: string;
}

/**
 * The placeholders every applicant's template shares, from the dossier's record. The coordinator is the event's
 * when it names one (the freshest), otherwise the record's; an applicant is never shown an officer's id.
 */
export function applicantVariables(contact: ApplicantContact, settings: ApplicantSettings, event?: NamesCoordinator) {
  const coordinatorName = event && event.coordinatorId !== contact.coordinatorId ? event.coordinatorName : (event?.coordinatorName ?? contact.coordinatorName);
  return {
    applicantName: contact.applicantName,
    dossierCode: contact.dossierCode,
    procedure: procedureLabel(contact.procedureName, contact.procedureCode),
    receivingAgency: nameOr(contact.receivingAgencyName, contact.receivingAgencyCode),
    coordinator: coordinatorName?.trim() ? `cán bộ đầu mối ${coordinatorName.trim()}` : 'cán bộ đầu mối của hồ sơ',
    appointmentAt: contact.appointmentAt ? formatVietnamDateTime(contact.appointmentAt) : 'theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    lookupUrl: `${settings.lookupUrl.replace(/\/+$/, '')}/${contact.dossierCode}`,
  };
}

/**
 * The message to the applicant, on the channel they gave at the desk (`recipientOf`: email first, then SMS): by SMS
 * the short form goes, by email the letter; with no contact the letter is recorded as `no_contact`, so the desk sees
 * who was not told and what they would have read.
 */
export function applicantDraft(contact: ApplicantContact, templateKey: ApplicantTemplateKey, message: RenderedMessage): NotificationDraft {
  const recipient = recipientOf(contact);
  return {
    dossierCode: contact.dossierCode,
    receivingAgencyCode: contact.receivingAgencyCode,
    templateKey,
    channel: recipient.channel,
    recipient: recipient.address,
    subject: message.subject,
    body: recipient.channel === 'sms' && message.sms !== undefined ? message.sms : message.body,
    status: recipient.channel === 'none' ? 'no_contact' : 'pending',
  };
}
