import type { MigrationInterface, QueryRunner } from 'typeorm';
import { cityDepartments, districtDivisions } from './seed/1764150000004-departments-and-divisions';

/** The city departments and each district's processing divisions (see the seed file for the codes). */
export class LoadDepartmentsAndDivisions1764150000004 implements MigrationInterface {
  name = 'LoadDepartmentsAndDivisions1764150000004';

  async up(runner: QueryRunner): Promise<void> {
    const districts = (await runner.query(
      `SELECT a.code, a.name AS "nameWithType", split_part(g.code, '.', 2) AS rank
         FROM administrative_area a JOIN agency g ON g.area_code = a.code AND g.kind = 'people_committee'
        WHERE a.level = 'district' ORDER BY a.code`,
    )) as { code: string; nameWithType: string; rank: string }[];
    const units = [...cityDepartments, ...districtDivisions(districts)];
    await runner.query(
      `INSERT INTO agency (code, name, kind, level, parent_code, area_code, has_desk, valid_from)
       SELECT code, name, kind, level, parent_code, area_code, has_desk, '2018-06-21'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])
           AS u(code, name, kind, level, parent_code, area_code, has_desk)`,
      [
        units.map((u) => u.code),
        units.map((u) => u.name),
        units.map((u) => u.kind),
        units.map((u) => u.level),
        units.map((u) => u.parentCode),
        units.map((u) => u.areaCode),
        units.map((u) => u.hasDesk),
      ],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM agency WHERE code LIKE '%.21.H26' OR code ~ '^000\\.00\\.(0[1-9]|1[01])\\.H26$'`);
  }
}
