import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, isId, newId, runIdempotent } from '@motcua/persistence';
import { RecordShipmentFact } from './record-shipment-fact';
import { refuseCancel, shipmentNotFound } from './shipment-rules';
import { type ShipmentRecord, ShipmentStore } from './shipment.store';
import { ShipmentQueries } from './shipment.queries';
import type { ShipmentView } from './shipment.view';

/** Who may cancel: an officer of the desk; for a pick-up, also the applicant who asked for it. */
export function mayCancel(shipment: Pick<ShipmentRecord, 'agencyCode' | 'direction' | 'requestedBy'>, caller: Principal): boolean {
  if (caller.kind === 'officer') return caller.agencies.includes(shipment.agencyCode);
  return caller.kind === 'citizen' && shipment.direction === 'incoming' && shipment.requestedBy === caller.subject;
}

/**
 * Use case: a shipment is cancelled before the postman has it. Ours at once (nothing the carrier says moves it
 * again), announced through the outbox, and the carrier's order cancelled by a queued call (after its waybill, if
 * the order is still being placed).
 */
@Injectable()
export class CancelShipment {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ShipmentStore,
    private readonly recordFact: RecordShipmentFact,
    private readonly queries: ShipmentQueries,
  ) {}

  execute(
    id: string,
    caller: Principal,
    reason: string | undefined,
    idempotency?: IdempotentRequest,
  ): Promise<CommandResponse<ShipmentView> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async (): Promise<CommandResponse<ShipmentView>> => {
        const shipment = isId(id) ? await this.store.lock(tx.manager, id) : undefined;
        if (!shipment || !mayCancel(shipment, caller)) throw shipmentNotFound(id);
        const refusal = refuseCancel(shipment);
        if (refusal) throw refusal;
        const at = new Date();
        await this.recordFact.execute(tx, shipment, {
          source: caller.kind === 'citizen' ? 'applicant' : 'desk',
          state: 'cancelled',
          moveTo: 'cancelled',
          applied: true,
          occurredAt: at,
          actorId: caller.subject,
          note: reason?.trim() || 'Hủy đơn gửi bưu điện trước khi bưu điện nhận',
        });
        await this.store.requestCancel(tx.manager, shipment.id, newId(), at);
        return { status: 200, body: await this.queries.detail(tx.manager, shipment.id) };
      }),
    );
  }
}
