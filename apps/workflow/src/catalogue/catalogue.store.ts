import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OfficePeriod } from '@motcua/calendar';
import type { StepDefinition } from '@motcua/catalogue';
import type { CatalogueAgency, CatalogueArea, CatalogueProcedure, CatalogueSnapshot } from '@motcua/contracts';
import { queryPrepared } from '@motcua/persistence';
import { AdministrativeArea, Agency, Officer, type ProcessVersion, Procedure } from './catalogue.entities';

/** What workflow holds in memory of the organisation (`Catalogue`): every area and agency, and the names events carry. */
export interface Organisation {
  areas: AdministrativeArea[];
  agencies: Agency[];
  procedures: Pick<Procedure, 'code' | 'name'>[];
  officers: Pick<Officer, 'id' | 'fullName'>[];
}

/** A procedure's processes as workflow holds them: its versions, newest first, and its deactivation. */
export interface ProcedureProcesses {
  readonly deactivatedAt: Date | null;
  readonly versions: readonly { readonly version: number; readonly publishedAt: Date; readonly steps: StepDefinition[] }[];
}

/** The catalogue as a snapshot event carries it, at one revision (the published schedules aside: they are the calendar's). */
export type CatalogueContents = Pick<CatalogueSnapshot, 'revision' | 'areas' | 'agencies' | 'procedures'>;

/** A procedure as the replicas hold it: with its latest process version. */
const PROCEDURE_STATE = `
  SELECT p.code, p.name, p.field, p.level, p.legal_time_value AS "legalTimeValue", p.legal_time_unit AS "legalTimeUnit",
         p.fee, p.fee_amount_vnd AS "feeAmountVnd", p.fee_paid_at AS "feePaidAt", p.channels, p.active, p.desks, p.documents, p.legal_basis AS "legalBasis", v.version AS "processVersion", v.steps
    FROM procedure p
    JOIN LATERAL (SELECT version, steps FROM process_version WHERE procedure_code = p.code ORDER BY version DESC LIMIT 1) v ON true`;

/** An agency as the replicas hold it: dates as days. */
const AGENCY_STATE = `
  SELECT code, name, kind, level, parent_code AS "parentCode", area_code AS "areaCode", has_desk AS "hasDesk",
         to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo", successor_code AS "successorCode",
         office_hours AS "officeHours", address, phone
    FROM agency`;

/**
 * The catalogue aggregate's statements (areas, agencies, officers, procedures, their process versions and the
 * catalogue's revision): each in the caller's transaction (`manager`), but the organisation's load at start.
 * Administrators' views are in `CatalogueQueries`.
 */
@Injectable()
export class CatalogueStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Read at start, outside any transaction: about a thousand rows, with no lock to take. */
  async organisation(): Promise<Organisation> {
    const [areas, agencies, procedures, officers] = await Promise.all([
      this.dataSource.getRepository(AdministrativeArea).find(),
      this.dataSource.getRepository(Agency).find(),
      this.dataSource.getRepository(Procedure).find({ select: { code: true, name: true } }),
      this.dataSource.getRepository(Officer).find({ select: { id: true, fullName: true } }),
    ]);
    return { areas, agencies, procedures, officers };
  }

  /** The steps of a published process version; undefined when the procedure has no such version. */
  async processVersionSteps(manager: EntityManager, procedureCode: string, version: number): Promise<StepDefinition[] | undefined> {
    const [found] = await queryPrepared<Pick<ProcessVersion, 'steps'>>(
      manager,
      'workflow.process-steps',
      `SELECT steps FROM process_version WHERE procedure_code = $1 AND version = $2`,
      [procedureCode, version],
    );
    return found?.steps;
  }

  /**
   * A procedure's published versions, newest first, and when it was deactivated; null when no procedure has the code.
   * The instants are rounded up to the millisecond (the database keeps microseconds, a `Date` milliseconds): compared
   * with a receipt's instant (whole milliseconds), they decide as `inForceCte` does.
   */
  async processes(manager: EntityManager, procedureCode: string): Promise<ProcedureProcesses | null> {
    const rows = await queryPrepared<{ deactivatedAt: Date | null; version: number | null; publishedAt: Date | null; steps: StepDefinition[] | null }>(
      manager,
      'workflow.processes',
      `SELECT date_trunc('milliseconds', p.deactivated_at + interval '999 microseconds') AS "deactivatedAt", v.version,
              date_trunc('milliseconds', v.published_at + interval '999 microseconds') AS "publishedAt", v.steps
         FROM procedure p LEFT JOIN process_version v ON v.procedure_code = p.code
        WHERE p.code = $1
        ORDER BY v.version DESC`,
      [procedureCode],
    );
    if (rows.length === 0) return null;
    return {
      deactivatedAt: rows[0].deactivatedAt,
      versions: rows.flatMap(({ version, publishedAt, steps }) => (version !== null && publishedAt && steps ? [{ version, publishedAt, steps }] : [])),
    };
  }

  /**
   * The version in force at `at` (`$at`) of the procedure `$procedure`, for a statement that checks the one it was
   * given: the latest published by then of a procedure not deactivated by then (none: no row).
   */
  static inForceCte(procedure: string, at: string): string {
    return `SELECT v.version FROM process_version v JOIN procedure p ON p.code = v.procedure_code
             WHERE v.procedure_code = ${procedure} AND (p.deactivated_at IS NULL OR p.deactivated_at > ${at}) AND v.published_at <= ${at}
             ORDER BY v.version DESC LIMIT 1`;
  }

  /** Locks the procedure's row until commit (its changes queue); undefined when no procedure has the code. */
  async lockProcedure(manager: EntityManager, procedureCode: string): Promise<Pick<Procedure, 'active'> | undefined> {
    const [found] = await queryPrepared<Pick<Procedure, 'active'>>(
      manager,
      'workflow.lock-procedure',
      `SELECT active FROM procedure WHERE code = $1 FOR UPDATE`,
      [procedureCode],
    );
    return found;
  }

  /** Adds the procedure's next process version (numbered after its latest: call it under `lockProcedure`). */
  async addProcessVersion(manager: EntityManager, procedureCode: string, publishedAt: Date, steps: readonly StepDefinition[]): Promise<number> {
    const [{ version }] = await queryPrepared<Pick<ProcessVersion, 'version'>>(
      manager,
      'workflow.add-process-version',
      `INSERT INTO process_version (procedure_code, version, published_at, steps)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM process_version WHERE procedure_code = $1
       RETURNING version`,
      [procedureCode, publishedAt, JSON.stringify(steps)],
    );
    return version;
  }

  /** From now on, no dossier of the procedure is received. */
  async deactivateProcedure(manager: EntityManager, procedureCode: string): Promise<void> {
    await queryPrepared(manager, 'workflow.deactivate-procedure', `UPDATE procedure SET active = false, deactivated_at = now() WHERE code = $1`, [
      procedureCode,
    ]);
  }

  /** Locks the agency's row until commit and reads its office hours; undefined when no agency has the code. */
  async lockAgencyOfficeHours(manager: EntityManager, agencyCode: string): Promise<Pick<Agency, 'officeHours'> | undefined> {
    const [found] = await queryPrepared<Pick<Agency, 'officeHours'>>(
      manager,
      'workflow.lock-agency-office-hours',
      `SELECT office_hours AS "officeHours" FROM agency WHERE code = $1 FOR UPDATE`,
      [agencyCode],
    );
    return found;
  }

  /** Null: the national default hours. */
  async setAgencyOfficeHours(manager: EntityManager, agencyCode: string, officeHours: readonly OfficePeriod[] | null): Promise<void> {
    await queryPrepared(manager, 'workflow.set-agency-office-hours', `UPDATE agency SET office_hours = $2 WHERE code = $1`, [
      agencyCode,
      officeHours && JSON.stringify(officeHours),
    ]);
  }

  /**
   * Raises the catalogue's revision and answers it. The row stays locked until commit, so changes are numbered in
   * the order they commit.
   */
  async nextCatalogueRevision(manager: EntityManager): Promise<number> {
    const [{ revision }] = await queryPrepared<{ revision: number }>(
      manager,
      'workflow.next-catalogue-revision',
      `UPDATE catalogue_revision SET revision = revision + 1 RETURNING revision::int`,
      [],
    );
    return revision;
  }

  /**
   * Marks the current revision as sent in a snapshot; true when it had not been (a migration changed the
   * catalogue). Of replicas of workflow starting together, the first one's transaction answers true.
   */
  async claimSnapshot(manager: EntityManager): Promise<boolean> {
    const behind = await queryPrepared(
      manager,
      'workflow.claim-catalogue-snapshot',
      `UPDATE catalogue_revision SET snapshot_published = revision WHERE snapshot_published < revision RETURNING revision`,
      [],
    );
    return behind.length > 0;
  }

  /**
   * The procedure as it now stands (with its latest process version), read in the transaction that changed it.
   * Were it missing, the event that carries it fails its contract and the change rolls back.
   */
  async procedureState(manager: EntityManager, procedureCode: string): Promise<CatalogueProcedure> {
    const [found] = await queryPrepared<CatalogueProcedure>(manager, 'workflow.procedure-state', `${PROCEDURE_STATE} WHERE p.code = $1`, [procedureCode]);
    return found;
  }

  /** The agency as it now stands, read in the transaction that changed it (as `procedureState`). */
  async agencyState(manager: EntityManager, agencyCode: string): Promise<CatalogueAgency> {
    const [found] = await queryPrepared<CatalogueAgency>(manager, 'workflow.agency-state', `${AGENCY_STATE} WHERE code = $1`, [agencyCode]);
    return found;
  }

  /**
   * The whole catalogue at its current revision, each list by code. The revision is read under a row share lock:
   * catalogue changes wait for this transaction, so what it reads is that revision's.
   */
  async catalogueSnapshot(manager: EntityManager): Promise<CatalogueContents> {
    const [{ revision }] = await queryPrepared<{ revision: number }>(
      manager,
      'workflow.share-catalogue-revision',
      `SELECT revision::int FROM catalogue_revision FOR SHARE`,
      [],
    );
    const areas = await queryPrepared<CatalogueArea>(
      manager,
      'workflow.catalogue-areas',
      `SELECT code, name, level, parent_code AS "parentCode" FROM administrative_area ORDER BY code`,
      [],
    );
    const agencies = await queryPrepared<CatalogueAgency>(manager, 'workflow.catalogue-agencies', `${AGENCY_STATE} ORDER BY code`, []);
    const procedures = await queryPrepared<CatalogueProcedure>(manager, 'workflow.catalogue-procedures', `${PROCEDURE_STATE} ORDER BY p.code`, []);
    return { revision, areas, agencies, procedures };
  }
}
