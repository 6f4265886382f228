import { Injectable } from '@nestjs/common';
import { type Principal, Role, hasRole } from '@motcua/auth';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { readEnvironment } from '@motcua/config';
import { PickupRequested, SubmissionChannel, event } from '@motcua/contracts';
import { toVietnamIso } from '@motcua/calendar';
import { Refusal } from '@motcua/errors';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, newId, runIdempotent } from '@motcua/persistence';
import { CarrierEnvironment } from '../carrier/carrier.environment';
import { ShipmentParties } from '../shipments/shipment-parties';
import { pickupOrderNumber, refusePickupWindow } from '../shipments/shipment-rules';
import { ShipmentStore } from '../shipments/shipment.store';
import { ShipmentQueries } from '../shipments/shipment.queries';
import type { ShipmentView } from '../shipments/shipment.view';
import type { RequestPickupRequest } from './request-pickup.request';

/**
 * Use case: the post is asked to collect a dossier at the applicant's address (Decision 45/2016), by the applicant
 * (citizen token) or by the desk for them. The postman checks the papers against the procedure's documents (the
 * checklist goes on the order) and brings them to the desk, which receives them in intake as channel 3.
 */
@Injectable()
export class RequestPickup {
  private readonly env = readEnvironment(CarrierEnvironment);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ShipmentStore,
    private readonly parties: ShipmentParties,
    private readonly catalogue: CatalogueReplica,
    private readonly queries: ShipmentQueries,
  ) {}

  execute(request: RequestPickupRequest, caller: Principal, idempotency?: IdempotentRequest): Promise<CommandResponse<ShipmentView> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async (): Promise<CommandResponse<ShipmentView>> => {
        if (caller.kind === 'officer' && !(caller.agencies.includes(request.agencyCode) && hasRole(caller, Role.Receiver, Role.HeadOfDesk))) {
          throw new Refusal('PICKUP.DESK_NOT_YOURS', 'an officer books a collection for the desk they receive dossiers at');
        }
        if (caller.kind !== 'officer' && caller.kind !== 'citizen') throw new Refusal('AUTH.FORBIDDEN', 'an applicant or a desk officer books a collection');
        const procedure = this.catalogue.procedure(request.procedureCode);
        if (!procedure || !procedure.active)
          throw Refusal.ofField('PICKUP.PROCEDURE_UNKNOWN', 'procedureCode', `${request.procedureCode} is not in the catalogue`);
        if (!procedure.channels.includes(SubmissionChannel.Post)) {
          throw Refusal.ofField('PICKUP.CHANNEL_NOT_ALLOWED', 'procedureCode', `${request.procedureCode} is not received by post`);
        }
        const desk = this.catalogue.agency(request.agencyCode);
        const receiver = desk?.hasDesk ? this.parties.desk(request.agencyCode) : null;
        if (!receiver) throw Refusal.ofField('PICKUP.DESK_UNKNOWN', 'agencyCode', `${request.agencyCode} is not a one-stop desk in the catalogue`);
        const sender = this.parties.applicant(request.address);
        if (!sender) throw Refusal.ofField('PICKUP.WARD_UNKNOWN', 'address.wardCode', `${request.address.wardCode} is not a ward in the catalogue`);
        const windowStart = new Date(request.windowStart);
        const windowEnd = new Date(request.windowEnd);
        const refusal = refusePickupWindow(windowStart, windowEnd, new Date());
        if (refusal) throw refusal;

        const id = newId();
        const at = new Date();
        const documents = procedure.documents.filter((d) => d.required).map((d) => ({ code: d.code, name: d.name }));
        await this.store.create(
          tx.manager,
          {
            id,
            direction: 'incoming',
            orderNumber: pickupOrderNumber(id),
            dossierCode: null,
            agencyCode: request.agencyCode,
            procedureCode: request.procedureCode,
            coordinatorId: null,
            sender,
            receiver,
            documents,
            codAmount: 0,
            weightGrams: this.env.POSTAL_DOSSIER_WEIGHT_GRAMS,
            service: this.env.CARRIER_SERVICE,
            windowStart,
            windowEnd,
            requestedBy: caller.subject,
          },
          newId(),
          at,
          caller.kind === 'citizen' ? 'applicant' : 'desk',
        );
        await tx.publish(
          event(PickupRequested, {
            shipmentId: id,
            direction: 'incoming',
            dossierCode: null,
            waybill: null,
            agencyCode: request.agencyCode,
            state: 'ordering',
            sequence: 1,
            occurredAt: toVietnamIso(at),
            procedureCode: request.procedureCode,
            windowStart: toVietnamIso(windowStart),
            windowEnd: toVietnamIso(windowEnd),
          }),
        );
        await this.store.countAnnouncement(tx.manager, id);
        return { status: 201, body: await this.queries.detail(tx.manager, id) };
      }),
    );
  }
}
