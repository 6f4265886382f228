import { Body, Controller, HttpCode, Logger, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { SIGNATURE_HEADER } from '@motcua/http';
import { ApplyCarrierEvent } from './apply-carrier-event';
import { CarrierCallbackSignatureGuard } from './carrier-callback-signature.guard';
import { CarrierCallbackRequest } from './carrier-callback.request';
import { carrierEventOf } from './vnpost-carrier';

export class CarrierCallbackAnswer {
  @ApiProperty({
    enum: ['applied', 'recorded', 'duplicate', 'unknown'],
    description: 'applied: the shipment moved; recorded: kept as history (late, or no change); duplicate: heard before; unknown: no shipment of ours',
  })
  outcome: string;
}

@ApiTags('carrier')
@Controller('api/v1/carrier/callbacks')
export class CarrierCallbacksController {
  private readonly logger = new Logger(CarrierCallbacksController.name);

  constructor(private readonly applyCarrierEvent: ApplyCarrierEvent) {}

  /**
   * The carrier tells us what happened to a waybill. Answered 200 whatever it changed (a repeat, a late event, a
   * waybill that is not ours), so the carrier stops retrying; 401 when the signature is wrong, 400 when malformed.
   */
  @Post()
  @Public()
  @UseGuards(CarrierCallbackSignatureGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'A status callback from the postal carrier (signed), applied once, in the order of the carrier’s own event time.' })
  @ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 'sha256=<hex HMAC-SHA256 of the raw body, keyed with CARRIER_CALLBACK_SECRET>' })
  @ApiOkResponse({ type: CarrierCallbackAnswer })
  @ApiUnauthorizedResponse({ description: 'CARRIER.CALLBACK_SIGNATURE_INVALID: the signature is missing or wrong; nothing changed.' })
  async receive(@Body() callback: CarrierCallbackRequest): Promise<CarrierCallbackAnswer> {
    const carrierEvent = carrierEventOf(callback);
    if (carrierEvent === null) {
      this.logger.warn({ waybill: callback.ItemCode, status: callback.Status, eventTime: callback.EventTime }, 'a callback this version cannot read: skipped');
      return { outcome: 'unknown' };
    }
    const outcome = await this.applyCarrierEvent.execute(carrierEvent);
    if (outcome === 'unknown') this.logger.warn({ waybill: callback.ItemCode, orderNumber: callback.OrderNumber }, 'a callback about no shipment of ours');
    return { outcome };
  }
}
