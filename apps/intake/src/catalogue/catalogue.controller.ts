import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { vietnamDate } from '@motcua/calendar';
import { mayReceive } from '@motcua/catalogue';
import { CatalogueReplica, type ReplicatedProcedure } from '@motcua/catalogue-replica';
import { ProblemDetailsException } from '@motcua/observability';
import { DesksRequest, ListProceduresRequest } from './catalogue.requests';

export type ProcedureSummary = Pick<
  ReplicatedProcedure,
  'code' | 'name' | 'field' | 'level' | 'legalTimeValue' | 'legalTimeUnit' | 'fee' | 'channels' | 'active'
>;

export interface DeskView {
  code: string;
  name: string;
  level: string;
  areaCode: string;
}

const notFound = (what: 'PROCEDURE' | 'AREA', code: string) =>
  new ProblemDetailsException({
    status: HttpStatus.NOT_FOUND,
    code: `CATALOGUE.${what}_NOT_FOUND`,
    title: `No such ${what.toLowerCase()}`,
    detail: `${code} is not in the catalogue`,
  });

/**
 * The catalogue as a frontend shows it to applicants and desk officers: public facts (the national catalogue
 * is published), served from intake's replica, so they stay readable while workflow is down.
 */
@ApiTags('catalogue')
@Public()
@Controller('api/v1/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueReplica) {}

  /** Active procedures, by code; filter by level or field. */
  @Get('procedures')
  procedures(@Query() request: ListProceduresRequest): { items: ProcedureSummary[] } {
    const items = this.catalogue
      .allProcedures()
      .filter((p) => p.active && (!request.level || p.level === request.level) && (!request.field || p.field === request.field))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ code, name, field, level, legalTimeValue, legalTimeUnit, fee, channels, active }) => ({
        code,
        name,
        field,
        level,
        legalTimeValue,
        legalTimeUnit,
        fee,
        channels,
        active,
      }));
    return { items };
  }

  /** A procedure with its documents, channels, desk rules and the steps of the process in force. */
  @Get('procedures/:code')
  procedure(@Param('code') code: string): ReplicatedProcedure {
    const procedure = this.catalogue.procedure(code);
    if (!procedure) throw notFound('PROCEDURE', code);
    return procedure;
  }

  /** The desks where an applicant of this ward may file this procedure today. */
  @Get('procedures/:code/desks')
  desks(@Param('code') code: string, @Query() request: DesksRequest): { items: DeskView[] } {
    const procedure = this.catalogue.procedure(code);
    if (!procedure) throw notFound('PROCEDURE', code);
    if (!this.catalogue.area(request.wardCode)) throw notFound('AREA', request.wardCode);
    const context = { receivingAgencyCode: '', applicantAreaCode: request.wardCode, onDate: vietnamDate(new Date()) };
    const items = this.catalogue
      .allAgencies()
      .filter((agency) => procedure.active && mayReceive(procedure.desks, agency, { ...context, receivingAgencyCode: agency.code }, this.catalogue.organisation))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ code: agencyCode, name, level, areaCode }) => ({ code: agencyCode, name, level, areaCode }));
    return { items };
  }

  /** An area with the areas directly under it (the city's districts, a district's wards). */
  @Get('areas/:code')
  area(@Param('code') code: string): { code: string; name: string; level: string; parentCode: string | null; children: { code: string; name: string; level: string }[] } {
    const area = this.catalogue.area(code);
    if (!area) throw notFound('AREA', code);
    return { ...area, children: this.catalogue.children(code).map(({ code: c, name, level }) => ({ code: c, name, level })) };
  }
}
