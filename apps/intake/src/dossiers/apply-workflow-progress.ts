import { Injectable } from '@nestjs/common';
import type { CaseOpened, TaskCreated } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';

/**
 * Keeps the public record current from workflow's events. Each event carries workflow's per-dossier sequence:
 * one older than what was applied is ignored (messages may arrive out of order), and the status history gains
 * a row only when the national status actually changes.
 */
@Injectable()
export class ApplyWorkflowProgress {
  async execute(progress: CaseOpened | TaskCreated, tx: Transaction): Promise<'applied' | 'stale'> {
    const step = 'stepName' in progress ? { name: progress.stepName, agencyCode: progress.agencyCode } : null;
    const processVersion = 'processVersion' in progress ? progress.processVersion : null;
    const rows = (await tx.manager.query(
      `WITH previous AS (SELECT id, national_status FROM dossier WHERE code = $1 FOR UPDATE),
       updated AS (UPDATE dossier d SET
         national_status = $2,
         workflow_sequence = $3,
         current_step = COALESCE($4, d.current_step),
         current_agency_code = COALESCE($5, d.current_agency_code),
         process_version = COALESCE($6, d.process_version)
       FROM previous WHERE d.id = previous.id AND d.workflow_sequence < $3
       RETURNING d.id, previous.national_status AS previous_status)
       SELECT id, previous_status FROM updated`,
      [progress.dossierCode, progress.nationalStatus, progress.sequence, step?.name ?? null, step?.agencyCode ?? null, processVersion],
    )) as { id: string; previous_status: number }[];
    if (rows.length === 0) {
      const known = (await tx.manager.query(`SELECT 1 FROM dossier WHERE code = $1`, [progress.dossierCode])) as unknown[];
      // Workflow only hears of dossiers intake committed: an unknown code is a real fault, so let it retry.
      if (known.length === 0) throw new Error(`dossier ${progress.dossierCode} is not known to intake`);
      return 'stale';
    }
    const [{ id, previous_status }] = rows;
    if (previous_status !== progress.nationalStatus) {
      await tx.manager.query(
        `INSERT INTO dossier_status_change (dossier_id, national_status, source, note, occurred_at)
         VALUES ($1, $2, 'workflow', $3, $4)`,
        [id, progress.nationalStatus, step ? `${step.name} (${step.agencyCode})` : null, progress.occurredAt],
      );
    }
    return 'applied';
  }
}
