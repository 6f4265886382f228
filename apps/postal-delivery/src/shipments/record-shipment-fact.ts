import { Injectable } from '@nestjs/common';
import type { DocumentItem, ShipmentState } from '@motcua/contracts';
import { readEnvironment } from '@motcua/config';
import type { Transaction } from '@motcua/messaging';
import { CarrierEnvironment } from '../carrier/carrier.environment';
import { announcementEvent } from './shipment-announcement';
import { FINAL_STATES, type ShipmentAnnouncement, announcementOf } from './shipment-rules';
import { type ShipmentFact, type ShipmentRecord, ShipmentStore } from './shipment.store';

/** A fact about a shipment as it was read, and the state it moves the shipment to (null: history only). */
export interface Fact extends ShipmentFact {
  /** The state the shipment moves to, as the rules decided; null: the fact changes nothing. */
  readonly moveTo: ShipmentState | null;
  /** The carrier's own time of it, when the carrier said it. */
  readonly carrierTime?: Date | null;
  readonly waybill?: string | null;
  readonly postalFee?: number | null;
  readonly missing?: DocumentItem[];
  readonly receivedBy?: string | null;
  readonly dossierCode?: string | null;
  /** When the reconciler should look at the carrier's tracking, if not the usual silence after this fact. */
  readonly checkAt?: Date;
}

/**
 * The one way a shipment changes, in one statement: the fact is appended to the history, the state moves as the
 * rules decided, and the new state is announced through the outbox with the shipment's next sequences — only if the
 * shipment is still as it was read (its version) and a carrier event is not already there; else nothing is written
 * (`not_recorded`: read again and decide again). Under the caller's lock it always holds; a carrier event is
 * decided on a plain read and written by this one compare-and-set statement, without a transaction. While the
 * shipment is on its way, each fact puts off the reconciler's next look at the carrier's tracking.
 */
@Injectable()
export class RecordShipmentFact {
  private readonly reconcileAfterMs = readEnvironment(CarrierEnvironment).RECONCILE_AFTER_MS;

  constructor(private readonly store: ShipmentStore) {}

  async execute(tx: Transaction, shipment: ShipmentRecord, fact: Fact): Promise<'applied' | 'recorded' | 'not_recorded'> {
    const now = Date.now();
    const checkAt = fact.checkAt ?? new Date(now + this.reconcileAfterMs);
    // the rules and the use cases decide a move (null: none); a repeated failed delivery is a move of its own
    if (fact.moveTo === null) {
      const heard =
        fact.source === 'carrier'
          ? { carrierTime: fact.carrierTime ?? null, nextCheckAt: checkAt, waybill: fact.waybill ?? null, postalFee: fact.postalFee ?? null }
          : null;
      return (await this.store.recordHeard(tx.manager, shipment, { ...fact, applied: false }, heard)) ? 'recorded' : 'not_recorded';
    }
    const state = fact.moveTo;
    const waybill = fact.waybill ?? shipment.waybill;
    const kinds = announcementsOf(shipment, state);
    // the events' sequences follow the one the shipment held when the fact was decided (the write checks it still does)
    const after = { ...shipment, state, waybill, postalFee: fact.postalFee ?? shipment.postalFee, dossierCode: fact.dossierCode ?? shipment.dossierCode };
    for (const [index, { kind, implied }] of kinds.entries()) {
      // a pick-up the carrier's later events imply is the carrier's, at the time of the first of them, complete
      const by = implied ? { actorId: 'carrier', actorName: 'Bưu điện', note: null, missing: [] } : { missing: fact.missing };
      const announced = { ...after, sequence: shipment.sequence + index + 1, state: implied ? ('picked_up' as const) : state };
      await tx.publish(announcementEvent(kind, announced, { ...fact, ...by, at: fact.occurredAt }));
    }
    const recorded = await this.store.recordMove(
      tx.manager,
      shipment,
      { ...fact, state, applied: true },
      {
        state,
        lastCarrierEventAt: fact.carrierTime ?? null,
        waybill: fact.waybill ?? null,
        postalFee: fact.postalFee ?? null,
        missingDocuments: fact.missing ?? null,
        dossierCode: fact.dossierCode ?? null,
        // on its way with a waybill: the reconciler looks if the carrier falls silent; final: never again
        nextCheckAt: FINAL_STATES.has(state) || waybill === null ? null : checkAt,
      },
      kinds.length,
      (await tx.takeEvents()) ?? '[]',
    );
    return recorded ? 'applied' : 'not_recorded';
  }
}

/**
 * What a move announces: its own news, preceded — when the carrier reports a shipment on its way while nobody
 * recorded its pick-up (the desk's hand-over not recorded, the carrier's "picked up" late or lost) — by the pick-up
 * it implies: a result's hand-over (the applicant still gets the waybill, the slip its row) or a dossier's collection.
 */
function announcementsOf(shipment: ShipmentRecord, state: ShipmentState): { kind: Exclude<ShipmentAnnouncement, null>; implied: boolean }[] {
  const kind = announcementOf(shipment.direction, state);
  const skippedPickUp = (shipment.state === 'ordering' || shipment.state === 'created') && IMPLY_PICK_UP.has(state);
  return [
    ...(skippedPickUp ? [{ kind: announcementOf(shipment.direction, 'picked_up') as 'handed_over' | 'collected', implied: true }] : []),
    ...(kind === null ? [] : [{ kind, implied: false }]),
  ];
}

const IMPLY_PICK_UP: ReadonlySet<ShipmentState> = new Set<ShipmentState>(['in_transit', 'delivery_failed', 'delivered', 'returned']);
