import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Deadline', description: 'The deadline of a legal time counted from an instant, as an appointment is' })
export class DeadlineView {
  @ApiProperty({ format: 'date-time', description: 'The instant counted from, in Vietnam’s time', example: '2026-11-26T10:00:00+07:00' })
  from: string;

  @ApiProperty({ example: 8 })
  value: number;

  @ApiProperty({ enum: ['working_hours', 'working_days', 'calendar_days'], example: 'working_hours' })
  unit: string;

  @ApiProperty({ format: 'date-time', description: 'The deadline, in Vietnam’s time', example: '2026-11-27T10:00:00+07:00' })
  deadline: string;
}

@ApiSchema({ name: 'CalendarDayOff', description: 'A weekday that is not a working day' })
export class CalendarDayOff {
  @ApiProperty({ format: 'date', example: '2026-09-02' })
  date: string;

  @ApiProperty({ example: 'Quốc khánh' })
  name: string;

  @ApiProperty({
    enum: ['holiday', 'official'],
    description: 'holiday: a public holiday of the Labour Code; official: a day off only the year’s official schedule makes (a swapped day)',
    example: 'holiday',
  })
  kind: string;
}

@ApiSchema({ name: 'CalendarWorkingDay', description: 'A Saturday or Sunday made a working day (ngày làm bù)' })
export class CalendarWorkingDay {
  @ApiProperty({ format: 'date', example: '2026-01-24' })
  date: string;

  @ApiProperty({ example: 'Làm bù cho ngày nghỉ Tết Nguyên đán' })
  name: string;
}

@ApiSchema({ name: 'WorkingCalendarYear', description: 'A year’s weekday days off and its working weekend days, with their source' })
export class WorkingCalendarYear {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The notice the year’s official schedule comes from; null: none published, the Labour Code’s defaults apply',
    example: 'Thông báo số 6150/TB-LĐTBXH của Bộ Lao động - Thương binh và Xã hội',
  })
  source: string | null;

  @ApiProperty({ description: 'Whether the schedule was published through this API (not the one built in)', example: false })
  publishedHere: boolean;

  @ApiProperty({ type: [CalendarDayOff], description: 'Weekdays off, in date order (weekends are not listed)' })
  daysOff: CalendarDayOff[];

  @ApiProperty({ type: [CalendarWorkingDay], description: 'Weekend days made working days' })
  workingDays: CalendarWorkingDay[];
}

@ApiSchema({ name: 'PublishedCalendarYear', description: 'A year’s official schedule, published' })
export class PublishedCalendarYear {
  @ApiProperty({ example: 2027 })
  year: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T10:00:00+07:00' })
  publishedAt: string;
}

/** Documentation only: the body is checked whole by `parseOfficialSchedule` (every problem named, unknown fields refused). */
@ApiSchema({ name: 'ScheduleDay' })
export class ScheduleDayRequest {
  @ApiProperty({ format: 'date', example: '2027-02-08' })
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán' })
  name: string;

  @ApiPropertyOptional({ description: 'Where this day is published, when not in the schedule’s own source' })
  source?: string;

  @ApiPropertyOptional({ description: 'true when no official text confirmed the day yet: it applies, but must be checked' })
  unverified?: boolean;
}

@ApiSchema({ name: 'OfficialSchedule', description: 'A year’s official schedule of days off and working days, as the Ministry announces it' })
export class OfficialScheduleRequest {
  @ApiProperty({ description: 'The year, the same as in the path', example: 2027 })
  year: number;

  @ApiProperty({ type: [ScheduleDayRequest], description: 'Weekdays off beyond the Labour Code’s (swapped days, Tết days placed differently)' })
  daysOff: ScheduleDayRequest[];

  @ApiProperty({ type: [ScheduleDayRequest], description: 'Saturdays or Sundays made working days (never a public holiday)' })
  workingDays: ScheduleDayRequest[];

  @ApiProperty({ description: 'The notice the schedule comes from', example: 'Thông báo của Bộ Nội vụ về lịch nghỉ Tết Âm lịch năm 2027' })
  source: string;
}
