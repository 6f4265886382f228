import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Role, Roles } from '@motcua/auth';
import { notInCatalogue } from '@motcua/catalogue';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { OfficeHoursRequest, SetOfficeHours } from './agency-office-hours';
import type { Procedure } from './catalogue.entities';
import { type AgencyDetail, type AgencyView, type AreaView, CatalogueQueries, type OfficerView, type ProcedureView } from './catalogue.queries';
import { ListAgenciesRequest } from './list-agencies.request';
import { DeactivateProcedure, PublishProcessVersion, type PublishedVersion } from './publish-process-version';
import { PublishProcessVersionRequest } from './publish-process-version.request';
import { Cacheable } from '@motcua/http';

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
  async area(@Param('code') code: string): Promise<AreaView> {
    const found = await this.catalogue.area(code);
    if (!found) throw notInCatalogue('AREA', code);
    return found;
  }

  @Cacheable({ maxAgeSeconds: 60 })
  @Get('agencies')
  agencies(@Query() request: ListAgenciesRequest): Promise<{ items: AgencyView[]; nextCursor: string | null }> {
    return this.catalogue.agencies(request);
  }

  /** An agency with its staff and their roles there. */
  @Get('agencies/:code')
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
  officeHours(
    @Param('code') code: string,
    @Body() request: OfficeHoursRequest,
  ): Promise<{ code: string; officeHours: { start: string; end: string }[] | null }> {
    return this.setOfficeHours.execute(code, request.officeHours);
  }

  /** An officer (the token subject) with their status and every role they hold, at every agency. */
  @Get('officers/:id')
  async officer(@Param('id') id: string): Promise<OfficerView> {
    const found = await this.catalogue.officer(id);
    if (!found) throw notInCatalogue('OFFICER', id);
    return found;
  }

  @Cacheable({ maxAgeSeconds: 60 })
  @Get('procedures')
  procedures(): Promise<Procedure[]> {
    return this.catalogue.procedures();
  }

  /** A procedure with every published version of its process, oldest first. */
  @Cacheable({ maxAgeSeconds: 60 })
  @Get('procedures/:code')
  async procedure(@Param('code') code: string): Promise<ProcedureView> {
    const found = await this.catalogue.procedure(code);
    if (!found) throw notInCatalogue('PROCEDURE', code);
    return found;
  }

  /** Publishes a new process version, in force from now; dossiers already received keep theirs. */
  @Post('procedures/:code/versions')
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
  @HttpCode(200)
  deactivate(@Param('code') code: string): Promise<{ code: string; active: boolean }> {
    return this.deactivateProcedure.execute(code);
  }
}
