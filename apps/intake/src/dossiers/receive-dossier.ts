import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { Refusal } from '@motcua/errors';
import { type Applicant, DossierAccepted, NationalStatus, type PostalAddress, type ReturnMethod, event } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { newId } from '@motcua/persistence';
import { type LegalTime, appointmentFor, vietnamDate } from '@motcua/calendar';
import { hashOfSecret } from './applicant-proof';
import { checkSubmission } from './check-submission';
import { checkPostalDetails } from './postal-return';
import { NUMBER_TO_COME, dossierCodePrefix } from './dossier-code';
import { Dossier } from './dossier.entity';
import { DossierStore } from './dossier.store';
import { type DossierReceiptView, toDossierView } from './dossier.view';

/** What the desk receives, whichever way the dossier came (in person, online, by post). */
export interface Receipt {
  readonly procedureCode: string;
  readonly channel: number;
  readonly receivingAgencyCode: string;
  readonly applicant: Applicant;
  readonly documents: readonly { readonly code?: string; readonly name: string; readonly copies?: number }[];
  readonly returnMethod: ReturnMethod;
  readonly deliveryAddress?: PostalAddress | null;
  readonly pickupWaybill?: string | null;
  /**
   * An online dossier (channel 2): the portal's reference (MaHoSoQG), when the applicant filed it (NgayNopHoSo), and
   * when the desk's time started counting: the legal clock counts from the filing, not from the officer's decision.
   */
  readonly online?: { readonly portalReference: string; readonly filedAt: Date; readonly countsFrom: Date };
}

/** The receipt: the dossier as received, and the lookup secret printed on it. */
export type ReceivedDossier = DossierReceiptView;

/**
 * Tiếp nhận hồ sơ: the desk accepts a complete dossier, in the caller's transaction. The catalogue (intake's replica,
 * so this works while workflow is down) must allow it: the procedure is active, received through this channel at this
 * desk for this applicant, every step has a competent body, and the required documents are there; a result returned by
 * post has an address to go to in a known ward. It takes the unit's next running number for the day, stores the
 * dossier with the first row of its status history (2, accepted), and puts `intake.dossier.accepted` in the outbox;
 * the officer who accepts becomes the dossier's coordinator. The one receipt of the desk's own dossiers and of the
 * online ones it accepts.
 */
@Injectable()
export class ReceiveDossier {
  constructor(
    private readonly catalogue: CatalogueReplica,
    private readonly store: DossierStore,
  ) {}

  async receive(tx: Transaction, receipt: Receipt, officerId: string): Promise<ReceivedDossier> {
    const receivedAt = new Date();
    const legalTime = this.checkAgainstCatalogue(receipt, vietnamDate(receivedAt));
    // in the receiving desk's own office hours
    const clockStart = receipt.online?.countsFrom ?? receivedAt;
    const appointmentAt = appointmentFor(this.catalogue.calendarOf(receipt.receivingAgencyCode), clockStart, legalTime);
    // The code's running number is the desk's counter's, taken by the statement that stores the dossier; until then
    // the code and its event say NUMBER_TO_COME, and that statement writes the number in both.
    const codePrefix = dossierCodePrefix(receipt.receivingAgencyCode, receivedAt);
    const dossier: Dossier = {
      id: newId(),
      code: codePrefix + NUMBER_TO_COME,
      procedureCode: receipt.procedureCode,
      processVersion: null,
      channel: receipt.channel,
      receivingAgencyCode: receipt.receivingAgencyCode,
      coordinatorId: officerId,
      coordinatorName: null,
      applicant: { ...receipt.applicant },
      documents: receipt.documents.map((d) => ({ ...d })),
      returnMethod: receipt.returnMethod,
      deliveryAddress: receipt.deliveryAddress ? { ...receipt.deliveryAddress } : null,
      pickupWaybill: receipt.pickupWaybill ?? null,
      portalReference: receipt.online?.portalReference ?? null,
      filedAt: receipt.online?.filedAt ?? null,
      postalShipmentId: null,
      postalWaybill: null,
      postalState: null,
      postalSequence: 0,
      postalUpdatedAt: null,
      supplementRequest: null,
      appointmentAt,
      originalAppointmentAt: appointmentAt,
      extensionCount: 0,
      nationalStatus: NationalStatus.Accepted,
      currentStep: null,
      currentAgencyCode: null,
      workflowSequence: 0,
      eventSequence: 1,
      receivedAt,
      createdAt: receivedAt,
    };
    // Printed on the receipt: with the code, it lets an applicant without an account act on the dossier.
    const lookupSecret = randomBytes(9).toString('base64url');
    const accepted = {
      nationalStatus: NationalStatus.Accepted,
      source: 'intake',
      sequence: 1,
      agencyCode: receipt.receivingAgencyCode,
      note: null,
      occurredAt: receivedAt,
    };
    await tx.publish(
      event(DossierAccepted, {
        dossierCode: dossier.code,
        nationalStatus: NationalStatus.Accepted,
        sequence: dossier.eventSequence,
        occurredAt: receivedAt.toISOString(),
        procedureCode: dossier.procedureCode,
        channel: dossier.channel,
        receivingAgencyCode: dossier.receivingAgencyCode,
        coordinatorId: officerId,
        applicant: dossier.applicant,
        returnMethod: dossier.returnMethod,
        receivedAt: receivedAt.toISOString(),
        appointmentAt: appointmentAt.toISOString(),
        // the names beside the codes, so that consumers without a catalogue (notification) can say them
        procedureName: this.catalogue.procedure(dossier.procedureCode)?.name,
        receivingAgencyName: this.catalogue.agency(dossier.receivingAgencyCode)?.name,
        documents: dossier.documents,
        // for the post: where the result goes, and the pick-up this dossier closes (absent when there is none)
        ...(dossier.deliveryAddress ? { deliveryAddress: dossier.deliveryAddress } : {}),
        ...(dossier.pickupWaybill ? { pickupWaybill: dossier.pickupWaybill } : {}),
        // for the National Portal: its own reference of an online dossier, and when the applicant filed it
        ...(dossier.portalReference ? { portalReference: dossier.portalReference } : {}),
        ...(dossier.filedAt ? { filedAt: dossier.filedAt.toISOString() } : {}),
      }),
    );
    // the event goes out with the dossier, in the same statement
    dossier.code = await this.store.insertReceived(
      tx.manager,
      dossier,
      { day: vietnamDate(receivedAt), codePrefix, lookupSecretHash: hashOfSecret(lookupSecret) },
      await tx.takeEvents(),
    );
    return { ...toDossierView(dossier, this.catalogue, [accepted]), lookupSecret };
  }

  /** Refuses what the catalogue does not allow; returns the procedure's legal time for the appointment. */
  private checkAgainstCatalogue(receipt: Receipt, onDate: string): LegalTime {
    if (this.catalogue.isEmpty) {
      throw new Refusal('CATALOGUE.NOT_READY', 'Retry in a few seconds');
    }
    const refusal =
      checkSubmission({ ...receipt, wardCode: receipt.applicant.wardCode }, this.catalogue, onDate) ?? checkPostalDetails(receipt, this.catalogue);
    if (refusal) throw refusal;
    const { legalTimeValue: value, legalTimeUnit: unit } = this.catalogue.procedure(receipt.procedureCode)!;
    return { value, unit };
  }
}
