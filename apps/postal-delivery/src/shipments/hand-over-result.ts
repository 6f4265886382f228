import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, isId, runIdempotent } from '@motcua/persistence';
import { RecordShipmentFact } from './record-shipment-fact';
import { refuseHandover, shipmentNotFound } from './shipment-rules';
import { ShipmentStore } from './shipment.store';
import { ShipmentQueries } from './shipment.queries';
import type { ShipmentView } from './shipment.view';

/**
 * Use case: the desk's returner hands the sealed result to the postman (Decision 45/2016: both sign the dispatch
 * slip). A row of the shipment's history and, through the outbox, of the dossier's control slip.
 */
@Injectable()
export class HandOverResult {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ShipmentStore,
    private readonly recordFact: RecordShipmentFact,
    private readonly queries: ShipmentQueries,
  ) {}

  execute(
    id: string,
    caller: Principal,
    note: string | undefined,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<ShipmentView> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async (): Promise<CommandResponse<ShipmentView>> => {
        const shipment = isId(id) ? await this.store.lock(tx.manager, id) : undefined;
        if (!shipment || caller.kind !== 'officer' || !caller.agencies.includes(shipment.agencyCode)) throw shipmentNotFound(id);
        const refusal = refuseHandover(shipment, caller);
        if (refusal) throw refusal;
        await this.recordFact.execute(tx, shipment, {
          source: 'desk',
          state: 'picked_up',
          moveTo: 'picked_up',
          applied: true,
          occurredAt: new Date(),
          actorId: caller.subject,
          note: note?.trim() || `Bàn giao kết quả cho bưu điện, vận đơn ${shipment.waybill ?? ''}`.trim(),
        });
        return { status: 200, body: await this.queries.detail(tx.manager, shipment.id) };
      }),
    );
  }
}
