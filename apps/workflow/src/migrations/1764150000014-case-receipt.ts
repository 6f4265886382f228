import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Giấy tiếp nhận: what the desk received with a dossier (the applicant's name, the documents), for the officers who
 * process it. A table of its own, written once when the case opens: the case row stays narrow, since every task
 * command rewrites it and the statistics read every case of the year. Cases opened before have no row.
 */
export class CaseReceipt1764150000014 implements MigrationInterface {
  name = 'CaseReceipt1764150000014';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE case_receipt (
        case_id uuid PRIMARY KEY REFERENCES dossier_case (id),
        applicant_name text NOT NULL,
        documents jsonb
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE case_receipt`);
  }
}
