import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@motcua/auth';
import { type CommandHttpResponse, IdempotencyKey, answerCommand, idempotentRequest } from '@motcua/persistence';
import { ShipmentView } from '../shipments/shipment.view';
import { RequestPickup } from './request-pickup';
import { RequestPickupRequest } from './request-pickup.request';

@ApiTags('pickups')
@ApiBearerAuth()
@Controller('api/v1/pickups')
export class PickupsController {
  constructor(private readonly requestPickup: RequestPickup) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Books the post to collect a dossier at the applicant’s address (a citizen token, or a receiver of the desk for them): the postman checks the papers against the procedure’s documents and brings them to the desk.',
  })
  @ApiCreatedResponse({ type: ShipmentView })
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
