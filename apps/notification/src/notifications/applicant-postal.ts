import { formatVietnamDateTime } from '@motcua/calendar';
import type { ShipmentCancelled, ShipmentDeliveryFailed, ShipmentHandedOver, ShipmentReturned } from '@motcua/contracts';
import type { ApplicantContact } from './applicant-contact';
import { type ApplicantSettings, applicantDraft, applicantVariables } from './applicant-message';
import { nameOr } from './names';
import type { NotificationDraft } from './notification-draft';
import { renderTemplate } from './templates/render-template';

/**
 * What postal-delivery reports that the applicant of a result sent by post must hear. Delivered is not among them:
 * the applicant signed for the parcel (as at the desk, status 10 is a hand-over they witness), and workflow's
 * `case.closed` (returned) tells no applicant anything either.
 */
export type ShipmentNews =
  | { readonly kind: 'handed-over'; readonly event: ShipmentHandedOver }
  | { readonly kind: 'delivery-failed'; readonly event: ShipmentDeliveryFailed }
  | { readonly kind: 'returned'; readonly event: ShipmentReturned }
  /** The carrier refused the result's order (or it never took it): the result stays at the desk; its coordinator acts. */
  | { readonly kind: 'order-failed'; readonly event: ShipmentCancelled };

/** One fact of one shipment, told once whatever message ids carry it. */
export interface ShipmentFact {
  readonly shipmentId: string;
  readonly dossierCode: string;
  /** 'handed-over' and 'returned' happen once to a shipment; each failed delivery is its own fact. */
  readonly fact: string;
  readonly sequence: number;
}

/**
 * The fact the news is, or null when no applicant is to hear of it. A pick-up (incoming) has no dossier yet, so no
 * applicant record: nobody to tell, and the pick-up events carry no contact. A failed delivery is keyed by the
 * carrier's own time of the attempt, not by the sequence: a carrier that repeats its callback makes postal-delivery
 * publish the same attempt again with a new sequence, and the applicant must hear of each attempt once.
 */
export function shipmentFact(news: ShipmentNews): ShipmentFact | null {
  const { event } = news;
  if (event.direction !== 'outgoing' || !event.dossierCode) return null;
  // a cancellation by the desk or the applicant is their own doing: only the carrier's refusal is news
  if (news.kind === 'order-failed' && event.state !== 'order_failed') return null;
  const fact = news.kind === 'delivery-failed' ? `delivery-failed:${new Date(event.occurredAt).toISOString()}` : news.kind;
  return { shipmentId: event.shipmentId, dossierCode: event.dossierCode, fact, sequence: event.sequence };
}

/** The carrier's reason, or a word saying it gave none: the applicant never reads an empty "Lý do:". */
const reasonOf = (reason: string | null | undefined) => reason?.trim() || 'bưu điện không ghi lý do';

/**
 * The messages of a shipment's news: the applicant's, on the channel they gave at the desk; and, for a result
 * returned to the desk, the coordinator's, since the desk must take the parcel back and hand it over in person.
 */
export function shipmentNewsNotifications(contact: ApplicantContact, news: ShipmentNews, settings: ApplicantSettings): NotificationDraft[] {
  const { event } = news;
  const variables = {
    ...applicantVariables(contact, settings),
    waybill: event.waybill?.trim() || 'chưa có',
    occurredAt: formatVietnamDateTime(new Date(event.occurredAt)),
  };
  switch (news.kind) {
    case 'handed-over':
      return [applicantDraft(contact, 'postal.result_sent', renderTemplate('postal.result_sent', variables))];
    case 'delivery-failed':
      return [
        applicantDraft(contact, 'postal.delivery_failed', renderTemplate('postal.delivery_failed', { ...variables, reason: reasonOf(news.event.reason) })),
      ];
    case 'returned': {
      // the desk the parcel came back to is the one that sent it; its name is known when it received the dossier too
      const agency = event.agencyCode === contact.receivingAgencyCode ? nameOr(contact.receivingAgencyName, event.agencyCode) : event.agencyCode;
      const reason = reasonOf(news.event.reason);
      return [
        applicantDraft(contact, 'postal.result_returned', renderTemplate('postal.result_returned', { ...variables, agency, reason })),
        returnedToDeskNotification(contact, news.event, reason),
      ];
    }
    case 'order-failed':
      return [orderFailedNotification(contact, news.event)];
  }
}

/** The coordinator's message of a result the carrier would not take, to their work inbox (the applicant hears of it from them). */
function orderFailedNotification(contact: ApplicantContact, event: ShipmentCancelled): NotificationDraft {
  const message = renderTemplate('postal.order_failed', {
    officer: nameOr(contact.coordinatorName, contact.coordinatorId),
    dossierCode: contact.dossierCode,
    occurredAt: formatVietnamDateTime(new Date(event.occurredAt)),
    reason: reasonOf(event.reason),
    applicantName: contact.applicantName,
  });
  return {
    dossierCode: contact.dossierCode,
    receivingAgencyCode: contact.receivingAgencyCode,
    templateKey: 'postal.order_failed',
    channel: 'officer',
    recipient: contact.coordinatorId,
    subject: message.subject,
    body: message.body,
    status: 'delivered',
  };
}

/** The coordinator's message of a returned result, to their work inbox. */
function returnedToDeskNotification(contact: ApplicantContact, event: ShipmentReturned, reason: string): NotificationDraft {
  const message = renderTemplate('postal.returned_to_desk', {
    officer: nameOr(contact.coordinatorName, contact.coordinatorId),
    dossierCode: contact.dossierCode,
    waybill: event.waybill?.trim() || 'chưa có',
    occurredAt: formatVietnamDateTime(new Date(event.occurredAt)),
    reason,
    applicantName: contact.applicantName,
  });
  return {
    dossierCode: contact.dossierCode,
    receivingAgencyCode: contact.receivingAgencyCode,
    templateKey: 'postal.returned_to_desk',
    channel: 'officer',
    recipient: contact.coordinatorId,
    subject: message.subject,
    body: message.body,
    status: 'delivered',
  };
}
