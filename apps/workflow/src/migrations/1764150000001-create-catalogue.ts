import type { MigrationInterface, QueryRunner } from 'typeorm';
import { agencies, areas, birthRegistration } from './seed/1764150000001-spine-catalogue';

export class CreateCatalogue1764150000001 implements MigrationInterface {
  name = 'CreateCatalogue1764150000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE administrative_area (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL,
        parent_code text REFERENCES administrative_area (code)
      )`);
    await runner.query(`
      CREATE TABLE agency (
        code text PRIMARY KEY CHECK (code ~ '^[0-9A-Z.]{1,35}$'),
        name text NOT NULL,
        kind text NOT NULL,
        level text NOT NULL,
        parent_code text REFERENCES agency (code),
        area_code text NOT NULL REFERENCES administrative_area (code),
        has_desk boolean NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        successor_code text REFERENCES agency (code)
      )`);
    await runner.query(`CREATE INDEX agency_area ON agency (area_code, level, kind)`);
    await runner.query(`
      CREATE TABLE procedure (
        code text PRIMARY KEY,
        name text NOT NULL,
        field text NOT NULL,
        level text NOT NULL,
        legal_time_value integer NOT NULL CHECK (legal_time_value > 0),
        legal_time_unit text NOT NULL,
        fee text,
        channels smallint[] NOT NULL,
        active boolean NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE process_version (
        procedure_code text NOT NULL REFERENCES procedure (code),
        version integer NOT NULL CHECK (version > 0),
        published_at timestamptz NOT NULL,
        steps jsonb NOT NULL,
        PRIMARY KEY (procedure_code, version)
      )`);

    // Parents before children: areas and agencies are listed top-down.
    for (const area of areas) {
      await runner.query(`INSERT INTO administrative_area (code, name, level, parent_code) VALUES ($1, $2, $3, $4)`, [
        area.code,
        area.name,
        area.level,
        area.parentCode,
      ]);
    }
    for (const agency of agencies) {
      await runner.query(
        `INSERT INTO agency (code, name, kind, level, parent_code, area_code, has_desk, valid_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '2018-06-21')`,
        [agency.code, agency.name, agency.kind, agency.level, agency.parentCode, agency.areaCode, agency.hasDesk],
      );
    }
    const p = birthRegistration;
    await runner.query(
      `INSERT INTO procedure (code, name, field, level, legal_time_value, legal_time_unit, fee, channels, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)`,
      [p.code, p.name, p.field, p.level, p.legalTime.value, p.legalTime.unit, p.fee, p.channels],
    );
    await runner.query(`INSERT INTO process_version (procedure_code, version, published_at, steps) VALUES ($1, 1, '2018-06-21T00:00:00+07:00', $2)`, [
      p.code,
      JSON.stringify(p.steps),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE process_version, procedure, agency, administrative_area`);
  }
}
