import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
import { vietnamDate } from '@motcua/calendar';
import { notInCatalogue, receivingDesks, routeProcess } from '@motcua/catalogue';
import { CatalogueReplica, type ReplicatedProcedure } from '@motcua/catalogue-replica';
import { Cacheable } from '@motcua/http';
import { DesksRequest, ListProceduresRequest } from './catalogue.requests';
import { AreaView, DeskList, ProcedureList, type ProcedureSummary, ProcedureView } from './catalogue.view';

const PROCEDURE_CODE = ApiParam({ name: 'code', description: 'National procedure code (MaTTHC)', example: '1.001193' });

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
  @ApiOperation({
    summary: 'List the procedures received',
    description:
      'The active procedures of the national catalogue, by code, for applicants and desks; filter by `level` or `field` (lĩnh vực). Not paged: the catalogue is small.',
  })
  @ApiOkResponse({ type: ProcedureList })
  procedures(@Query() request: ListProceduresRequest): ProcedureList {
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
  @ApiOperation({
    summary: 'Read a procedure',
    description:
      'A procedure with its documents (required or not, copies), channels, fee, legal basis and the steps of the process in force, by name. A deactivated one is still served, with `active: false`.',
  })
  @PROCEDURE_CODE
  @ApiOkResponse({ type: ProcedureView })
  @ApiProblems('CATALOGUE.PROCEDURE_NOT_FOUND')
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
  @ApiOperation({
    summary: 'Find the desks that receive a procedure for a ward',
    description:
      'The desks (Bộ phận Một cửa) where an applicant living in this ward may file this procedure today, by code: empty when the ' +
      'procedure is deactivated or no competent body can be found for the ward.',
  })
  @PROCEDURE_CODE
  @ApiOkResponse({ type: DeskList })
  @ApiProblems('CATALOGUE.PROCEDURE_NOT_FOUND', 'CATALOGUE.AREA_NOT_FOUND')
  desks(@Param('code') code: string, @Query() request: DesksRequest): DeskList {
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
  @ApiOperation({
    summary: 'Read an administrative area',
    description:
      'An area (đơn vị hành chính) with the areas directly under it: the city’s districts, a district’s wards. For choosing the ward of an applicant or a delivery address.',
  })
  @ApiParam({ name: 'code', description: 'Statistics-office code of the area', example: '001' })
  @ApiOkResponse({ type: AreaView })
  @ApiProblems('CATALOGUE.AREA_NOT_FOUND')
  area(@Param('code') code: string): AreaView {
    const area = this.catalogue.area(code);
    if (!area) throw notInCatalogue('AREA', code);
    const { name, level, parentCode } = area;
    return { code, name, level, parentCode, children: this.catalogue.children(code).map(({ code: c, name: n, level: l }) => ({ code: c, name: n, level: l })) };
  }
}
