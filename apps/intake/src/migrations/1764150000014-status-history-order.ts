import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The status history is read in the order the facts happened, not by their timestamps: facts of one instant (a
 * pause's appointment change and the resumed step's task) tie, and intake's and workflow's clocks differ. Each
 * row gets its place among workflow's facts (`DossierStatusChange.workflowSequence`). Rows already recorded: a
 * workflow row's own sequence; an intake row follows the workflow facts stamped before it. Each row also names
 * the agency where its fact happened (`agency_code`), so a reader need not find it in the note (rows already
 * recorded keep none).
 */
export class StatusHistoryOrder1764150000014 implements MigrationInterface {
  name = 'StatusHistoryOrder1764150000014';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE dossier_status_change ADD COLUMN workflow_sequence integer, ADD COLUMN agency_code text`);
    await runner.query(`UPDATE dossier_status_change SET workflow_sequence = sequence WHERE source = 'workflow'`);
    await runner.query(
      `UPDATE dossier_status_change c
          SET workflow_sequence = COALESCE((SELECT max(w.sequence) FROM dossier_status_change w
                                             WHERE w.dossier_id = c.dossier_id AND w.source = 'workflow' AND w.occurred_at < c.occurred_at), 0)
        WHERE c.source <> 'workflow'`,
    );
    await runner.query(
      `ALTER TABLE dossier_status_change ALTER COLUMN workflow_sequence SET NOT NULL,
         ADD CONSTRAINT dossier_status_change_workflow_place CHECK (source <> 'workflow' OR workflow_sequence = sequence)`,
    );
    await runner.query(`DROP INDEX dossier_status_change_dossier`);
    await runner.query(`CREATE INDEX dossier_status_change_order ON dossier_status_change (dossier_id, workflow_sequence)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX dossier_status_change_order`);
    await runner.query(`CREATE INDEX dossier_status_change_dossier ON dossier_status_change (dossier_id, occurred_at, id)`);
    await runner.query(`ALTER TABLE dossier_status_change DROP COLUMN workflow_sequence, DROP COLUMN agency_code`);
  }
}
