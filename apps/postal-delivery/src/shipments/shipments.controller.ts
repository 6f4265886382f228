import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, IntakeLookup, type Principal, Public } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest, isId } from '@motcua/persistence';
import { CancelShipment } from './cancel-shipment';
import { HandOverResult } from './hand-over-result';
import { shipmentNotFound } from './shipment-rules';
import { ShipmentQueries } from './shipment.queries';
import { ListShipmentsRequest, ShipmentNoteRequest } from './shipment.requests';
import { DossierTrackingView, ShipmentPage, ShipmentView } from './shipment.view';

/** The `:id` of a shipment (one the caller may not see reads as one that does not exist: 404 `SHIPMENT.NOT_FOUND`). */
const ShipmentId = () => ApiParam({ name: 'id', description: 'The shipment’s id', example: '0193b3c1-2d4e-7f50-9a61-b7c8d9e0f1a2' });

/** A note for the shipment's history, with an example in the desk's words. */
const ApiShipmentNote = (summary: string, note: string) =>
  ApiBody({ type: ShipmentNoteRequest, examples: { note: { summary, value: { note } }, none: { summary: 'Không ghi chú (gửi đối tượng rỗng)', value: {} } } });

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
  @ApiOperation({
    summary: 'Shipments of the caller’s desks, newest first',
    description:
      'The desk’s outgoing results (sent to applicants by post) and incoming dossiers (collected from applicants for the desk), and ' +
      'the shipments of dossiers the caller coordinates; filtered by desk (`agency`), `direction`, `state` or `dossierCode`. For ' +
      'officers: only they have desks, anyone else gets an empty page. Without their history (GET one for it). A page at a time: ' +
      '`limit` (1–100, 20 by default), then the answer’s `nextCursor` as `cursor` for the next (older) page, until it is null.',
  })
  @ApiOkResponse({ type: ShipmentPage, description: 'A page of shipments.' })
  list(@Query() request: ListShipmentsRequest, @CurrentPrincipal() caller: Principal): Promise<ShipmentPage> {
    // only officers have desks; anyone else sees an empty list
    const agencies = caller.kind === 'officer' ? caller.agencies : [];
    if (caller.kind !== 'officer') return Promise.resolve({ items: [], nextCursor: null });
    return this.queries.list({ ...request, agencies, coordinatorId: caller.subject });
  }

  @Get('shipments/:id')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'One shipment, with its history',
    description:
      'The shipment and everything that happened to it, oldest first: what the carrier said (late or repeated reports kept as ' +
      'history, `applied: false`), the desk’s hand-over or cancellation. For the officers of its desk and the dossier’s ' +
      'coordinator; a pick-up also for the applicant (citizen token) who booked it. One the caller may not see is 404, as if it did ' +
      'not exist.',
  })
  @ShipmentId()
  @ApiOkResponse({ type: ShipmentView, description: 'The shipment, with its history.' })
  @ApiProblems('SHIPMENT.NOT_FOUND')
  async get(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<ShipmentView> {
    const shipment = isId(id) ? await this.queries.visible(id, caller) : undefined;
    if (!shipment) throw shipmentNotFound(id);
    return shipment;
  }

  /** The returner hands the sealed result to the postman. */
  @Post('shipments/:id/handover')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The desk’s returner hands the sealed result to the postman',
    description:
      'Records that the postman took the sealed result (bàn giao kết quả cho bưu điện): the shipment is picked up, and the ' +
      'dossier’s control slip gets its row. For a returner of the shipment’s desk (another desk’s shipment is 404); only an ' +
      'outgoing result (422 `SHIPMENT.NOT_A_RESULT` for a pick-up) the carrier has issued its waybill for (409 ' +
      '`SHIPMENT.NO_WAYBILL_YET`: try again in a moment), not yet handed over or ended (409). Safe to retry with an ' +
      '`Idempotency-Key`.',
  })
  @ShipmentId()
  @ApiIdempotencyKey()
  @ApiShipmentNote('Bàn giao có ghi chú', 'Đã ký phiếu bàn giao với bưu tá Trần Văn Minh')
  @ApiOkResponse({ type: ShipmentView, description: 'The shipment, picked up, with its history.' })
  @ApiProblems(
    'SHIPMENT.NOT_FOUND',
    'SHIPMENT.RETURNER_ONLY',
    'SHIPMENT.NOT_A_RESULT',
    'SHIPMENT.NO_WAYBILL_YET',
    'SHIPMENT.ALREADY_HANDED_OVER',
    'SHIPMENT.CLOSED',
  )
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
  @ApiOperation({
    summary: 'Cancels a shipment before the postman has it',
    description:
      'The shipment is cancelled at once (nothing the carrier says moves it again) and the carrier’s order is cancelled by a queued ' +
      'call. For an officer of its desk, or, for a pick-up, the applicant (citizen token) who booked it; for anyone else it does ' +
      'not exist (404). Once the postman has it, it can no longer be cancelled (409). Safe to retry with an `Idempotency-Key`.',
  })
  @ShipmentId()
  @ApiIdempotencyKey()
  @ApiShipmentNote('Hủy có ghi lý do', 'Người dân đến nhận kết quả trực tiếp tại Bộ phận Một cửa')
  @ApiOkResponse({ type: ShipmentView, description: 'The shipment, cancelled, with its history.' })
  @ApiProblems('SHIPMENT.NOT_FOUND', 'SHIPMENT.ALREADY_PICKED_UP', 'SHIPMENT.CLOSED')
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
  @ApiOperation({
    summary: 'The applicant’s tracking of their result by post',
    description:
      'Where the result of the applicant’s dossier is on its way: waybill, state and the journey (no phone numbers, no officers). ' +
      'For the applicant themself: the lookup secret printed on the receipt (`X-Lookup-Secret`), or their citizen token (VNeID) ' +
      'when the dossier is theirs; intake checks either, and its limits on guessing apply here too. A wrong secret and a dossier ' +
      'that does not exist read the same (404); too many wrong guesses are 429 with `Retry-After`; 503 ' +
      '`SHIPMENT.LOOKUP_UNAVAILABLE` when intake cannot be asked just now. A dossier with no shipment (yet) answers an empty list.',
  })
  @ApiParam({ name: 'dossierCode', description: 'The dossier code printed on the receipt', example: '000.00.04.H26-261207-0001' })
  @ApiHeader({ name: 'X-Lookup-Secret', required: false, description: 'The lookup secret printed on the receipt', example: 'q3Zr8vKx1LmT' })
  @ApiOkResponse({ type: DossierTrackingView, description: 'The dossier’s shipments, oldest first.' })
  @ApiProblems('DOSSIER.NOT_FOUND', 'LOOKUP.TOO_MANY_ATTEMPTS', 'SHIPMENT.LOOKUP_UNAVAILABLE')
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
