import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeKeyCursor, encodeKeyCursor, queryPrepared } from '@motcua/persistence';
import { toVietnamIso } from '@motcua/calendar';
import { AdministrativeArea, Agency, ProcessVersion, Procedure } from './catalogue.entities';
import type { AgencyDetail, AgencyPage, AreaView, OfficerView, ProcedureDetail, ProcedureView } from './catalogue.view';

export interface AgencyFilter {
  level?: string;
  kind?: string;
  area?: string;
  parent?: string;
  limit: number;
  cursor?: string;
}

/** Reads of the catalogue for administrators (lists page by the natural key, the code). */
@Injectable()
export class CatalogueQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async area(code: string): Promise<AreaView | null> {
    const areas = this.dataSource.getRepository(AdministrativeArea);
    const area = await areas.findOneBy({ code });
    if (!area) return null;
    const children = await areas.find({ where: { parentCode: code }, order: { code: 'ASC' } });
    return { ...area, children: children.map(({ code: c, name, level }) => ({ code: c, name, level })) };
  }

  async agencies(filter: AgencyFilter): Promise<AgencyPage> {
    const query = this.dataSource
      .getRepository(Agency)
      .createQueryBuilder('a')
      .orderBy('a.code', 'ASC')
      .limit(filter.limit + 1);
    if (filter.level) query.andWhere('a.level = :level', { level: filter.level });
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.area) query.andWhere('a.area_code = :area', { area: filter.area });
    if (filter.parent) query.andWhere('a.parent_code = :parent', { parent: filter.parent });
    if (filter.cursor) query.andWhere('a.code > :after', { after: decodeKeyCursor(filter.cursor) });
    const rows = await query.getMany();
    const items = rows.slice(0, filter.limit);
    return { items, nextCursor: rows.length > filter.limit ? encodeKeyCursor(items[items.length - 1].code) : null };
  }

  async agency(code: string): Promise<AgencyDetail | null> {
    const agency = await this.dataSource.getRepository(Agency).findOneBy({ code });
    if (!agency) return null;
    const staff = await queryPrepared<AgencyDetail['staff'][number]>(
      this.dataSource.manager,
      'workflow.agency-staff',
      `SELECT o.id, o.full_name AS "fullName", o.status, array_agg(r.role ORDER BY r.role) AS roles
           FROM officer o JOIN officer_role r ON r.officer_id = o.id
          WHERE r.agency_code = $1 GROUP BY o.id ORDER BY o.id`,
      [code],
    );
    return { ...agency, staff };
  }

  /** An officer with every role they hold, at every agency. */
  async officer(id: string): Promise<OfficerView | null> {
    const [officer] = await queryPrepared<OfficerView>(
      this.dataSource.manager,
      'workflow.officer-view',
      `SELECT o.id, o.full_name AS "fullName", o.status,
                COALESCE(jsonb_agg(jsonb_build_object('agencyCode', r.agency_code, 'agencyName', a.name, 'role', r.role)
                                   ORDER BY r.agency_code, r.role) FILTER (WHERE r.role IS NOT NULL), '[]') AS roles
           FROM officer o LEFT JOIN officer_role r ON r.officer_id = o.id LEFT JOIN agency a ON a.code = r.agency_code
          WHERE o.id = $1 GROUP BY o.id`,
      [id],
    );
    return officer ?? null;
  }

  async procedures(): Promise<ProcedureView[]> {
    return this.dataSource.getRepository(Procedure).find({ order: { code: 'ASC' } });
  }

  async procedure(code: string): Promise<ProcedureDetail | null> {
    const procedure = await this.dataSource.getRepository(Procedure).findOneBy({ code });
    if (!procedure) return null;
    const versions = await this.dataSource.getRepository(ProcessVersion).find({ where: { procedureCode: code }, order: { version: 'ASC' } });
    return { ...procedure, versions: versions.map((v) => ({ version: v.version, publishedAt: toVietnamIso(v.publishedAt), steps: v.steps })) };
  }
}
