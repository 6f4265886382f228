import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
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

const STATES = `One of: ${SHIPMENT_STATES.map((state) => `${state} (${SHIPMENT_STATE_NAMES[state]})`).join('; ')}`;
const AT = { format: 'date-time', example: '2026-12-09T10:15:00.000+07:00' } as const;

@ApiSchema({ name: 'WaybillParty', description: 'One end of a waybill: who, a phone, the street, and the ward, district and province codes' })
export class WaybillPartyView {
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) name: string;
  @ApiProperty({ example: '0912345678' }) phone: string;
  @ApiProperty({ example: 'Số 12 phố Phó Đức Chính' }) street: string;
  @ApiProperty({ example: '00004', description: 'Statistics-office code of the ward' }) wardCode: string;
  @ApiProperty({ example: '001', description: 'Statistics-office code of the district' }) districtCode: string;
  @ApiProperty({ example: '01', description: 'Statistics-office code of the province or city' }) provinceCode: string;
}

@ApiSchema({ name: 'ShipmentDocument', description: 'A paper on a pick-up’s checklist, or one the postman found missing' })
export class DocumentView {
  @ApiPropertyOptional({ example: 'TK-KS', description: 'The procedure’s code for it, when it has one' }) code?: string;
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' }) name: string;
}

@ApiSchema({ name: 'ShipmentEvent', description: 'One event of a shipment’s history' })
export class ShipmentEventView {
  @ApiProperty({ ...AT, description: 'When it happened (the carrier’s time for what the carrier says)' }) at: string;
  @ApiProperty({ enum: SHIPMENT_STATES, example: 'picked_up' }) state: ShipmentState;
  @ApiProperty({ example: SHIPMENT_STATE_NAMES.picked_up }) stateName: string;
  @ApiProperty({ description: 'false: kept as history only (late, repeated in substance, or after the end)', example: true }) applied: boolean;
  @ApiProperty({ enum: ['carrier', 'desk', 'applicant', 'system'], example: 'desk' }) source: string;
  @ApiProperty({ nullable: true, type: String, description: 'The carrier’s own status, for what the carrier said', example: null }) carrierStatus:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who did it (token subject), for the desk’s and applicant’s acts', example: 'tra-ket-qua-ngoc-ha' })
  actorId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Their name, when known', example: 'Trần Thị Thu' }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Đã ký phiếu bàn giao với bưu tá Trần Văn Minh' }) note: string | null;
}

@ApiSchema({ name: 'Shipment', description: 'A result sent to an applicant by post, or a dossier collected from an applicant for the desk' })
export class ShipmentView {
  @ApiProperty({ format: 'uuid', example: '0193b3c1-2d4e-7f50-9a61-b7c8d9e0f1a2' }) id: string;
  @ApiProperty({
    enum: SHIPMENT_DIRECTIONS,
    description: 'outgoing: a result to the applicant; incoming: a dossier collected for the desk',
    example: 'outgoing',
  })
  direction: ShipmentDirection;
  @ApiProperty({ description: 'The carrier’s order number: the dossier code of a result', example: '000.00.04.H26-261207-0001' }) orderNumber: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The dossier; null for a pick-up until the desk receives it',
    example: '000.00.04.H26-261207-0001',
  })
  dossierCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The carrier’s waybill; null until the carrier issues it', example: 'EB000000001VN' })
  waybill: string | null;
  @ApiProperty({ description: 'The desk (Bộ phận Một cửa) it is from or for', example: '000.00.04.H26' }) agencyCode: string;
  @ApiProperty({ description: 'National procedure code', example: '1.001193' }) procedureCode: string;
  @ApiProperty({ enum: SHIPMENT_STATES, description: STATES, example: 'created' }) state: ShipmentState;
  @ApiProperty({ example: SHIPMENT_STATE_NAMES.created }) stateName: string;
  @ApiProperty(AT) stateChangedAt: string;
  @ApiProperty({ type: WaybillPartyView }) sender: WaybillPartyView;
  @ApiProperty({ type: WaybillPartyView }) receiver: WaybillPartyView;
  @ApiProperty({ description: 'Cash collected on delivery, đồng', example: 0 }) codAmount: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The carrier’s fee, đồng; null until the carrier quotes it', example: 22000 }) postalFee:
    number | null;
  @ApiProperty({ example: 250 }) weightGrams: number;
  @ApiProperty({ description: 'The carrier’s service', example: 'EMS' }) service: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'A pick-up’s collection window; null for a result', example: null })
  windowStart: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) windowEnd: string | null;
  @ApiProperty({ type: [DocumentView], description: 'A pick-up’s checklist (empty for a result)' }) documents: DocumentView[];
  @ApiProperty({ type: [DocumentView], nullable: true, description: 'What the postman found missing; null when nothing was', example: null })
  missingDocuments: DocumentView[] | null;
  @ApiProperty(AT) createdAt: string;
  @ApiPropertyOptional({ type: [ShipmentEventView], description: 'The history, oldest first: on a single shipment only, absent from lists' })
  history?: ShipmentEventView[];
}

@ApiSchema({ name: 'ShipmentPage', description: 'A page of shipments, newest first (without their history)' })
export class ShipmentPage {
  @ApiProperty({ type: [ShipmentView] }) items: ShipmentView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.', example: null }) nextCursor:
    string | null;
}

/** What the applicant sees of their result's journey: no phone numbers, no officers. */
@ApiSchema({ name: 'TrackingEvent', description: 'A step of the result’s journey, as the applicant sees it' })
export class TrackingEventView {
  @ApiProperty(AT) at: string;
  @ApiProperty({ enum: SHIPMENT_STATES, example: 'in_transit' }) state: ShipmentState;
  @ApiProperty({ example: SHIPMENT_STATE_NAMES.in_transit }) stateName: string;
  @ApiProperty({ nullable: true, type: String, description: 'The carrier’s note (why a delivery failed); the desk’s notes are not shown', example: null })
  note: string | null;
}

@ApiSchema({ name: 'TrackingShipment', description: 'A shipment of the applicant’s result: no phone numbers, no officers' })
export class TrackingShipmentView {
  @ApiProperty({ nullable: true, type: String, description: 'The waybill, to follow on the carrier’s site; null until issued', example: 'EB000000001VN' })
  waybill: string | null;
  @ApiProperty({ enum: SHIPMENT_STATES, example: 'in_transit' }) state: ShipmentState;
  @ApiProperty({ example: SHIPMENT_STATE_NAMES.in_transit }) stateName: string;
  @ApiProperty(AT) stateChangedAt: string;
  @ApiProperty({ description: 'Cash to pay the postman on delivery, đồng', example: 0 }) codAmount: number;
  @ApiProperty({ type: [TrackingEventView], description: 'Oldest first' }) history: TrackingEventView[];
}

@ApiSchema({ name: 'DossierTracking', description: 'Where the result of a dossier is on its way by post' })
export class DossierTrackingView {
  @ApiProperty({ example: '000.00.04.H26-261207-0001' }) dossierCode: string;
  @ApiProperty({ type: [TrackingShipmentView], description: 'Oldest first; empty when nothing was sent (yet)' }) shipments: TrackingShipmentView[];
}
