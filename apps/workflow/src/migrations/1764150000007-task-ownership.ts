import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What one task, one owner needs: when a task was taken and by whom it was handed over, its deadline, how it ended,
 * the status the dossier had while it was open; the appointment on the case; on the case, the step that signed the result, how many supplements were
 * asked for, and when and how processing ended. A case waits for the applicant with no open task.
 */
export class TaskOwnership1764150000007 implements MigrationInterface {
  name = 'TaskOwnership1764150000007';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE task
        ADD COLUMN national_status smallint NOT NULL DEFAULT 4,
        ADD COLUMN given_by text,
        ADD COLUMN owned_at timestamptz,
        ADD COLUMN completed_at timestamptz,
        ADD COLUMN completed_by text,
        ADD COLUMN outcome text,
        ADD COLUMN note text,
        ADD COLUMN due_at timestamptz,
        ADD COLUMN due_soon_told_at timestamptz,
        ADD COLUMN overdue_told_at timestamptz,
        ADD CONSTRAINT task_owned CHECK ((owner_id IS NULL) = (owned_at IS NULL)),
        ADD CONSTRAINT task_completed CHECK ((status = 'done') = (completed_at IS NOT NULL))`);
    await runner.query(`
      ALTER TABLE dossier_case
        ADD COLUMN signed_step integer,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN outcome text,
        ADD COLUMN supplement_rounds integer NOT NULL DEFAULT 0,
        ADD COLUMN appointment_at timestamptz,
        ADD COLUMN original_appointment_at timestamptz,
        ADD COLUMN paused_at timestamptz,
        ADD COLUMN extension_count integer NOT NULL DEFAULT 0,
        ADD COLUMN due_soon_told_at timestamptz,
        ADD COLUMN overdue_told_at timestamptz,
        ADD COLUMN channel smallint,
        ADD COLUMN processed_at timestamptz,
        DROP CONSTRAINT dossier_case_status_check,
        ADD CONSTRAINT dossier_case_status_check CHECK (status IN ('in_progress', 'awaiting_supplement', 'closed'))`);
    await runner.query(`CREATE INDEX task_case ON task (case_id, created_at)`);
    // The deadline watch finds what it has not told of yet by deadline, among open tasks and running cases only.
    await runner.query(`CREATE INDEX task_watch ON task (due_at) WHERE status = 'open' AND overdue_told_at IS NULL`);
    // On-time statistics read cases by receiving agency and receipt.
    await runner.query(`CREATE INDEX case_statistics ON dossier_case (receiving_agency_code, received_at)`);
    await runner.query(`CREATE INDEX case_watch ON dossier_case (appointment_at) WHERE status <> 'closed' AND overdue_told_at IS NULL`);
    // Every move of a case's appointment: a clock paused for a supplement, or an extension with an apology.
    await runner.query(`
      CREATE TABLE case_appointment_change (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES dossier_case (id),
        cause text NOT NULL CHECK (cause IN ('supplement_pause', 'extension')),
        previous_appointment_at timestamptz NOT NULL,
        appointment_at timestamptz NOT NULL,
        paused_from timestamptz,
        paused_to timestamptz,
        paused_working_ms bigint,
        reason text,
        actor_id text,
        at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX case_appointment_change_case ON case_appointment_change (case_id, id)`);
    // A case row is rewritten by every command on its tasks, never in an indexed column: room on its page lets
    // PostgreSQL update it in place (HOT) without touching the indexes.
    await runner.query(`ALTER TABLE dossier_case SET (fillfactor = 80)`);
    // The queue and owner indexes carry what the counts filter on, so the counts read the indexes only.
    await runner.query(`DROP INDEX task_agency_queue, task_owner`);
    await runner.query(
      `CREATE INDEX task_agency_queue ON task (agency_code, created_at, id) INCLUDE (procedure_code) WHERE status = 'open' AND owner_id IS NULL`,
    );
    await runner.query(
      `CREATE INDEX task_owner ON task (owner_id, created_at, id) INCLUDE (agency_code, procedure_code) WHERE status = 'open' AND owner_id IS NOT NULL`,
    );
    // An officer's completed work, newest last like every list.
    await runner.query(`CREATE INDEX task_completed_by ON task (completed_by, created_at, id) WHERE status = 'done'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE case_appointment_change`);
    await runner.query(`DROP INDEX task_watch, case_watch, case_statistics`);
    await runner.query(`ALTER TABLE dossier_case RESET (fillfactor)`);
    await runner.query(`DROP INDEX task_case, task_completed_by, task_agency_queue, task_owner`);
    await runner.query(`CREATE INDEX task_agency_queue ON task (agency_code, created_at, id) WHERE status = 'open' AND owner_id IS NULL`);
    await runner.query(`CREATE INDEX task_owner ON task (owner_id, created_at, id) WHERE status = 'open' AND owner_id IS NOT NULL`);
    await runner.query(
      `ALTER TABLE dossier_case DROP COLUMN signed_step, DROP COLUMN closed_at, DROP COLUMN outcome, DROP COLUMN supplement_rounds, DROP COLUMN appointment_at, DROP COLUMN original_appointment_at, DROP COLUMN paused_at, DROP COLUMN extension_count, DROP COLUMN due_soon_told_at, DROP COLUMN overdue_told_at, DROP COLUMN channel, DROP COLUMN processed_at,
         DROP CONSTRAINT dossier_case_status_check, ADD CONSTRAINT dossier_case_status_check CHECK (status IN ('in_progress', 'closed'))`,
    );
    await runner.query(
      `ALTER TABLE task DROP CONSTRAINT task_owned, DROP CONSTRAINT task_completed, DROP COLUMN national_status, DROP COLUMN given_by,
         DROP COLUMN owned_at, DROP COLUMN completed_at, DROP COLUMN completed_by, DROP COLUMN outcome, DROP COLUMN note, DROP COLUMN due_at, DROP COLUMN due_soon_told_at, DROP COLUMN overdue_told_at`,
    );
  }
}
