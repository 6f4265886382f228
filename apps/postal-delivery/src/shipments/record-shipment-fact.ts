import { Injectable } from '@nestjs/common';
import type { DocumentItem, ShipmentState } from '@motcua/contracts';
import { readEnvironment } from '@motcua/config';
import type { Transaction } from '@motcua/messaging';
import { CarrierEnvironment } from '../carrier/carrier.environment';
import { announcementEvent } from './shipment-announcement';
import { FINAL_STATES, type ShipmentAnnouncement, announcementOf } from './shipment-rules';
import { type ShipmentFact, type ShipmentRecord, ShipmentStore } from './shipment.store';

/** A fact about a locked shipment, and the state it moves the shipment to (null: history only). */
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
 * The one way a shipment changes, inside the caller's transaction with the shipment locked: the fact is appended to
 * the history (a carrier event already there is not, and changes nothing), the state moves as the rules decided,
 * and the new state is announced through the outbox with the shipment's next sequence. While the shipment is on
 * its way, each fact puts off the reconciler's next look at the carrier's tracking.
 */
@Injectable()
export class RecordShipmentFact {
  private readonly reconcileAfterMs = readEnvironment(CarrierEnvironment).RECONCILE_AFTER_MS;

  constructor(private readonly store: ShipmentStore) {}

  async execute(tx: Transaction, shipment: ShipmentRecord, fact: Fact): Promise<'applied' | 'recorded' | 'duplicate'> {
    // the rules and the use cases decide a move (null: none); a repeated failed delivery is a move of its own
    const applied = fact.moveTo !== null;
    const recorded = await this.store.recordFact(tx.manager, shipment.id, { ...fact, state: fact.moveTo ?? fact.state, applied });
    if (!recorded) return 'duplicate';
    const now = new Date();
    if (!applied) {
      if (fact.source === 'carrier') {
        const nextCheckAt = fact.checkAt ?? new Date(now.getTime() + this.reconcileAfterMs);
        // only the carrier's own clock orders its events: our time of hearing an answer never enters it
        await this.store.noteCarrierHeard(tx.manager, shipment.id, fact.carrierTime ?? null, nextCheckAt, fact.waybill ?? null, fact.postalFee ?? null);
      }
      return 'recorded';
    }
    const state = fact.moveTo as ShipmentState;
    const waybill = fact.waybill ?? shipment.waybill;
    const kinds = announcementsOf(shipment, state);
    const sequence = await this.store.changeState(
      tx.manager,
      shipment.id,
      {
        state,
        at: fact.occurredAt,
        lastCarrierEventAt: fact.carrierTime ?? null,
        waybill: fact.waybill ?? null,
        postalFee: fact.postalFee ?? null,
        missingDocuments: fact.missing ?? null,
        dossierCode: fact.dossierCode ?? null,
        // on its way with a waybill: the reconciler looks if the carrier falls silent; final: never again
        nextCheckAt: FINAL_STATES.has(state) || waybill === null ? null : (fact.checkAt ?? new Date(now.getTime() + this.reconcileAfterMs)),
      },
      kinds.length,
    );
    const after = { ...shipment, state, waybill, postalFee: fact.postalFee ?? shipment.postalFee, dossierCode: fact.dossierCode ?? shipment.dossierCode };
    for (const [index, kind] of kinds.entries()) {
      const announced = { ...after, sequence: sequence - kinds.length + index + 1 };
      // a hand-over the carrier's later events imply is the carrier's, at the time of the first of them
      const by = kind === 'handed_over' && state !== 'picked_up' ? { actorId: 'carrier', actorName: 'Bưu điện', note: null } : {};
      await tx.publish(
        announcementEvent(
          kind,
          { ...announced, state: kind === 'handed_over' ? 'picked_up' : state },
          { ...fact, ...by, at: fact.occurredAt, missing: fact.missing },
        ),
      );
    }
    return 'applied';
  }
}

/**
 * What a move announces: its own news, preceded — for a result that the carrier reports on its way while nobody
 * recorded its hand-over (the desk did not, the carrier's "picked up" is late or lost) — by the hand-over, so the
 * applicant still gets the waybill and the slip its row.
 */
function announcementsOf(shipment: ShipmentRecord, state: ShipmentState): Exclude<ShipmentAnnouncement, null>[] {
  const kind = announcementOf(shipment.direction, state);
  const skippedHandOver = shipment.direction === 'outgoing' && (shipment.state === 'ordering' || shipment.state === 'created') && IMPLY_HAND_OVER.has(state);
  return [...(skippedHandOver ? (['handed_over'] as const) : []), ...(kind === null ? [] : [kind])];
}

const IMPLY_HAND_OVER: ReadonlySet<ShipmentState> = new Set<ShipmentState>(['in_transit', 'delivery_failed', 'delivered', 'returned']);
