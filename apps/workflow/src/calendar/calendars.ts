import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AgencyCalendars, OFFICIAL_SCHEDULES, type OfficialSchedule, type WorkingCalendar } from '@motcua/calendar';
import { UnitOfWork } from '@motcua/messaging';
import { Catalogue } from '../catalogue/catalogue';
import { CatalogueReplication } from '../catalogue/catalogue-replication';
import { CalendarStore } from './calendar.store';

/**
 * The working calendars workflow computes with: the official schedules built in, each replaced by the one an
 * administrator published for that year, in each agency's office hours. Rebuilt at start and after each
 * publication on this instance.
 */
@Injectable()
export class Calendars implements OnModuleInit {
  private calendars = new AgencyCalendars();
  private published = new Map<number, OfficialSchedule>();

  constructor(
    private readonly store: CalendarStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly replication: CatalogueReplication,
    private readonly catalogue: Catalogue,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** In the national default office hours: for what belongs to no one agency (the watch's due-soon window). */
  get current(): WorkingCalendar {
    return this.calendars.of(null);
  }

  /** In the agency's own office hours (its step deadlines; a receiving desk's appointments). */
  of(agencyCode: string): WorkingCalendar {
    return this.calendars.of(this.catalogue.officeHoursOf(agencyCode));
  }

  /** The schedule in force for a year, and whether an administrator published it (else built in, or none). */
  scheduleOf(year: number): { schedule: OfficialSchedule | null; publishedHere: boolean } {
    const published = this.published.get(year);
    return { schedule: published ?? OFFICIAL_SCHEDULES.find((s) => s.year === year) ?? null, publishedHere: published !== undefined };
  }

  /**
   * Stores a year's schedule (replacing an earlier publication), tells the replicas (intake prints appointments
   * with it), and computes with it from now on.
   */
  async publish(schedule: OfficialSchedule, by: string, at: Date): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      await this.store.publishSchedule(tx.manager, schedule, by, at);
      await this.replication.schedulePublished(tx, schedule);
    });
    await this.reload();
  }

  async reload(): Promise<void> {
    const schedules = await this.store.officialSchedules();
    this.published = new Map(schedules.map((s) => [s.year, s]));
    this.calendars = new AgencyCalendars([...this.published.values()]);
  }
}
