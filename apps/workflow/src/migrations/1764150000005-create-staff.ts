import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type StaffedAgency, demoStaff } from './seed/1764150000005-demo-staff';

/** Staff: officers (the token subject), their agencies and roles, active or on leave; and the demo staff. */
export class CreateStaff1764150000005 implements MigrationInterface {
  name = 'CreateStaff1764150000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE officer (
        id text PRIMARY KEY,
        full_name text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave'))
      )`);
    await runner.query(`
      CREATE TABLE officer_role (
        officer_id text NOT NULL REFERENCES officer (id),
        agency_code text NOT NULL REFERENCES agency (code),
        role text NOT NULL CHECK (role IN ('receiver', 'head_of_desk', 'leader', 'division_head', 'specialist', 'clerk', 'returner', 'admin')),
        PRIMARY KEY (officer_id, agency_code, role)
      )`);
    // Who may take a task: the officers of an agency in a role.
    await runner.query(`CREATE INDEX officer_role_agency ON officer_role (agency_code, role)`);

    const agencies = (await runner.query(`SELECT code, kind, level, has_desk AS "hasDesk" FROM agency ORDER BY code`)) as StaffedAgency[];
    const staff = demoStaff(agencies);
    await runner.query(`INSERT INTO officer (id, full_name) SELECT * FROM unnest($1::text[], $2::text[])`, [
      staff.map((o) => o.id),
      staff.map((o) => o.fullName),
    ]);
    await runner.query(`INSERT INTO officer_role (officer_id, agency_code, role) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      staff.map((o) => o.id),
      staff.map((o) => o.agencyCode),
      staff.map((o) => o.role),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE officer_role, officer`);
  }
}
