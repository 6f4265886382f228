import { Controller, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CatalogueAgencyChanged,
  CatalogueProcedureChanged,
  CatalogueResyncRequested,
  CatalogueSchedulePublished,
  CatalogueSnapshot,
  event,
} from '@motcua/contracts';
import { type AmqpContext, type Transaction, UnitOfWork } from '@motcua/messaging';
import { CalendarStore } from '../calendar/calendar.store';
import { CatalogueStore } from './catalogue.store';

/**
 * Tells the services that replicate the catalogue what changed. Every change raises the catalogue's revision
 * under its row lock (so changes are numbered in the order they commit) and publishes the changed procedure; a
 * snapshot of everything at one revision answers a replica's request and follows a start after migrations
 * changed the catalogue.
 */
@Injectable()
export class CatalogueReplication implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogueReplication.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: CatalogueStore,
    private readonly calendarStore: CalendarStore,
  ) {}

  /** Publishes a snapshot if the catalogue changed (by a migration) since the last one: one replica of workflow does. */
  async onApplicationBootstrap(): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      if (await this.store.claimSnapshot(tx.manager)) await this.publishSnapshot(tx);
    });
  }

  /** In the transaction that changed the procedure: the next revision, and the procedure as it now stands. */
  async procedureChanged(tx: Transaction, procedureCode: string): Promise<void> {
    const revision = await this.store.nextCatalogueRevision(tx.manager);
    const procedure = await this.store.procedureState(tx.manager, procedureCode);
    await tx.publish(event(CatalogueProcedureChanged, { revision, procedure }));
  }

  /** In the transaction that changed the agency: the next revision, and the agency as it now stands. */
  async agencyChanged(tx: Transaction, agencyCode: string): Promise<void> {
    const revision = await this.store.nextCatalogueRevision(tx.manager);
    const agency = await this.store.agencyState(tx.manager, agencyCode);
    await tx.publish(event(CatalogueAgencyChanged, { revision, agency }));
  }

  /** In the transaction that stored a year's official schedule: the next revision, and the schedule. */
  async schedulePublished(tx: Transaction, schedule: { year: number }): Promise<void> {
    const revision = await this.store.nextCatalogueRevision(tx.manager);
    await tx.publish(event(CatalogueSchedulePublished, { revision, year: schedule.year, schedule }));
  }

  /** The whole catalogue at the current revision; catalogue changes wait for this transaction (row share lock). */
  async publishSnapshot(tx: Transaction): Promise<void> {
    const { revision, ...catalogue } = await this.store.catalogueSnapshot(tx.manager);
    const schedules = await this.calendarStore.officialSchedules(tx.manager);
    await tx.publish(event(CatalogueSnapshot, { revision, takenAt: new Date().toISOString(), ...catalogue, schedules }));
    this.logger.log(
      `catalogue snapshot at revision ${revision} published: ${catalogue.areas.length} areas, ${catalogue.agencies.length} agencies, ${catalogue.procedures.length} procedures`,
    );
  }
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
