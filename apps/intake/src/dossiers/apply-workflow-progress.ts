import { Injectable } from '@nestjs/common';
import type { CaseClosed, SupplementRequested, TaskCreated } from '@motcua/contracts';
import type { SupplementRequest } from './dossier.entity';
import { PerTransaction, type Transaction } from '@motcua/messaging';
import { supplementRequestNote, taskNote } from './history-notes';
import { DossierStore, type WorkflowProgress } from './dossier.store';

/**
 * Keeps the public record current from workflow's events. Each event carries workflow's per-dossier sequence,
 * and messages may arrive out of order: every event becomes a row of the status history (once, keyed by its
 * sequence, so the history misses no step; read in that sequence, so it shows the steps in the order they
 * happened whatever order they arrived in), while the current status and step follow only an event newer than
 * the last one applied. Facts that never change once known (the pinned process version) are kept from any event.
 * A consumer's batch of events is applied by one statement as its transaction commits (`PerTransaction`).
 */
@Injectable()
export class ApplyWorkflowProgress {
  private readonly gathered = new PerTransaction<WorkflowProgress[]>(
    () => [],
    async (tx, facts) => {
      const known = await this.store.applyWorkflowProgress(tx.manager, facts);
      // Workflow only hears of dossiers intake committed: an unknown code is a real fault, so let it retry (the batch
      // rolls back and each of its messages is applied on its own: only this one is retried).
      const unknown = facts.find((fact) => !known.has(fact.dossierCode));
      if (unknown) throw new Error(`dossier ${unknown.dossierCode} is not known to intake`);
    },
  );

  constructor(private readonly store: DossierStore) {}

  execute(event: TaskCreated | CaseClosed | SupplementRequested, tx: Transaction): void {
    const progress = progressOf(event);
    this.gathered.of(tx).push({
      dossierCode: event.dossierCode,
      nationalStatus: event.nationalStatus,
      sequence: event.sequence,
      step: progress.step,
      agencyCode: progress.agency,
      processVersion: progress.version,
      note: progress.note,
      occurredAt: event.occurredAt,
      supplementRequest: progress.supplement,
      coordinatorName: 'taskId' in event ? (event.coordinatorName ?? null) : null,
      coordinatorId: 'taskId' in event ? (event.coordinatorId ?? null) : null,
    });
  }
}

/**
 * What an event says of the record: a new step's task names the step; a supplement request leaves the dossier
 * with the applicant (in the asking agency's sight) and says what is missing; a closed case is at no step.
 */
function progressOf(event: TaskCreated | CaseClosed | SupplementRequested): {
  step: string | null;
  agency: string | null;
  version: number | null;
  note: string | null;
  supplement: SupplementRequest | null;
} {
  if ('taskId' in event) {
    return { step: event.stepName, agency: event.agencyCode, version: event.processVersion, note: taskNote(event), supplement: null };
  }
  if ('missing' in event) {
    const supplement = {
      round: event.round,
      reason: event.reason,
      missing: event.missing.map(({ code, name }) => ({ ...(code ? { code } : {}), name })),
      stepNumber: event.stepNumber,
      agencyCode: event.agencyCode,
      requestedAt: event.occurredAt,
    };
    return { step: null, agency: event.agencyCode, version: null, note: supplementRequestNote(event), supplement };
  }
  return { step: null, agency: null, version: null, note: event.note, supplement: null };
}
