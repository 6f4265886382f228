import { Injectable, Logger } from '@nestjs/common';
import { readEnvironment } from '@motcua/config';
import type * as events from '@motcua/contracts';
import { type AmqpContext, MessagingConfig, type Transaction } from '@motcua/messaging';
import type { SubscribedEvent } from '../webhooks/webhook-events';
import { contactOnReceipt } from './applicant-contact';
import { ApplicantContactStore } from './applicant-contact.store';
import type { ApplicantSettings } from './applicant-message';
import {
  extensionApologyNotification,
  overdueNotification,
  resumesAfterSupplement,
  supplementRequestedNotification,
  supplementResumedNotification,
} from './applicant-progress';
import { type ShipmentNews, shipmentFact, shipmentNewsNotifications } from './applicant-postal';
import { caseClosedNotification, resultReadyNotification, resultSigned } from './applicant-result';
import { ApplicantEnvironment } from './applicant.environment';
import { dossierReceivedNotification } from './dossier-received';
import type { NotificationDraft } from './notification-draft';
import { RecordNotifications } from './record-notification';

/** A dossier event as it concerns the applicant: what it changes in their record, what they are told. */
export type ApplicantEvent =
  | { readonly kind: 'accepted'; readonly event: events.DossierAccepted }
  | { readonly kind: 'coordinator-changed'; readonly event: events.CoordinatorChanged }
  | { readonly kind: 'supplement-requested'; readonly event: events.SupplementRequested }
  | { readonly kind: 'task-created'; readonly event: events.TaskCreated }
  | { readonly kind: 'appointment-changed'; readonly event: events.AppointmentChanged }
  | { readonly kind: 'task-completed'; readonly event: events.TaskCompleted }
  | { readonly kind: 'case-closed'; readonly event: events.CaseClosed }
  | { readonly kind: 'overdue'; readonly event: events.DeadlineOverdue }
  | { readonly kind: 'shipment'; readonly news: ShipmentNews };

type DossierEvent = Exclude<ApplicantEvent, { kind: 'shipment' }>;

/** The consumed message an event came in: its id (the notifications' key) and which attempt this is. */
export interface EventDelivery {
  readonly messageId: string;
  readonly attempt: number;
}

export function deliveryOf(ctx: AmqpContext): EventDelivery {
  return { messageId: ctx.getMessage().properties.messageId as string, attempt: ctx.getAttempt() };
}

/**
 * Use case: a dossier event, for its applicant — the record kept to reach them moves (receipt, coordinator,
 * appointment), the pure rules decide their message, and it is recorded with the officers' messages the same event
 * gives (`alsoTell`) and the deliveries to the agency's webhook subscribers (`subscribed`), all in the inbox transaction of the consumed event, once per event and template.
 */
@Injectable()
export class TellApplicant {
  private readonly logger = new Logger(TellApplicant.name);
  private readonly settings: ApplicantSettings = { lookupUrl: readEnvironment(ApplicantEnvironment).NOTIFICATION_LOOKUP_URL };

  constructor(
    private readonly contacts: ApplicantContactStore,
    private readonly notifications: RecordNotifications,
    private readonly messaging: MessagingConfig,
  ) {}

  async execute(
    change: ApplicantEvent,
    alsoTell: readonly (NotificationDraft | null)[],
    delivery: EventDelivery,
    tx: Transaction,
    subscribed: SubscribedEvent | null = null,
  ): Promise<void> {
    const drafts = change.kind === 'shipment' ? await this.decidePostal(change.news, delivery, tx) : [await this.decide(change, delivery, tx)];
    await this.notifications.execute([...drafts, ...alsoTell], delivery.messageId, tx, subscribed);
  }

  /**
   * An event of a dossier with no applicant record: the receipt that starts it may not have been applied yet (being
   * applied by the other consumer transaction, or waiting for a retry of its own), so the event is retried on its
   * message's schedule; after the last attempt it is taken for a dossier received before notification kept records:
   * nobody to tell, and nothing to keep current.
   */
  private noRecord(dossierCode: string, kind: string, delivery: EventDelivery): null {
    if (delivery.attempt < this.messaging.maxAttempts) throw new Error(`no applicant record for ${dossierCode} yet (${kind}): tried again`);
    this.logger.warn({ dossierCode, kind }, 'no applicant record for the dossier: the applicant is not told');
    return null;
  }

  /** The post's news of a result: told once per fact (`shipment_news`), to the applicant of a dossier on record. */
  private async decidePostal(news: ShipmentNews, delivery: EventDelivery, tx: Transaction): Promise<readonly NotificationDraft[]> {
    const fact = shipmentFact(news);
    if (!fact) return [];
    const contact = await this.contacts.find(tx, fact.dossierCode);
    if (!contact) return this.noRecord(fact.dossierCode, news.kind, delivery) ?? [];
    if (!(await this.contacts.claimShipmentNews(tx, fact))) {
      this.logger.debug({ dossierCode: fact.dossierCode, shipmentId: fact.shipmentId, fact: fact.fact }, 'shipment news already told (or older than what was)');
      return [];
    }
    return shipmentNewsNotifications(contact, news, this.settings);
  }

  private async decide(change: DossierEvent, delivery: EventDelivery, tx: Transaction): Promise<NotificationDraft | null> {
    const { event } = change;
    if (change.kind === 'accepted') {
      this.contacts.recordReceipt(tx, contactOnReceipt(change.event));
      return dossierReceivedNotification(change.event, this.settings);
    }
    // most tasks opened and steps finished tell the applicant nothing: their record is not read for them
    if (!mayTellApplicant(change)) return null;
    const contact = await this.contacts.find(tx, event.dossierCode);
    if (!contact) return this.noRecord(event.dossierCode, change.kind, delivery);
    switch (change.kind) {
      case 'coordinator-changed':
        await this.contacts.changeCoordinator(tx, contact.dossierCode, {
          id: change.event.coordinatorId,
          name: change.event.coordinatorName ?? null,
          sequence: change.event.sequence,
        });
        return null;
      case 'appointment-changed':
        await this.contacts.moveAppointment(tx, contact.dossierCode, {
          appointmentAt: new Date(change.event.appointmentAt),
          originalAppointmentAt: new Date(change.event.originalAppointmentAt),
          extension: change.event.cause === 'extension',
          sequence: change.event.sequence,
        });
        return extensionApologyNotification(contact, change.event, this.settings);
      case 'supplement-requested':
        return supplementRequestedNotification(contact, change.event, this.settings);
      case 'task-created':
        return supplementResumedNotification(contact, change.event, this.settings);
      case 'task-completed': {
        const result = resultReadyNotification(contact, change.event, this.settings);
        // once per dossier: a result re-signed after a send-back is the same news
        return result && (await this.contacts.claimResultMessage(tx, contact.dossierCode)) ? result : null;
      }
      case 'case-closed':
        return caseClosedNotification(contact, change.event, this.settings);
      case 'overdue':
        return overdueNotification(contact, change.event, this.settings);
    }
  }
}

/** Whether a dossier event may tell its applicant something (and move their record): all but most task events. */
function mayTellApplicant(change: DossierEvent): boolean {
  if (change.kind === 'task-created') return resumesAfterSupplement(change.event);
  if (change.kind === 'task-completed') return resultSigned(change.event);
  return true;
}
