import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Transaction } from '@motcua/messaging';
import { queryPrepared } from '@motcua/persistence';
import type { RoleAtAgency } from './oversight';

/** An officer as the staff record holds them: at work or on leave, and the agencies they have a role at. */
export interface OfficerRecord {
  readonly id: string;
  readonly status: 'active' | 'on_leave';
  readonly agencies: string[];
}

/**
 * The staff record's tables (`officer`, `officer_role`): who works where, with which roles, and who is on leave.
 * Each statement is a named prepared one (docs/adr/010-data-access.md).
 */
@Injectable()
export class StaffStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async officer(tx: Transaction, officerId: string): Promise<OfficerRecord | undefined> {
    const [officer] = await queryPrepared<OfficerRecord>(
      tx.manager,
      'workflow.officer',
      `SELECT o.id, o.status, COALESCE(array_agg(r.agency_code) FILTER (WHERE r.agency_code IS NOT NULL), '{}') AS agencies
         FROM officer o LEFT JOIN officer_role r ON r.officer_id = o.id WHERE o.id = $1 GROUP BY o.id`,
      [officerId],
    );
    return officer;
  }

  /** The officer goes on leave or comes back; their row stays locked until the transaction ends. */
  async setStatus(tx: Transaction, officerId: string, status: OfficerRecord['status']): Promise<void> {
    await queryPrepared(tx.manager, 'workflow.set-officer-status', `UPDATE officer SET status = $2 WHERE id = $1`, [officerId, status]);
  }

  /** The roles at the agency of those of `officerIds` who are at work. */
  async activeRolesAt(tx: Transaction, agencyCode: string, officerIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await queryPrepared<{ id: string; roles: string[] }>(
      tx.manager,
      'workflow.active-roles-at',
      `SELECT o.id, array_agg(r.role) AS roles FROM officer o JOIN officer_role r ON r.officer_id = o.id AND r.agency_code = $1
        WHERE o.id = ANY($2) AND o.status = 'active' GROUP BY o.id`,
      [agencyCode, officerIds],
    );
    return new Map(rows.map((r) => [r.id, r.roles]));
  }

  /** The officer's roles at each of `agencies` where they have one, and whether they are at work: as the record is now. */
  rolesIn(officerId: string, agencies: readonly string[]): Promise<RoleAtAgency[]> {
    return queryPrepared<RoleAtAgency>(
      this.dataSource.manager,
      'workflow.officer-roles-in',
      `SELECT r.agency_code AS "agencyCode", r.role, o.status = 'active' AS active
         FROM officer_role r JOIN officer o ON o.id = r.officer_id
        WHERE r.officer_id = $1 AND r.agency_code = ANY($2)`,
      [officerId, agencies],
    );
  }
}
