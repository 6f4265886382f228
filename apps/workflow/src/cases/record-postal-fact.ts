import { Injectable, Logger } from '@nestjs/common';
import { CaseClosed, type ShipmentEvent, event } from '@motcua/contracts';
import { type Transaction, UnprocessableMessageError } from '@motcua/messaging';
import { Catalogue } from '../catalogue/catalogue';
import { TaskStore } from '../tasks/task.store';
import { CaseStore } from './case.store';
import { POSTAL_ACTOR_ID, POSTAL_ACTOR_NAME, type PostalFactKind, decidePostalFact, deliveredNote } from './postal-fact';

/** A postal event as this use case takes it: the shipment's update and what its kind adds. */
export interface PostalFact extends Pick<ShipmentEvent, 'shipmentId' | 'direction' | 'dossierCode' | 'waybill' | 'agencyCode' | 'sequence' | 'occurredAt'> {
  readonly kind: PostalFactKind;
  readonly actorId?: string | null;
  readonly actorName?: string | null;
  readonly receivedBy?: string | null;
  readonly reason?: string | null;
}

/**
 * Use case: the post reports what became of a case's result sent to the applicant. Each report becomes a row of
 * the process-control slip (once per shipment update, in whatever order they arrive: the slip orders them by the
 * carrier's time); a delivery ends processing as returned (10), the returner's open step ended by the post, and
 * tells of it with `workflow.case.closed` at the carrier's delivery time.
 */
@Injectable()
export class RecordPostalFact {
  private readonly logger = new Logger(RecordPostalFact.name);

  constructor(
    private readonly cases: CaseStore,
    private readonly tasks: TaskStore,
    private readonly catalogue: Catalogue,
  ) {}

  async execute(fact: PostalFact, tx: Transaction): Promise<void> {
    // a pick-up is the applicant's dossier on its way to the desk: intake receives it, no case has it yet
    if (fact.direction !== 'outgoing') return;
    if (!fact.dossierCode) throw new UnprocessableMessageError('CASE.SHIPMENT_WITHOUT_DOSSIER', `outgoing shipment ${fact.shipmentId} names no dossier`);
    // the order every command on a case takes: its open task, then the case
    const openTask = await this.tasks.lockOpenTaskOf(tx, fact.dossierCode);
    const kase = await this.cases.lock(tx, fact.dossierCode);
    // the post only sends results workflow signed: an unknown code is a real fault, so let it retry (then park)
    if (!kase) throw new Error(`dossier ${fact.dossierCode} has no case in workflow`);
    const at = new Date(fact.occurredAt);
    const recorded = await this.cases.recordPostalFact(tx, kase.caseId, {
      shipmentId: fact.shipmentId,
      sequence: fact.sequence,
      kind: fact.kind,
      waybill: fact.waybill ?? null,
      agencyCode: fact.agencyCode,
      actorId: fact.actorId ?? null,
      actorName: fact.actorName ?? null,
      receivedBy: fact.receivedBy ?? null,
      reason: fact.reason ?? null,
      at,
    });
    if (!recorded) return; // the same update under another message id: done the first time
    const decision = decidePostalFact(fact, kase);
    if (decision.effect === 'record' && decision.why === 'result_not_signed') {
      this.logger.warn(`dossier ${fact.dossierCode}: the post delivered shipment ${fact.shipmentId} but the case has no signed result; left as it is`);
    }
    if (decision.effect !== 'close') return;
    const sequence = kase.eventSequence + 1;
    const note = deliveredNote(fact.waybill ?? null);
    await this.tasks.endDeliveredByPost(tx, kase.caseId, { actorId: POSTAL_ACTOR_ID, at, note });
    await this.cases.closeReturnedByPost(tx, kase.caseId, at, sequence);
    await tx.publish(
      event(CaseClosed, {
        dossierCode: kase.dossierCode,
        nationalStatus: decision.nationalStatus,
        sequence,
        occurredAt: at.toISOString(),
        caseId: kase.caseId,
        outcome: decision.outcome,
        actorId: POSTAL_ACTOR_ID,
        note,
        coordinatorId: kase.coordinatorId,
        // the returner's step ends without them: they are told
        endedTask: openTask
          ? { ...openTask, agencyName: this.catalogue.agencyName(openTask.agencyCode), ownerName: this.catalogue.officerName(openTask.ownerId) }
          : null,
        actorName: POSTAL_ACTOR_NAME,
        coordinatorName: this.catalogue.officerName(kase.coordinatorId),
      }),
    );
  }
}
