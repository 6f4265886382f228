import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What notification keeps of a dossier to reach its applicant later: workflow's events name the dossier, not the
 * applicant, so the contact given at the desk, the return method, the coordinator and the appointment are kept from
 * `intake.dossier.accepted` on, and kept current from workflow's events (each field with the sequence that last
 * moved it, so an older event arriving late changes nothing).
 */
export class ApplicantContact1764150000013 implements MigrationInterface {
  name = 'ApplicantContact1764150000013';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE applicant_contact (
        dossier_code text PRIMARY KEY,
        receiving_agency_code text NOT NULL,
        receiving_agency_name text,
        procedure_code text NOT NULL,
        procedure_name text,
        applicant_name text NOT NULL,
        email text,
        phone text,
        return_method text NOT NULL CHECK (return_method IN ('desk', 'post', 'electronic')),
        coordinator_id text NOT NULL,
        coordinator_name text,
        coordinator_sequence int NOT NULL DEFAULT 0,
        appointment_at timestamptz(3),
        original_appointment_at timestamptz(3),
        appointment_sequence int NOT NULL DEFAULT 0,
        -- an apology with a new appointment was given: the applicant already heard the dossier is late
        extended boolean NOT NULL DEFAULT false,
        -- the applicant was told the result (once per dossier, whatever re-signing happens after a send-back)
        result_told_at timestamptz(3),
        received_at timestamptz(3) NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE applicant_contact`);
  }
}
