import { Controller, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import {
  type CatalogueAgency,
  CatalogueAgencyChanged,
  type CatalogueArea,
  type CatalogueProcedure,
  CatalogueProcedureChanged,
  CatalogueResyncRequested,
  CatalogueSchedulePublished,
  CatalogueSnapshot,
  event,
} from '@motcua/contracts';
import { type AmqpContext, type Transaction, UnitOfWork } from '@motcua/messaging';

const PROCEDURE_STATE = `
  SELECT p.code, p.name, p.field, p.level, p.legal_time_value AS "legalTimeValue", p.legal_time_unit AS "legalTimeUnit",
         p.fee, p.channels, p.active, p.desks, p.documents, p.legal_basis AS "legalBasis", v.version AS "processVersion", v.steps
    FROM procedure p
    JOIN LATERAL (SELECT version, steps FROM process_version WHERE procedure_code = p.code ORDER BY version DESC LIMIT 1) v ON true`;

const AGENCY_STATE = `
  SELECT code, name, kind, level, parent_code AS "parentCode", area_code AS "areaCode", has_desk AS "hasDesk",
         to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo", successor_code AS "successorCode",
         office_hours AS "officeHours"
    FROM agency`;

/**
 * Tells the services that replicate the catalogue what changed. Every change raises the catalogue's revision
 * under its row lock (so changes are numbered in the order they commit) and publishes the changed procedure; a
 * snapshot of everything at one revision answers a replica's request and follows a start after migrations
 * changed the catalogue.
 */
@Injectable()
export class CatalogueReplication implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogueReplication.name);

  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Publishes a snapshot if the catalogue changed (by a migration) since the last one: one replica of workflow does. */
  async onApplicationBootstrap(): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      // An UPDATE through TypeORM answers [rows, count].
      const [, behind] = (await tx.manager.query(
        `UPDATE catalogue_revision SET snapshot_published = revision WHERE snapshot_published < revision`,
      )) as [unknown[], number];
      if (behind > 0) await this.publishSnapshot(tx);
    });
  }

  /** In the transaction that changed the procedure: the next revision, and the procedure as it now stands. */
  async procedureChanged(tx: Transaction, procedureCode: string): Promise<void> {
    const [[{ revision }]] = (await tx.manager.query(`UPDATE catalogue_revision SET revision = revision + 1 RETURNING revision::int`)) as [
      { revision: number }[],
      number,
    ];
    const [procedure] = (await tx.manager.query(`${PROCEDURE_STATE} WHERE p.code = $1`, [procedureCode])) as CatalogueProcedure[];
    await tx.publish(event(CatalogueProcedureChanged, { revision, procedure }));
  }

  /** In the transaction that changed the agency: the next revision, and the agency as it now stands. */
  async agencyChanged(tx: Transaction, agencyCode: string): Promise<void> {
    const [[{ revision }]] = (await tx.manager.query(`UPDATE catalogue_revision SET revision = revision + 1 RETURNING revision::int`)) as [
      { revision: number }[],
      number,
    ];
    const [agency] = (await tx.manager.query(`${AGENCY_STATE} WHERE code = $1`, [agencyCode])) as CatalogueAgency[];
    await tx.publish(event(CatalogueAgencyChanged, { revision, agency }));
  }

  /** In the transaction that stored a year's official schedule: the next revision, and the schedule. */
  async schedulePublished(tx: Transaction, schedule: { year: number }): Promise<void> {
    const [[{ revision }]] = (await tx.manager.query(`UPDATE catalogue_revision SET revision = revision + 1 RETURNING revision::int`)) as [
      { revision: number }[],
      number,
    ];
    await tx.publish(event(CatalogueSchedulePublished, { revision, year: schedule.year, schedule }));
  }

  /** The whole catalogue at the current revision; catalogue changes wait for this transaction (row share lock). */
  async publishSnapshot(tx: Transaction): Promise<void> {
    const [{ revision }] = (await tx.manager.query(`SELECT revision::int FROM catalogue_revision FOR SHARE`)) as { revision: number }[];
    const snapshot = await readCatalogue(tx.manager);
    await tx.publish(event(CatalogueSnapshot, { revision, takenAt: new Date().toISOString(), ...snapshot }));
    this.logger.log(
      `catalogue snapshot at revision ${revision} published: ${snapshot.areas.length} areas, ${snapshot.agencies.length} agencies, ${snapshot.procedures.length} procedures`,
    );
  }
}

/** The whole catalogue as the snapshot event carries it. */
export async function readCatalogue(
  manager: EntityManager,
): Promise<{ areas: CatalogueArea[]; agencies: CatalogueAgency[]; procedures: CatalogueProcedure[]; schedules: object[] }> {
  const areas = (await manager.query(
    `SELECT code, name, level, parent_code AS "parentCode" FROM administrative_area ORDER BY code`,
  )) as CatalogueArea[];
  const agencies = (await manager.query(`${AGENCY_STATE} ORDER BY code`)) as CatalogueAgency[];
  const procedures = (await manager.query(`${PROCEDURE_STATE} ORDER BY p.code`)) as CatalogueProcedure[];
  const schedules = ((await manager.query(`SELECT schedule FROM official_schedule ORDER BY year`)) as { schedule: object }[]).map((r) => r.schedule);
  return { areas, agencies, procedures, schedules };
}

/** A replica asks for the whole catalogue (it starts, or it is still empty). */
@Controller()
export class CatalogueResyncHandler {
  constructor(private readonly replication: CatalogueReplication) {}

  @EventPattern<string>(CatalogueResyncRequested.type)
  async onResyncRequested(@Payload() _request: CatalogueResyncRequested, @Ctx() ctx: AmqpContext): Promise<void> {
    await this.replication.publishSnapshot(ctx.transaction);
  }
}
