import { Injectable } from '@nestjs/common';
import type { CaseClosed, SupplementRequested, TaskCreated } from '@motcua/contracts';
import type { SupplementRequest } from './dossier.entity';
import type { Transaction } from '@motcua/messaging';
import { queryPrepared } from '@motcua/persistence';
import { supplementRequestNote, taskNote } from './history-notes';

/**
 * Keeps the public record current from workflow's events. Each event carries workflow's per-dossier sequence,
 * and messages may arrive out of order: every event becomes a row of the status history (once, keyed by its
 * sequence, so the history misses no step; read in that sequence, so it shows the steps in the order they
 * happened whatever order they arrived in), while the current status and step follow only an event newer than
 * the last one applied. Facts that never change once known (the pinned process version) are kept from any event.
 */
@Injectable()
export class ApplyWorkflowProgress {
  async execute(event: TaskCreated | CaseClosed | SupplementRequested, tx: Transaction): Promise<'applied' | 'stale'> {
    const progress = progressOf(event);
    const rows = await queryPrepared<{ newer: boolean }>(
      tx.manager,
      'intake.apply-workflow-progress',
      `WITH previous AS (
         SELECT id, national_status, workflow_sequence < $3 AS newer FROM dossier WHERE code = $1 FOR UPDATE),
       updated AS (
         UPDATE dossier d SET
           national_status = CASE WHEN p.newer THEN $2 ELSE d.national_status END,
           workflow_sequence = GREATEST(d.workflow_sequence, $3),
           current_step = CASE WHEN p.newer THEN $4 ELSE d.current_step END,
           current_agency_code = CASE WHEN p.newer THEN $5 ELSE d.current_agency_code END,
           supplement_request = CASE WHEN p.newer THEN $9::jsonb ELSE d.supplement_request END,
           process_version = COALESCE(d.process_version, $6),
           -- the coordinator's name, as a step's task names them (the id itself follows the coordinator's changes)
           coordinator_name = CASE WHEN $10::text IS NOT NULL AND d.coordinator_id = $11 THEN $10 ELSE d.coordinator_name END
         FROM previous p WHERE d.id = p.id
         RETURNING d.id, p.newer),
       history AS (
         INSERT INTO dossier_status_change (dossier_id, national_status, source, sequence, workflow_sequence, agency_code, note, occurred_at)
         SELECT id, $2, 'workflow', $3, $3, $5, $7, $8 FROM updated
         ON CONFLICT (dossier_id, source, sequence) DO NOTHING)
       SELECT newer FROM updated`,
      [
        event.dossierCode,
        event.nationalStatus,
        event.sequence,
        progress.step,
        progress.agency,
        progress.version,
        progress.note,
        event.occurredAt,
        progress.supplement ? JSON.stringify(progress.supplement) : null,
        'taskId' in event ? (event.coordinatorName ?? null) : null,
        'taskId' in event ? (event.coordinatorId ?? null) : null,
      ],
    );
    // Workflow only hears of dossiers intake committed: an unknown code is a real fault, so let it retry.
    if (rows.length === 0) throw new Error(`dossier ${event.dossierCode} is not known to intake`);
    return rows[0].newer ? 'applied' : 'stale';
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
