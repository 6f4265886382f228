import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@motcua/auth';
import { ListShipmentsRequest } from './list-shipments.request';
import { ListShipments } from './list-shipments';
import { ShipmentPage } from './shipment.view';

@ApiTags('shipments')
@ApiBearerAuth()
@Controller('api/v1/shipments')
export class ShipmentsController {
  constructor(private readonly listShipments: ListShipments) {}

  @Get()
  @Roles(...Object.values(Role))
  @ApiOperation({ summary: "A dossier's postal shipments (pick-up of the dossier, delivery of the result), oldest first." })
  @ApiOkResponse({ type: ShipmentPage })
  list(@Query() request: ListShipmentsRequest): Promise<ShipmentPage> {
    return this.listShipments.execute(request);
  }
}
