import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, IntakeLookup, type Principal, Public } from '@motcua/auth';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest, isId } from '@motcua/persistence';
import { CancelShipment } from './cancel-shipment';
import { HandOverResult } from './hand-over-result';
import { shipmentNotFound } from './shipment-rules';
import { ShipmentQueries } from './shipment.queries';
import { ListShipmentsRequest, ShipmentNoteRequest } from './shipment.requests';
import { DossierTrackingView, ShipmentPage, ShipmentView } from './shipment.view';

@ApiTags('shipments')
@Controller('api/v1')
export class ShipmentsController {
  constructor(
    private readonly queries: ShipmentQueries,
    private readonly handOverResult: HandOverResult,
    private readonly cancelShipment: CancelShipment,
    private readonly intake: IntakeLookup,
  ) {}

  /** The desk's outgoing results and incoming dossiers, newest first; a dossier's shipments with `dossierCode`. */
  @Get('shipments')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Shipments of the caller’s desks (and of dossiers they coordinate), filtered by desk, direction, state or dossier; newest first.' })
  @ApiOkResponse({ type: ShipmentPage })
  list(@Query() request: ListShipmentsRequest, @CurrentPrincipal() caller: Principal): Promise<ShipmentPage> {
    // only officers have desks; anyone else sees an empty list
    const agencies = caller.kind === 'officer' ? caller.agencies : [];
    if (caller.kind !== 'officer') return Promise.resolve({ items: [], nextCursor: null });
    return this.queries.list({ ...request, agencies, coordinatorId: caller.subject });
  }

  @Get('shipments/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One shipment with its history: for its desk and the dossier’s coordinator; a pick-up also for the applicant who booked it.' })
  @ApiOkResponse({ type: ShipmentView })
  @ApiNotFoundResponse({ description: 'SHIPMENT.NOT_FOUND: no such shipment, or not one the caller may see.' })
  async get(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<ShipmentView> {
    const shipment = isId(id) ? await this.queries.visible(id, caller) : undefined;
    if (!shipment) throw shipmentNotFound(id);
    return shipment;
  }

  /** The returner hands the sealed result to the postman. */
  @Post('shipments/:id/handover')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'The desk’s returner hands the sealed result to the postman: a row of the dossier’s control slip.' })
  @ApiOkResponse({ type: ShipmentView })
  @ApiConflictResponse({ description: 'SHIPMENT.NO_WAYBILL_YET, SHIPMENT.ALREADY_HANDED_OVER, SHIPMENT.CLOSED' })
  async handover(
    @Param('id') id: string,
    @Body() body: ShipmentNoteRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<ShipmentView> {
    const idempotency = idempotentRequest(key, caller.subject, `POST /shipments/${id}/handover`, body);
    return answerCommand(response, await this.handOverResult.execute(id, caller, body.note, idempotency));
  }

  /** Cancelled before the postman has it. */
  @Post('shipments/:id/cancel')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Cancels a shipment before pick-up: an officer of its desk, or the applicant who booked a pick-up.' })
  @ApiOkResponse({ type: ShipmentView })
  @ApiConflictResponse({ description: 'SHIPMENT.ALREADY_PICKED_UP, SHIPMENT.CLOSED' })
  async cancel(
    @Param('id') id: string,
    @Body() body: ShipmentNoteRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<ShipmentView> {
    const idempotency = idempotentRequest(key, caller.subject, `POST /shipments/${id}/cancel`, body);
    return answerCommand(response, await this.cancelShipment.execute(id, caller, body.note, idempotency));
  }

  /** The applicant follows their result: the dossier code and the lookup secret printed on the receipt (or their citizen token). */
  @Get('tracking/:dossierCode')
  @Public()
  @ApiHeader({ name: 'X-Lookup-Secret', required: false, description: 'The secret printed on the receipt' })
  @ApiOperation({ summary: 'The applicant’s tracking of their result by post: waybill, state and journey (no phones, no officers).' })
  @ApiOkResponse({ type: DossierTrackingView })
  @ApiNotFoundResponse({ description: 'DOSSIER.NOT_FOUND: no such dossier, or the secret is wrong (the two read the same).' })
  async tracking(
    @Param('dossierCode') code: string,
    @Headers('x-lookup-secret') lookupSecret: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Ip() clientIp: string,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<DossierTrackingView> {
    await this.intake.ensureApplicant(
      code,
      { lookupSecret, authorization, clientIp },
      { unavailableCode: 'SHIPMENT.LOOKUP_UNAVAILABLE', retryAfter: (seconds) => response.header('Retry-After', seconds) },
    );
    return { dossierCode: code, shipments: await this.queries.tracking(code) };
  }
}
