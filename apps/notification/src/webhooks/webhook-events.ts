import {
  DeadlineDueSoon,
  DeadlineOverdue,
  DossierAccepted,
  type DossierEvent,
  type EventClass,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
  TaskOwnerChanged,
} from '@motcua/contracts';
import type { NotificationDraft } from '../notifications/notification-draft';

/** The agency a dossier event concerns, as its contract names it. */
type AgencyOf<T> = (event: T) => string;

const offer = <T extends DossierEvent>(cls: EventClass<T>, agencyOf: AgencyOf<T>): [string, AgencyOf<DossierEvent>] => [
  cls.type,
  agencyOf as AgencyOf<DossierEvent>,
];

/**
 * The dossier events offered to webhook subscribers: those whose contract names one agency they concern, which is
 * whose subscribers receive them. `workflow.case.closed` is not among them: it names no agency (only, on a
 * withdrawal, the step it ended), and telling a desk's partner of a dossier by guessing its agency would leak it;
 * intake's `dossier.supplemented` and workflow's coordinator and appointment changes name none either.
 */
const OFFERED = new Map<string, AgencyOf<DossierEvent>>([
  offer(DossierAccepted, (e) => e.receivingAgencyCode),
  offer(TaskCreated, (e) => e.agencyCode),
  offer(TaskOwnerChanged, (e) => e.agencyCode),
  offer(TaskCompleted, (e) => e.agencyCode),
  offer(SupplementRequested, (e) => e.agencyCode),
  offer(DeadlineDueSoon, (e) => e.agencyCode),
  offer(DeadlineOverdue, (e) => e.agencyCode),
]);

/** The event types a subscription may ask for (`events`), in the order docs/webhooks.md lists them. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [...OFFERED.keys()];

/** A consumed dossier event as its agency's subscribers receive it. */
export interface SubscribedEvent {
  readonly type: string;
  readonly agencyCode: string;
  readonly dossierCode: string;
  readonly occurredAt: string;
  /** The event's payload as published (its contract in docs/asyncapi.json). */
  readonly data: DossierEvent;
}

/** The event as subscribers receive it, or null when its type is not offered to them. */
export function subscribedEvent(type: string, event: DossierEvent): SubscribedEvent | null {
  const agencyOf = OFFERED.get(type);
  return agencyOf ? { type, agencyCode: agencyOf(event), dossierCode: event.dossierCode, occurredAt: event.occurredAt, data: event } : null;
}

/** The one template key per subscription: with the event's message id, unique, so an event is delivered once to each. */
export type WebhookTemplateKey = `webhook:${string}`;

export const webhookTemplateKey = (subscriptionId: string): WebhookTemplateKey => `webhook:${subscriptionId}`;

/**
 * One subscription's delivery of an event: a pending notification on the 'webhook' channel, addressed to the
 * subscription (its URL and secret are looked up when it is sent, so a changed or disabled subscription is honoured),
 * the body the JSON envelope receivers parse. `deliveryId` is the notification's id: the receiver's idempotency key.
 */
export function webhookDelivery(subscriptionId: string, event: SubscribedEvent, deliveryId: string): NotificationDraft {
  const envelope = { deliveryId, type: event.type, occurredAt: event.occurredAt, dossierCode: event.dossierCode, data: event.data };
  return {
    dossierCode: event.dossierCode,
    // the log's reader: the subscribing agency's officers (the event is theirs to know of)
    receivingAgencyCode: event.agencyCode,
    templateKey: webhookTemplateKey(subscriptionId),
    channel: 'webhook',
    recipient: subscriptionId,
    subject: event.type,
    body: JSON.stringify(envelope),
    status: 'pending',
  };
}
