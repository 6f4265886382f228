import { Injectable } from '@nestjs/common';
import type { DocumentItem, ShipmentState } from '@motcua/contracts';
import { readEnvironment } from '@motcua/config';
import type { Transaction } from '@motcua/messaging';
import { CarrierEnvironment } from '../carrier/carrier.environment';
import { announcementEvent } from './shipment-announcement';
import { FINAL_STATES, announcementOf } from './shipment-rules';
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
    const applied = fact.moveTo !== null && fact.moveTo !== shipment.state;
    const recorded = await this.store.recordFact(tx.manager, shipment.id, { ...fact, state: fact.moveTo ?? fact.state, applied });
    if (!recorded) return 'duplicate';
    const now = new Date();
    if (!applied) {
      if (fact.source === 'carrier') {
        const nextCheckAt = new Date(now.getTime() + this.reconcileAfterMs);
        await this.store.noteCarrierHeard(
          tx.manager,
          shipment.id,
          fact.carrierTime ?? fact.occurredAt,
          nextCheckAt,
          fact.waybill ?? null,
          fact.postalFee ?? null,
        );
      }
      return 'recorded';
    }
    const state = fact.moveTo as ShipmentState;
    const kind = announcementOf(shipment.direction, state);
    const waybill = fact.waybill ?? shipment.waybill;
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
        nextCheckAt: FINAL_STATES.has(state) || waybill === null ? null : new Date(now.getTime() + this.reconcileAfterMs),
      },
      kind !== null,
    );
    if (kind !== null) {
      const now = {
        ...shipment,
        state,
        sequence,
        waybill,
        postalFee: fact.postalFee ?? shipment.postalFee,
        dossierCode: fact.dossierCode ?? shipment.dossierCode,
      };
      await tx.publish(announcementEvent(kind, now, { ...fact, at: fact.occurredAt, missing: fact.missing }));
    }
    return 'applied';
  }
}
