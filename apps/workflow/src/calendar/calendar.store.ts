import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OfficialSchedule } from '@motcua/calendar';
import { queryPrepared } from '@motcua/persistence';

/** The official yearly schedules administrators published (they replace the built-in ones): every statement on them. */
@Injectable()
export class CalendarStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a year's schedule, replacing an earlier publication of that year. */
  async publishSchedule(manager: EntityManager, schedule: OfficialSchedule, by: string, at: Date): Promise<void> {
    await queryPrepared(
      manager,
      'workflow.publish-official-schedule',
      `INSERT INTO official_schedule (year, schedule, published_at, published_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET schedule = EXCLUDED.schedule, published_at = EXCLUDED.published_at, published_by = EXCLUDED.published_by`,
      [schedule.year, JSON.stringify(schedule), at, by],
    );
  }

  /**
   * Every published schedule, by year: in the caller's transaction (a catalogue snapshot), or on its own.
   */
  async officialSchedules(manager: EntityManager = this.dataSource.manager): Promise<OfficialSchedule[]> {
    const rows = await queryPrepared<{ schedule: OfficialSchedule }>(
      manager,
      'workflow.official-schedules',
      `SELECT schedule FROM official_schedule ORDER BY year`,
      [],
    );
    return rows.map((r) => r.schedule);
  }
}
