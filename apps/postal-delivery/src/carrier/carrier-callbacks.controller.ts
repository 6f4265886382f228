import { Body, Controller, HttpCode, Logger, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { ApiProblems } from '@motcua/errors';
import { ApiSignedBody } from '@motcua/http';
import { ApplyCarrierEvent } from './apply-carrier-event';
import { CarrierCallbackSignatureGuard } from './carrier-callback-signature.guard';
import { CarrierCallbackRequest } from './carrier-callback.request';
import { carrierEventOf } from './vnpost-carrier';

@ApiSchema({ name: 'CarrierCallbackAnswer', description: 'The acknowledgement of a carrier’s status callback' })
export class CarrierCallbackAnswer {
  @ApiProperty({
    enum: ['applied', 'recorded', 'duplicate', 'unknown'],
    description:
      'applied: the shipment moved; recorded: kept as history (late, or no change); duplicate: heard before; unknown: no shipment of ours, or a status this version cannot read',
    example: 'applied',
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
  @ApiOperation({
    summary: 'A status callback from the postal carrier',
    description:
      'The carrier (VNPost) tells us what happened to a waybill: picked up, in transit, delivered, failed, returned, or a pick-up ' +
      'found incomplete (docs/postal-carrier.md). Called by the carrier only: it has no token of ours, so the body is signed ' +
      '(`X-Signature`, keyed with CARRIER_CALLBACK_SECRET). Applied once (by `EventId`), in the order of the carrier’s own event ' +
      'time: a late event is kept as history only. Answered 200 whatever it changed (a repeat, a late event, a waybill that is not ' +
      'ours, a status this version cannot read), so that the carrier stops retrying.',
  })
  @ApiSignedBody('CARRIER_CALLBACK_SECRET')
  @ApiBody({
    type: CarrierCallbackRequest,
    examples: {
      delivered: {
        summary: 'Bưu tá đã phát kết quả cho người dân',
        value: {
          EventId: 'EB000000001VN-3',
          ItemCode: 'EB000000001VN',
          OrderNumber: '000.00.04.H26-261207-0001',
          Status: 'DELIVERED',
          EventTime: '2026-12-09T10:15:00+07:00',
          Note: 'Phát thành công',
          ReceiverName: 'Nguyễn Thị Lan',
        },
      },
    },
  })
  @ApiOkResponse({ type: CarrierCallbackAnswer, description: 'Acknowledged: the carrier stops retrying this callback.' })
  @ApiProblems('CARRIER.CALLBACK_SIGNATURE_INVALID')
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
