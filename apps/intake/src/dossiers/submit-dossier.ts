import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { Refusal } from '@motcua/errors';
import { DossierAccepted, NationalStatus, event } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, newId, runIdempotent } from '@motcua/persistence';
import { type LegalTime, appointmentFor, vietnamDate } from '@motcua/calendar';
import { hashOfSecret } from './applicant-proof';
import { checkSubmission } from './check-submission';
import { checkPostalDetails } from './postal-return';
import { formatDossierCode } from './dossier-code';
import { Dossier } from './dossier.entity';
import { DossierStore } from './dossier.store';
import { type DossierView, toDossierView } from './dossier.view';
import type { SubmitDossierRequest } from './submit-dossier.request';

/**
 * Tiếp nhận hồ sơ: the desk accepts a complete dossier. The catalogue (intake's replica, so this works while
 * workflow is down) must allow it: the procedure is active, received through this channel at this desk for
 * this applicant, every step has a competent body, and the required documents are there; a result returned by post
 * has an address to go to in a known ward. In one transaction it takes the unit's next running
 * number for the day, stores the dossier with the first row of its status history (2, accepted), and puts
 * `intake.dossier.accepted` in the outbox; the officer who accepts becomes the dossier's coordinator.
 */
@Injectable()
export class SubmitDossier {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalogue: CatalogueReplica,
    private readonly store: DossierStore,
  ) {}

  execute(
    request: SubmitDossierRequest,
    officerId: string,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<DossierView & { lookupSecret: string }> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async () => {
        const receivedAt = new Date();
        const legalTime = this.checkAgainstCatalogue(request, vietnamDate(receivedAt));
        // in the receiving desk's own office hours
        const appointmentAt = appointmentFor(this.catalogue.calendarOf(request.receivingAgencyCode), receivedAt, legalTime);
        const runningNumber = await this.store.nextRunningNumber(tx.manager, request.receivingAgencyCode, vietnamDate(receivedAt));

        const dossier: Dossier = {
          id: newId(),
          code: formatDossierCode(request.receivingAgencyCode, receivedAt, runningNumber),
          procedureCode: request.procedureCode,
          processVersion: null,
          channel: request.channel,
          receivingAgencyCode: request.receivingAgencyCode,
          coordinatorId: officerId,
          coordinatorName: null,
          applicant: { ...request.applicant },
          documents: request.documents.map((d) => ({ ...d })),
          returnMethod: request.returnMethod,
          deliveryAddress: request.deliveryAddress ? { ...request.deliveryAddress } : null,
          pickupWaybill: request.pickupWaybill ?? null,
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
          agencyCode: request.receivingAgencyCode,
          note: null,
          occurredAt: receivedAt,
        };
        await this.store.insertReceived(tx.manager, dossier, hashOfSecret(lookupSecret));
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
          }),
        );
        return { status: 201, body: { ...toDossierView(dossier, this.catalogue, [accepted]), lookupSecret } };
      }),
    );
  }

  /** Refuses what the catalogue does not allow; returns the procedure's legal time for the appointment. */
  private checkAgainstCatalogue(request: SubmitDossierRequest, onDate: string): LegalTime {
    if (this.catalogue.isEmpty) {
      throw new Refusal('CATALOGUE.NOT_READY', 'Retry in a few seconds');
    }
    const refusal =
      checkSubmission({ ...request, wardCode: request.applicant.wardCode }, this.catalogue, onDate) ?? checkPostalDetails(request, this.catalogue);
    if (refusal) throw refusal;
    const { legalTimeValue: value, legalTimeUnit: unit } = this.catalogue.procedure(request.procedureCode)!;
    return { value, unit };
  }
}
