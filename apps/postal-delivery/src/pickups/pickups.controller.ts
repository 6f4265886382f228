import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
import { ApiIdempotencyKey, type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { ShipmentView } from '../shipments/shipment.view';
import { RequestPickup } from './request-pickup';
import { RequestPickupRequest } from './request-pickup.request';

@ApiTags('pickups')
@ApiBearerAuth()
@Controller('api/v1/pickups')
export class PickupsController {
  constructor(private readonly requestPickup: RequestPickup) {}

  @Post()
  @ApiOperation({
    summary: 'Books the post to collect a dossier at the applicant’s address',
    description:
      'The post collects the applicant’s papers at their address in the window given (from 1 to 24 hours long, starting at most 30 days ahead) ' +
      'and brings them to the desk; the postman checks them against the procedure’s required documents (the answer’s ' +
      '`documents`). For the applicant (citizen token), or a receiver or the head of the desk booking it for them (403 ' +
      '`PICKUP.DESK_NOT_YOURS` for another desk); any other caller is 403 `AUTH.FORBIDDEN`. The procedure must be received by post, ' +
      'the agency a one-stop desk and the ward one in the catalogue (422). The carrier is asked right after: the shipment starts ' +
      '`ordering`, its waybill comes later. Safe to retry with an `Idempotency-Key`.',
  })
  @ApiIdempotencyKey()
  @ApiBody({
    type: RequestPickupRequest,
    examples: {
      birth: {
        summary: 'Thu gom hồ sơ đăng ký khai sinh tại nhà người dân',
        value: {
          procedureCode: '1.001193',
          agencyCode: '000.00.04.H26',
          address: { recipient: 'Nguyễn Thị Lan', phone: '0912345678', street: 'Số 12 phố Phó Đức Chính', wardCode: '00004' },
          windowStart: '2026-12-08T08:00:00+07:00',
          windowEnd: '2026-12-08T11:00:00+07:00',
          note: 'Gọi điện trước khi đến',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: ShipmentView, description: 'The pick-up, being ordered from the carrier, with its history.' })
  @ApiProblems(
    'AUTH.FORBIDDEN',
    'PICKUP.DESK_NOT_YOURS',
    'PICKUP.PROCEDURE_UNKNOWN',
    'PICKUP.CHANNEL_NOT_ALLOWED',
    'PICKUP.DESK_UNKNOWN',
    'PICKUP.WARD_UNKNOWN',
    'PICKUP.WINDOW_INVALID',
  )
  async create(
    @Body() request: RequestPickupRequest,
    @CurrentPrincipal() caller: Principal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ): Promise<ShipmentView> {
    const idempotency = idempotentRequest(key, caller.subject, 'POST /pickups', request);
    return answerCommand(response, await this.requestPickup.execute(request, caller, idempotency));
  }
}
