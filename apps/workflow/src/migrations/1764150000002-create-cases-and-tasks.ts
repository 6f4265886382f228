import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCasesAndTasks1764150000002 implements MigrationInterface {
  name = 'CreateCasesAndTasks1764150000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE dossier_case (
        id uuid PRIMARY KEY,
        dossier_code text NOT NULL UNIQUE,
        procedure_code text NOT NULL,
        process_version integer NOT NULL,
        receiving_agency_code text NOT NULL,
        applicant_area_code text NOT NULL,
        coordinator_id text NOT NULL,
        current_step integer NOT NULL,
        status text NOT NULL CHECK (status IN ('in_progress', 'closed')),
        event_sequence integer NOT NULL,
        received_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL,
        version integer NOT NULL,
        FOREIGN KEY (procedure_code, process_version) REFERENCES process_version (procedure_code, version)
      )`);
    await runner.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES dossier_case (id),
        dossier_code text NOT NULL,
        procedure_code text NOT NULL,
        step_number integer NOT NULL,
        step_name text NOT NULL,
        agency_code text NOT NULL REFERENCES agency (code),
        role text NOT NULL,
        owner_id text,
        status text NOT NULL CHECK (status IN ('open', 'done')),
        created_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    // Một việc – một đầu mối: the database itself refuses a second open task for a case.
    await runner.query(`CREATE UNIQUE INDEX task_one_open_per_case ON task (case_id) WHERE status = 'open'`);
    // The agency queue: open tasks nobody owns yet, oldest first.
    await runner.query(`CREATE INDEX task_agency_queue ON task (agency_code, created_at, id) WHERE status = 'open' AND owner_id IS NULL`);
    await runner.query(`CREATE INDEX task_owner ON task (owner_id, created_at, id) WHERE status = 'open' AND owner_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE task_event (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES task (id),
        case_id uuid NOT NULL REFERENCES dossier_case (id),
        kind text NOT NULL,
        actor_id text,
        at timestamptz NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await runner.query(`CREATE INDEX task_event_case ON task_event (case_id, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE task_event, task, dossier_case`);
  }
}
