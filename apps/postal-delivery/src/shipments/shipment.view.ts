import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SHIPMENT_DIRECTIONS, SHIPMENT_STATES, type ShipmentDirection, type ShipmentState } from '@motcua/contracts';

/** How a shipment's state reads in Vietnamese, for the desk and the applicant. */
export const SHIPMENT_STATE_NAMES: Readonly<Record<ShipmentState, string>> = {
  ordering: 'Đang gửi yêu cầu tới bưu điện',
  created: 'Bưu điện đã nhận đơn, chờ lấy bưu gửi',
  picked_up: 'Bưu điện đã nhận bưu gửi',
  in_transit: 'Đang vận chuyển',
  delivery_failed: 'Phát không thành công',
  delivered: 'Đã phát thành công',
  returned: 'Đã hoàn về người gửi',
  cancelled: 'Đã hủy',
  order_failed: 'Bưu điện từ chối đơn',
  incomplete: 'Hồ sơ chưa đủ giấy tờ, bưu điện chưa nhận',
  received: 'Bộ phận Một cửa đã tiếp nhận hồ sơ',
};

export class WaybillPartyView {
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty() street: string;
  @ApiProperty() wardCode: string;
  @ApiProperty() districtCode: string;
  @ApiProperty() provinceCode: string;
}

export class DocumentView {
  @ApiPropertyOptional() code?: string;
  @ApiProperty() name: string;
}

export class ShipmentEventView {
  @ApiProperty({ description: 'When it happened (the carrier’s time for what the carrier says)' }) at: string;
  @ApiProperty({ enum: SHIPMENT_STATES }) state: ShipmentState;
  @ApiProperty() stateName: string;
  @ApiProperty({ description: 'false: kept as history only (late, repeated in substance, or after the end)' }) applied: boolean;
  @ApiProperty({ enum: ['carrier', 'desk', 'applicant', 'system'] }) source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) carrierStatus: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
}

export class ShipmentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SHIPMENT_DIRECTIONS, description: 'outgoing: a result to the applicant; incoming: a dossier collected for the desk' })
  direction: ShipmentDirection;
  @ApiProperty({ description: 'The carrier’s order number: the dossier code of a result' }) orderNumber: string;
  @ApiPropertyOptional({ nullable: true, type: String }) dossierCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) waybill: string | null;
  @ApiProperty() agencyCode: string;
  @ApiProperty() procedureCode: string;
  @ApiProperty({ enum: SHIPMENT_STATES }) state: ShipmentState;
  @ApiProperty() stateName: string;
  @ApiProperty() stateChangedAt: string;
  @ApiProperty({ type: WaybillPartyView }) sender: WaybillPartyView;
  @ApiProperty({ type: WaybillPartyView }) receiver: WaybillPartyView;
  @ApiProperty({ description: 'Cash collected on delivery, đồng' }) codAmount: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The carrier’s fee, đồng' }) postalFee: number | null;
  @ApiProperty() weightGrams: number;
  @ApiProperty() service: string;
  @ApiPropertyOptional({ nullable: true, type: String }) windowStart: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) windowEnd: string | null;
  @ApiProperty({ type: [DocumentView], description: 'A pick-up’s checklist' }) documents: DocumentView[];
  @ApiPropertyOptional({ type: [DocumentView], nullable: true, description: 'What the postman found missing' }) missingDocuments: DocumentView[] | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: [ShipmentEventView], description: 'The history, oldest first (on a single shipment)' }) history?: ShipmentEventView[];
}

export class ShipmentPage {
  @ApiProperty({ type: [ShipmentView] }) items: ShipmentView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

/** What the applicant sees of their result's journey: no phone numbers, no officers. */
export class TrackingEventView {
  @ApiProperty() at: string;
  @ApiProperty({ enum: SHIPMENT_STATES }) state: ShipmentState;
  @ApiProperty() stateName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
}

export class TrackingShipmentView {
  @ApiPropertyOptional({ nullable: true, type: String }) waybill: string | null;
  @ApiProperty({ enum: SHIPMENT_STATES }) state: ShipmentState;
  @ApiProperty() stateName: string;
  @ApiProperty() stateChangedAt: string;
  @ApiProperty() codAmount: number;
  @ApiProperty({ type: [TrackingEventView] }) history: TrackingEventView[];
}

export class DossierTrackingView {
  @ApiProperty() dossierCode: string;
  @ApiProperty({ type: [TrackingShipmentView] }) shipments: TrackingShipmentView[];
}
