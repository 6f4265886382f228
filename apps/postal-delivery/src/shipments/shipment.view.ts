import { ApiProperty } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import { SHIPMENT_KINDS, SHIPMENT_STATUSES } from './shipment';
import type { Shipment } from './shipment.entity';

export class ShipmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '000.00.01.H26-261126-0001' })
  dossierCode: string;

  @ApiProperty({ enum: SHIPMENT_KINDS, description: 'pick_up: dossier to the desk; delivery: result to the applicant.' })
  kind: string;

  @ApiProperty({ enum: SHIPMENT_STATUSES })
  status: string;

  @ApiProperty({ example: '2026-11-26T09:05:00.000+07:00' })
  createdAt: string;
}

export class ShipmentPage {
  @ApiProperty({ type: [ShipmentView] })
  items: ShipmentView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}

export function toShipmentView(shipment: Shipment): ShipmentView {
  return {
    id: shipment.id,
    dossierCode: shipment.dossierCode,
    kind: shipment.kind,
    status: shipment.status,
    createdAt: toVietnamIso(shipment.createdAt),
  };
}
