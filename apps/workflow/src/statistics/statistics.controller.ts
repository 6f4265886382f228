import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CurrentPrincipal, type Principal, Role, hasRole } from '@motcua/auth';
import { addDays, startOfVietnamDay } from '@motcua/calendar';
import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
import { ApiProblems, Refusal } from '@motcua/errors';
import { IsCalendarDate } from '@motcua/http';
import { Catalogue } from '../catalogue/catalogue';
import { CallerOversight } from '../staff/caller-oversight';
import { type GroupBy, StatisticsQueries, type StatisticsRow, regroup } from './statistics.queries';
import { type NamedStatisticsRow, StatisticsView } from './statistics.view';

/** How the levels of government read (the catalogue's `level`). */
const LEVEL_NAMES: Readonly<Record<string, string>> = { city: 'Cấp thành phố', district: 'Cấp huyện', ward: 'Cấp xã' };

export class StatisticsRequest {
  @ApiProperty({ example: '2026-01-01', format: 'date', description: 'The first day of the period (a day in Hà Nội)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-31', format: 'date', description: 'The last day of the period (included)' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({
    enum: ['agency', 'procedure', 'level', 'none'],
    default: 'agency',
    description: 'One row per receiving agency, per procedure, per level of government, or one row for all',
  })
  @IsOptional()
  @IsIn(['agency', 'procedure', 'level', 'none'])
  groupBy: GroupBy = 'agency';

  @ApiPropertyOptional({ description: 'One receiving agency (and, for a leader, those under it)', example: '004.01.20.H26' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ example: 'ward', description: 'Only the receiving agencies of this level (city, district, ward)' })
  @IsOptional()
  @Matches(/^[a-z_]{1,30}$/)
  level?: string;

  @ApiPropertyOptional({ example: '1.001193', description: 'Only the dossiers of this procedure (mã thủ tục)' })
  @IsOptional()
  @Matches(/^\d+\.\d+$/)
  procedure?: string;
}

/** On-time statistics for leaders and administrators. */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/v1/statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly catalogue: Catalogue,
    private readonly oversight: CallerOversight,
  ) {}

  /**
   * Received (carried over, new, by channel), resolved early / on time / late, in progress within time / overdue,
   * waiting for a supplement, stopped and withdrawn, for the dossiers received at the agencies in scope: all for
   * an administrator; the agencies a head heads, and those under the ones a leader leads.
   */
  @Get()
  @ApiOperation({
    summary: 'On-time statistics of a period',
    description:
      'Thống kê tình hình giải quyết hồ sơ by the national method, for the dossiers received at the agencies in scope: received ' +
      '(carried over, new, by channel), resolved early / on time / late, in progress within time / overdue at the period’s end, ' +
      'waiting for a supplement, stopped and withdrawn. The period is `from`–`to`, days in Hà Nội, both included. In scope: every ' +
      'agency for an administrator; for an officer, the agencies they head and those under the ones they lead (others are 403 ' +
      '`STATISTICS.LEADERS_ONLY`; an `agency` outside them 403 `STATISTICS.AGENCY_NOT_YOURS`).',
  })
  @ApiOkResponse({ type: StatisticsView, description: 'The counts, one row per agency, procedure or level' })
  @ApiProblems('STATISTICS.EMPTY_PERIOD', 'STATISTICS.LEADERS_ONLY', 'STATISTICS.AGENCY_NOT_YOURS')
  async compute(@Query() request: StatisticsRequest, @CurrentPrincipal() caller: Principal): Promise<StatisticsView> {
    if (request.to < request.from) {
      throw new Refusal('STATISTICS.EMPTY_PERIOD', undefined, [{ field: 'to', code: 'EMPTY_PERIOD', message: 'on or after from' }]);
    }
    const admin = hasRole(caller, Role.Admin);
    // an officer's: the agencies they head (as the organisation and their token both say), and for a leader those under them
    const reporting = admin ? [] : await this.oversight.agenciesReportingTo(caller);
    if (!admin && reporting.length === 0) {
      throw new Refusal('STATISTICS.LEADERS_ONLY');
    }
    let agencies: string[] | null = admin ? null : reporting;
    if (request.agency) {
      if (agencies && !agencies.includes(request.agency)) {
        throw new Refusal('STATISTICS.AGENCY_NOT_YOURS', undefined, [
          { field: 'agency', code: 'AGENCY_NOT_YOURS', message: `you do not lead ${request.agency}` },
        ]);
      }
      // the agency and those under it, as far as the caller's own reach goes (a head of desk: not the wards below)
      const reach = agencies && new Set(agencies);
      agencies = this.catalogue.withDescendants([request.agency]).filter((code) => !reach || reach.has(code));
    }
    if (request.level) {
      const atLevel = new Set(this.catalogue.current.agencies.filter((a) => a.level === request.level).map((a) => a.code));
      agencies = (agencies ?? [...atLevel]).filter((code) => atLevel.has(code));
    }
    const { groupBy } = request;
    const byLevel = groupBy === 'level';
    const rows = await this.statistics.compute({
      from: new Date(startOfVietnamDay(request.from)),
      to: new Date(startOfVietnamDay(addDays(request.to, 1))),
      agencies,
      procedure: request.procedure ?? null,
      groupBy: groupBy === 'level' ? 'agency' : groupBy,
      now: new Date(),
    });
    if (!byLevel) return { from: request.from, to: request.to, groupBy: request.groupBy, rows: this.named(rows, groupBy) };
    const levelOf = new Map(this.catalogue.current.agencies.map((a) => [a.code, a.level]));
    return {
      from: request.from,
      to: request.to,
      groupBy: 'level',
      rows: this.named(
        regroup(rows, (code) => levelOf.get(code) ?? 'unknown'),
        groupBy,
      ),
    };
  }

  private named(rows: StatisticsRow[], groupBy: GroupBy): NamedStatisticsRow[] {
    const nameOf: Record<GroupBy, (key: string) => string | undefined> = {
      agency: (code) => this.catalogue.agencyName(code),
      procedure: (code) => this.catalogue.procedureName(code),
      level: (level) => LEVEL_NAMES[level],
      none: () => 'Tất cả',
    };
    return rows.map((row) => ({ ...row, name: nameOf[groupBy](row.key) ?? null }));
  }
}
