import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Role, Roles } from '@motcua/auth';
import { notInCatalogue } from '@motcua/catalogue';
import { ApiProblems } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { OfficeHoursRequest, SetOfficeHours } from './agency-office-hours';
import { CatalogueQueries } from './catalogue.queries';
import {
  AgencyDetail,
  AgencyOfficeHours,
  AgencyPage,
  AreaView,
  OfficerView,
  ProcedureActivation,
  ProcedureDetail,
  ProcedureView,
  PublishedVersion,
} from './catalogue.view';
import { ListAgenciesRequest } from './list-agencies.request';
import { DeactivateProcedure, PublishProcessVersion } from './publish-process-version';
import { PublishProcessVersionRequest } from './publish-process-version.request';
import { Cacheable } from '@motcua/http';

const AGENCY_CODE = ApiParam({ name: 'code', description: 'Mã định danh cơ quan', example: '004.01.20.H26' });
const PROCEDURE_CODE = ApiParam({ name: 'code', description: 'Mã thủ tục in the national catalogue', example: '1.001193' });

/** The organisation and the procedures, as administrators keep them. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('api/v1')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueQueries,
    private readonly publishVersion: PublishProcessVersion,
    private readonly deactivateProcedure: DeactivateProcedure,
    private readonly setOfficeHours: SetOfficeHours,
  ) {}

  /** An area with the areas directly under it (a city's districts, a district's wards). */
  @Cacheable({ maxAgeSeconds: 60 })
  @Get('areas/:code')
  @ApiOperation({
    summary: 'Read an administrative area',
    description: 'An area (city, district, ward) by its statistics-office code, with the areas directly under it. Administrators only.',
  })
  @ApiParam({ name: 'code', description: 'Statistics-office code (mã đơn vị hành chính)', example: '001' })
  @ApiOkResponse({ type: AreaView, description: 'The area' })
  @ApiProblems('CATALOGUE.AREA_NOT_FOUND')
  async area(@Param('code') code: string): Promise<AreaView> {
    const found = await this.catalogue.area(code);
    if (!found) throw notInCatalogue('AREA', code);
    return found;
  }

  @Cacheable({ maxAgeSeconds: 60 })
  @Get('agencies')
  @ApiOperation({
    summary: 'List agencies',
    description:
      'The agencies of the organisation by code, filtered by `level`, `kind`, `area` or `parent`. Administrators only.\n\nPaging: at ' +
      'most `limit` agencies (1–100, default 20); when `nextCursor` is not null, pass it unchanged as `cursor` for the next page.',
  })
  @ApiOkResponse({ type: AgencyPage, description: 'A page of agencies' })
  agencies(@Query() request: ListAgenciesRequest): Promise<AgencyPage> {
    return this.catalogue.agencies(request);
  }

  /** An agency with its staff and their roles there. */
  @Get('agencies/:code')
  @ApiOperation({ summary: 'Read an agency with its staff', description: 'An agency, with its officers and their roles there. Administrators only.' })
  @AGENCY_CODE
  @ApiOkResponse({ type: AgencyDetail, description: 'The agency' })
  @ApiProblems('CATALOGUE.AGENCY_NOT_FOUND')
  async agency(@Param('code') code: string): Promise<AgencyDetail> {
    const found = await this.catalogue.agency(code);
    if (!found) throw notInCatalogue('AGENCY', code);
    return found;
  }

  /**
   * The agency's own office hours (null: the national default). Its new tasks' deadlines and its desk's new
   * appointments count in them; the replicas (intake's desk) hear of it.
   */
  @Put('agencies/:code/office-hours')
  @ApiOperation({
    summary: 'Set an agency’s office hours',
    description:
      'Giờ làm việc: the agency’s own office hours on its working days (a ward committee that opens at 07:30), or null for the ' +
      'national default. Which days are working days stays the national schedule’s. Its new tasks’ step deadlines and its desk’s new ' +
      'appointments count in them from now; what was already promised stays; the replicas (intake’s desk) hear of it. Periods in ' +
      'order, not overlapping, within a day: otherwise 422 `CATALOGUE.OFFICE_HOURS_INVALID`. Repeating it changes nothing. ' +
      'Administrators only.',
  })
  @AGENCY_CODE
  @ApiBody({
    type: OfficeHoursRequest,
    examples: {
      'giờ hành chính riêng': {
        summary: 'Làm việc 7:30–11:30 và 13:30–17:00',
        value: {
          officeHours: [
            { start: '07:30', end: '11:30' },
            { start: '13:30', end: '17:00' },
          ],
        },
      },
      'giờ mặc định': { summary: 'Trở lại giờ làm việc chung của cả nước', value: { officeHours: null } },
    },
  })
  @ApiOkResponse({ type: AgencyOfficeHours, description: 'The office hours now in force' })
  @ApiProblems('CATALOGUE.AGENCY_NOT_FOUND', 'CATALOGUE.OFFICE_HOURS_INVALID')
  officeHours(@Param('code') code: string, @Body() request: OfficeHoursRequest): Promise<AgencyOfficeHours> {
    return this.setOfficeHours.execute(code, request.officeHours);
  }

  /** An officer (the token subject) with their status and every role they hold, at every agency. */
  @Get('officers/:id')
  @ApiOperation({
    summary: 'Read an officer',
    description: 'An officer (the token subject) with their status and every role they hold, at every agency. Administrators only.',
  })
  @ApiParam({ name: 'id', description: 'The officer (their token’s subject)', example: '004.01.20.H26.specialist.1' })
  @ApiOkResponse({ type: OfficerView, description: 'The officer' })
  @ApiProblems('CATALOGUE.OFFICER_NOT_FOUND')
  async officer(@Param('id') id: string): Promise<OfficerView> {
    const found = await this.catalogue.officer(id);
    if (!found) throw notInCatalogue('OFFICER', id);
    return found;
  }

  @Cacheable({ maxAgeSeconds: 60 })
  @Get('procedures')
  @ApiOperation({
    summary: 'List procedures',
    description: 'Every procedure of the catalogue by code, active or not, with its desks and documents (not paged). Administrators only.',
  })
  @ApiOkResponse({ type: [ProcedureView], description: 'The procedures' })
  procedures(): Promise<ProcedureView[]> {
    return this.catalogue.procedures();
  }

  /** A procedure with every published version of its process, oldest first. */
  @Cacheable({ maxAgeSeconds: 60 })
  @Get('procedures/:code')
  @ApiOperation({
    summary: 'Read a procedure with its process versions',
    description: 'A procedure with every published version of its process, oldest first. Administrators only.',
  })
  @PROCEDURE_CODE
  @ApiOkResponse({ type: ProcedureDetail, description: 'The procedure' })
  @ApiProblems('CATALOGUE.PROCEDURE_NOT_FOUND')
  async procedure(@Param('code') code: string): Promise<ProcedureDetail> {
    const found = await this.catalogue.procedure(code);
    if (!found) throw notInCatalogue('PROCEDURE', code);
    return found;
  }

  /** Publishes a new process version, in force from now; dossiers already received keep theirs. */
  @Post('procedures/:code/versions')
  @ApiOperation({
    summary: 'Publish a new process version',
    description:
      'A new version of the procedure’s process (quy trình nội bộ), in force from now: dossiers received from now on follow it, those ' +
      'already received keep the version they were pinned to; the replicas hear of it. A definition with any problem (steps out of ' +
      'order, an unknown role or action, a budget that is not a positive number of working hours, an agency that cannot be resolved, ' +
      'a hand-over before a signature, an unknown field) is refused whole: 422 `PROCESS.INVALID`, each problem naming its field ' +
      '(`steps.2.role`). Safe to retry with an `Idempotency-Key`. Administrators only.',
  })
  @PROCEDURE_CODE
  @ApiIdempotencyKey()
  @ApiBody({
    type: PublishProcessVersionRequest,
    examples: {
      'quy trình đăng ký khai sinh': {
        summary: 'Ba bước: tiếp nhận, giải quyết, trả kết quả',
        value: {
          steps: [
            { number: 1, name: 'Tiếp nhận hồ sơ', agency: { kind: 'receiving' }, role: 'receiver', budgetHours: 1, actions: ['forward'] },
            {
              number: 2,
              name: 'Thẩm định và ký kết quả',
              agency: { kind: 'competent', level: 'ward', agencyKind: 'people_committee' },
              role: 'specialist',
              budgetHours: 6,
              actions: ['sign', 'send_back', 'request_supplement', 'refuse'],
              assignment: 'least_loaded',
            },
            { number: 3, name: 'Trả kết quả', agency: { kind: 'receiving' }, role: 'returner', budgetHours: 1, actions: ['hand_over'] },
          ],
        },
      },
    },
  })
  @ApiCreatedResponse({ type: PublishedVersion, description: 'Published: the new version’s number' })
  @ApiProblems('CATALOGUE.PROCEDURE_NOT_FOUND', 'PROCESS.INVALID')
  async publish(
    @Param('code') code: string,
    @Body() request: PublishProcessVersionRequest,
    @CurrentPrincipal() admin: Principal,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<PublishedVersion> {
    const idempotency = idempotentRequest(idempotencyKey, admin.subject, `POST /procedures/${code}/versions`, request);
    return answerCommand(response, await this.publishVersion.execute(code, request.steps, idempotency));
  }

  /** No new dossier of this procedure is routed; running ones go on. Repeating it changes nothing. */
  @Post('procedures/:code/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Deactivate a procedure',
    description:
      'No new dossier of this procedure is received or routed from now; dossiers already received go on; the replicas hear of it. ' +
      'Repeating it changes nothing. Administrators only.',
  })
  @PROCEDURE_CODE
  @ApiOkResponse({ type: ProcedureActivation, description: 'Deactivated' })
  @ApiProblems('CATALOGUE.PROCEDURE_NOT_FOUND')
  deactivate(@Param('code') code: string): Promise<ProcedureActivation> {
    return this.deactivateProcedure.execute(code);
  }
}
