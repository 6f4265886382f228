import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { vietnamDate } from '@motcua/calendar';
import { notInCatalogue, receivingDesks, routeProcess } from '@motcua/catalogue';
import { CatalogueReplica, type ReplicatedProcedure } from '@motcua/catalogue-replica';
import { Cacheable } from '@motcua/http';
import { DesksRequest, ListProceduresRequest } from './catalogue.requests';

export type ProcedureSummary = Pick<
  ReplicatedProcedure,
  'code' | 'name' | 'field' | 'level' | 'legalTimeValue' | 'legalTimeUnit' | 'fee' | 'channels' | 'active'
>;

/** What an applicant is told of a procedure: the public facts of the national catalogue, and the steps by name. */
export interface ProcedureView extends ProcedureSummary {
  legalBasis: string | null;
  documents: ReplicatedProcedure['documents'];
  processVersion: number;
  steps: { number: number; name: string; budgetHours: number }[];
}

const summaryOf = ({ code, name, field, level, legalTimeValue, legalTimeUnit, fee, channels, active }: ReplicatedProcedure): ProcedureSummary => ({
  code,
  name,
  field,
  level,
  legalTimeValue,
  legalTimeUnit,
  fee,
  channels,
  active,
});

export interface DeskView {
  code: string;
  name: string;
  level: string;
  areaCode: string;
}

/** Each code spelled out, so the test of problem titles finds it. */

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
  @Cacheable({ maxAgeSeconds: 60 })
  @Get('procedures')
  procedures(@Query() request: ListProceduresRequest): { items: ProcedureSummary[] } {
    const items = this.catalogue
      .allProcedures()
      .filter((p) => p.active && (!request.level || p.level === request.level) && (!request.field || p.field === request.field))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(summaryOf);
    return { items };
  }

  /** A procedure with its documents, channels and the steps of the process in force (a deactivated one says so). */
  @Cacheable({ maxAgeSeconds: 60 })
  @Get('procedures/:code')
  procedure(@Param('code') code: string): ProcedureView {
    const procedure = this.catalogue.procedure(code);
    if (!procedure) throw notInCatalogue('PROCEDURE', code);
    return {
      ...summaryOf(procedure),
      legalBasis: procedure.legalBasis,
      documents: procedure.documents.map(({ code: documentCode, name, required, copies }) => ({ code: documentCode, name, required, copies })),
      processVersion: procedure.processVersion,
      steps: procedure.steps.map(({ number, name, budgetHours }) => ({ number, name, budgetHours })),
    };
  }

  /** The desks where an applicant of this ward may file this procedure today. */
  @Cacheable({ maxAgeSeconds: 60 })
  @Get('procedures/:code/desks')
  desks(@Param('code') code: string, @Query() request: DesksRequest): { items: DeskView[] } {
    const procedure = this.catalogue.procedure(code);
    if (!procedure) throw notInCatalogue('PROCEDURE', code);
    if (!this.catalogue.area(request.wardCode)) throw notInCatalogue('AREA', request.wardCode);
    const context = { receivingAgencyCode: '', applicantAreaCode: request.wardCode, onDate: vietnamDate(new Date()) };
    const { organisation } = this.catalogue;
    // a route with a hole is refused at every desk (the receiving step itself always resolves)
    if (!procedure.active || !routeProcess(procedure.steps, context, organisation).ok) return { items: [] };
    const receives = receivingDesks(procedure.desks, context, organisation);
    const items = this.catalogue
      .allAgencies()
      .filter(receives)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ code: agencyCode, name, level, areaCode }) => ({ code: agencyCode, name, level, areaCode }));
    return { items };
  }

  /** An area with the areas directly under it (the city's districts, a district's wards). */
  @Cacheable({ maxAgeSeconds: 60 })
  @Get('areas/:code')
  area(@Param('code') code: string): {
    code: string;
    name: string;
    level: string;
    parentCode: string | null;
    children: { code: string; name: string; level: string }[];
  } {
    const area = this.catalogue.area(code);
    if (!area) throw notInCatalogue('AREA', code);
    const { name, level, parentCode } = area;
    return { code, name, level, parentCode, children: this.catalogue.children(code).map(({ code: c, name: n, level: l }) => ({ code: c, name: n, level: l })) };
  }
}
