import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { CurrentPrincipal, type Principal, Role, Roles } from '@motcua/auth';
import { addDays, appointmentFor, parseOfficialSchedule, toVietnamIso } from '@motcua/calendar';
import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
import { notInCatalogue } from '@motcua/catalogue';
import { ApiProblems, Refusal } from '@motcua/errors';
import { IsInstant } from '@motcua/http';
import { Catalogue } from '../catalogue/catalogue';
import { Calendars } from './calendars';
import { DeadlineView, OfficialScheduleRequest, PublishedCalendarYear, WorkingCalendarYear } from './calendar.view';

export class DeadlineRequest {
  @ApiProperty({ example: '2026-11-26T10:00:00+07:00', format: 'date-time', description: 'ISO 8601 with its offset' })
  @IsInstant()
  from: string;

  @ApiProperty({ example: 8, minimum: 0, maximum: 10_000, description: 'The legal time, in `unit`s' })
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(10_000)
  value: number;

  @ApiProperty({ enum: ['working_hours', 'working_days', 'calendar_days'], example: 'working_hours' })
  @IsIn(['working_hours', 'working_days', 'calendar_days'])
  unit: 'working_hours' | 'working_days' | 'calendar_days';

  @ApiPropertyOptional({ example: '001.01.20.H26', description: "Counted in this agency's office hours (default: the national hours)" })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;
}

export class YearParams {
  @ApiProperty({ example: 2026, description: 'A year from 2000 to 2100' })
  @Type(() => Number)
  @IsInt()
  year: number;
}

const yearRange = (year: number) => {
  if (year < 2000 || year > 2100) {
    throw new Refusal('CALENDAR.YEAR_OUT_OF_RANGE', undefined, [{ field: 'year', code: 'YEAR_OUT_OF_RANGE', message: 'a year from 2000 to 2100' }]);
  }
};

/** Working time for frontends and officers: deadlines, a year's days off and working Saturdays; admins publish a year. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly calendars: Calendars,
    private readonly catalogue: Catalogue,
  ) {}

  /** The deadline of a legal time counted from an instant, as an appointment is (receipt rules included). */
  @Get('deadline')
  @ApiOperation({
    summary: 'Compute a deadline in working time',
    description:
      'The deadline of a legal time counted from an instant, as an appointment is: working hours and days skip weekends, public ' +
      'holidays and the official days off, and count the weekend days made working days; the receipt rules of an appointment ' +
      'apply. In an agency’s own office hours with `agency`, else in the national hours. ' +
      'For any signed-in caller (frontends print appointments with it).',
  })
  @ApiOkResponse({ type: DeadlineView, description: 'The deadline' })
  @ApiProblems('CATALOGUE.AGENCY_NOT_FOUND')
  deadline(@Query() request: DeadlineRequest): DeadlineView {
    const from = new Date(request.from);
    if (request.agency && !this.catalogue.current.agencies.some((a) => a.code === request.agency)) {
      throw notInCatalogue('AGENCY', request.agency);
    }
    const calendar = request.agency ? this.calendars.of(request.agency) : this.calendars.current;
    return { from: toVietnamIso(from), value: request.value, unit: request.unit, deadline: toVietnamIso(appointmentFor(calendar, from, request)) };
  }

  /** A year's weekday days off (holidays and official days) and its working weekend days, with their source. */
  @Get('years/:year')
  @ApiOperation({
    summary: 'Read a year’s days off and working weekend days',
    description:
      'A year’s weekday days off (public holidays and the official days off) and its weekend days made working days, with the ' +
      'notice they come from. For any signed-in caller.',
  })
  @ApiOkResponse({ type: WorkingCalendarYear, description: 'The year' })
  @ApiProblems('CALENDAR.YEAR_OUT_OF_RANGE')
  year(@Param() { year }: YearParams): WorkingCalendarYear {
    yearRange(year);
    const calendar = this.calendars.current;
    const daysOff: { date: string; name: string; kind: string }[] = [];
    const workingDays: { date: string; name: string }[] = [];
    const { schedule, publishedHere } = this.calendars.scheduleOf(year);
    for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
      const off = calendar.dayOff(date);
      if (off && off.kind !== 'weekend') daysOff.push({ date, ...off });
    }
    for (const day of schedule?.workingDays ?? []) workingDays.push({ date: day.date, name: day.name });
    return { year, source: schedule?.source ?? null, publishedHere, daysOff, workingDays };
  }

  /** Publishes a year's official schedule (admin): checked whole, 422 naming each problem; in force at once here. */
  @Put('years/:year')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Publish a year’s official schedule',
    description:
      'An administrator publishes the year’s official schedule (lịch nghỉ, làm bù) as the Ministry announces it: it replaces an ' +
      'earlier one, is in force here at once for new deadlines and appointments, and reaches the replicas (intake). Checked whole: ' +
      'a schedule with any problem (a working day that is not a weekend day or is a public holiday, a day listed twice, an unknown ' +
      'field) is 422 `CALENDAR.SCHEDULE_INVALID` naming each, and nothing changes.',
  })
  @ApiBody({
    type: OfficialScheduleRequest,
    examples: {
      'lịch năm 2027': {
        summary: 'Lịch nghỉ Tết Âm lịch và ngày làm bù năm 2027',
        value: {
          year: 2027,
          source: 'Thông báo của Bộ Nội vụ về lịch nghỉ Tết Âm lịch năm 2027',
          daysOff: [{ date: '2027-02-12', name: 'Nghỉ Tết Âm lịch (hoán đổi)' }],
          workingDays: [{ date: '2027-02-20', name: 'Làm bù cho ngày nghỉ Tết Âm lịch' }],
        },
      },
    },
  })
  @ApiOkResponse({ type: PublishedCalendarYear, description: 'Published, in force from now' })
  @ApiProblems('CALENDAR.YEAR_OUT_OF_RANGE', 'CALENDAR.SCHEDULE_INVALID')
  async publish(@Param() { year }: YearParams, @Body() body: unknown, @CurrentPrincipal() admin: Principal): Promise<PublishedCalendarYear> {
    yearRange(year);
    const parsed = parseOfficialSchedule(body);
    const problems = parsed.ok
      ? parsed.schedule.year === year
        ? []
        : [{ field: 'year', message: `the body is for ${parsed.schedule.year}, not ${year}` }]
      : parsed.problems;
    if (!parsed.ok || problems.length > 0) {
      throw new Refusal(
        'CALENDAR.SCHEDULE_INVALID',
        undefined,
        problems.map((p) => ({ field: p.field, code: 'SCHEDULE_INVALID', message: p.message })),
      );
    }
    const now = new Date();
    await this.calendars.publish(parsed.schedule, admin.subject, now);
    return { year, publishedAt: toVietnamIso(now) };
  }
}
