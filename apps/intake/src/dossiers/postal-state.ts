import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { SHIPMENT_STATES, type ShipmentState } from '@motcua/contracts';

/**
 * Trạng thái bưu chính: the state of the result's shipment as the desk and the applicant read it. It lives beside
 * the national status and never sets it: "result returned" (10) comes from workflow, which closes the case when the
 * post delivered.
 */
const POSTAL_STATE_NAMES: Readonly<Record<ShipmentState, string>> = {
  ordering: 'Đang đăng ký gửi qua bưu điện',
  created: 'Đã tạo vận đơn, chờ bưu điện đến nhận',
  picked_up: 'Đã giao cho bưu điện',
  in_transit: 'Đang vận chuyển',
  delivery_failed: 'Phát không thành công',
  delivered: 'Đã phát thành công',
  returned: 'Đã hoàn về Bộ phận Một cửa',
  cancelled: 'Đã hủy gửi qua bưu điện',
  order_failed: 'Bưu điện không nhận đơn gửi',
  incomplete: 'Hồ sơ chưa đủ thành phần, bưu điện chưa nhận',
  received: 'Bộ phận Một cửa đã nhận hồ sơ',
};

/** The state's Vietnamese name; a state a newer postal-delivery added is shown by its key rather than not at all. */
export function postalStateName(state: string): string {
  return POSTAL_STATE_NAMES[state as ShipmentState] ?? state;
}

/** The postal state as views show it. */
@ApiSchema({ name: 'PostalState', description: 'Trạng thái bưu chính: where the result’s shipment is, beside the national status' })
export class PostalStateView {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'EB123456789VN',
    description: 'The carrier’s waybill, to follow it at the carrier (null until issued)',
  })
  waybill: string | null;
  @ApiProperty({
    example: 'in_transit',
    description: `The shipment’s state: ${SHIPMENT_STATES.map((state) => `\`${state}\``).join(', ')} (a state a newer postal-delivery adds is shown by its key)`,
  })
  state: string;
  /** `Đang vận chuyển`: as the desk and the applicant read it. */
  @ApiProperty({ example: 'Đang vận chuyển', description: 'As the desk and the applicant read it' })
  stateName: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-09T10:15:00.000+07:00', description: 'When the state last changed, by the carrier’s clock' })
  updatedAt: string;
}
