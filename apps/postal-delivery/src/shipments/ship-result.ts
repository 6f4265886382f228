import { Injectable, Logger } from '@nestjs/common';
import type { CoordinatorChanged, DossierAccepted, TaskCompleted } from '@motcua/contracts';
import { CatalogueReplica } from '@motcua/catalogue-replica';
import { readEnvironment } from '@motcua/config';
import type { Transaction } from '@motcua/messaging';
import { newId } from '@motcua/persistence';
import { CarrierEnvironment } from '../carrier/carrier.environment';
import { needsResultDelivery } from './result-delivery';
import { ShipmentParties } from './shipment-parties';
import { cashOnDelivery } from './shipment-rules';
import { ShipmentStore } from './shipment.store';

/**
 * Use cases of a result going back by post: at receipt, where it goes (the applicant's registered address); at its
 * signing, the shipment and its carrier order — once per dossier, however often either is heard.
 */
@Injectable()
export class ShipResult {
  private readonly logger = new Logger(ShipResult.name);
  private readonly env = readEnvironment(CarrierEnvironment);

  constructor(
    private readonly store: ShipmentStore,
    private readonly parties: ShipmentParties,
    private readonly catalogue: CatalogueReplica,
  ) {}

  /** A dossier was accepted: if its result goes by post, note where (intake required and checked the address). */
  async plan(accepted: DossierAccepted, tx: Transaction): Promise<void> {
    if (!needsResultDelivery(accepted.returnMethod)) return;
    if (!accepted.deliveryAddress) {
      // accepted before intake asked for the address: the desk returns it in person
      this.logger.warn({ dossierCode: accepted.dossierCode }, 'a result to go by post without a delivery address: it waits at the desk');
      return;
    }
    await this.store.planResultDelivery(tx.manager, {
      dossierCode: accepted.dossierCode,
      agencyCode: accepted.receivingAgencyCode,
      procedureCode: accepted.procedureCode,
      procedureName: accepted.procedureName ?? null,
      coordinatorId: accepted.coordinatorId,
      address: accepted.deliveryAddress,
      acceptedAt: new Date(accepted.receivedAt),
    });
  }

  /** The head of the desk gave the dossier another coordinator: they follow its shipments from now on. */
  async coordinatorChanged(changed: CoordinatorChanged, tx: Transaction): Promise<void> {
    await this.store.changeCoordinator(tx.manager, changed.dossierCode, changed.coordinatorId, changed.sequence);
  }

  /**
   * The result was signed (status 9): a dossier whose result goes by post gets its shipment — from the receiving
   * desk to the registered address, the fee paid at return collected on delivery — and its order is queued for the
   * carrier in the same transaction. Heard again (or signed again after a send-back), nothing more.
   */
  async ship(completed: TaskCompleted, tx: Transaction): Promise<void> {
    if (completed.action !== 'sign') return;
    const plan = await this.store.resultDelivery(tx.manager, completed.dossierCode);
    if (!plan) return;
    const sender = this.parties.desk(plan.agencyCode);
    const receiver = this.parties.applicant(plan.address);
    // the catalogue not (yet) holding the desk or the ward is a fault to retry, not a reason to lose the shipment
    if (!sender) throw new Error(`desk ${plan.agencyCode} of dossier ${plan.dossierCode} is not in the catalogue replica`);
    if (!receiver) throw new Error(`ward ${plan.address.wardCode} of dossier ${plan.dossierCode} is not in the catalogue replica`);
    const procedure = this.catalogue.procedure(plan.procedureCode);
    await this.store.create(
      tx.manager,
      {
        id: newId(),
        direction: 'outgoing',
        orderNumber: plan.dossierCode,
        dossierCode: plan.dossierCode,
        agencyCode: plan.agencyCode,
        procedureCode: plan.procedureCode,
        coordinatorId: plan.coordinatorId,
        sender,
        receiver,
        documents: [],
        codAmount: cashOnDelivery(procedure ?? {}),
        weightGrams: this.env.POSTAL_RESULT_WEIGHT_GRAMS,
        service: this.env.CARRIER_SERVICE,
        windowStart: null,
        windowEnd: null,
        requestedBy: null,
      },
      newId(),
      new Date(completed.occurredAt),
    );
  }
}
