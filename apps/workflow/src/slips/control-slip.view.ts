import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { Timeliness } from '@motcua/calendar';
import { ReceivedDocument } from '../tasks/task.view';

const TIMELINESS = ['early', 'on_time', 'late', null];

@ApiSchema({ name: 'ControlSlipOwnerChange', description: 'A change of a step’s owner within the step: a hand-over between officers of its agency' })
export class OwnerChangeView {
  @ApiProperty({ enum: ['claimed', 'assigned', 'reassigned', 'released'], example: 'claimed' })
  change: 'claimed' | 'assigned' | 'reassigned' | 'released';

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The owner after it; null when the task went back to the queue',
    example: '004.01.20.H26.specialist.1',
  })
  ownerId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Nguyễn Văn An' })
  ownerName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who made it (`system` for an automatic assignment)', example: '004.01.20.H26.specialist.1' })
  by: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Nguyễn Văn An' })
  byName: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:20:00+07:00' })
  at: string;
}

@ApiSchema({ name: 'ControlSlipShipment', description: 'The shipment a postal row is about' })
export class SlipShipmentView {
  @ApiProperty({ example: '5b0d2c1e-8f3a-4d6b-9c2e-7a1f0e3d4c5b' })
  shipmentId: string;

  @ApiProperty({ description: 'The shipment’s update this row is', example: 2 })
  sequence: number;

  @ApiProperty({ type: String, nullable: true, description: 'Số vận đơn', example: 'EB123456789VN' })
  waybill: string | null;
}

/** A row of the process-control slip: one hand-over (slips/control-slip.ts builds it). */
@ApiSchema({ name: 'ControlSlipRow', description: 'One hand-over of the dossier: a step’s task, or what the post did with the result' })
export class SlipRowView {
  @ApiProperty({ enum: ['step', 'postal'], description: 'A step’s task, or what the post did with the result sent to the applicant' })
  kind: 'step' | 'postal';

  @ApiProperty({ example: 2 })
  stepNumber: number;

  @ApiProperty({ example: 'Thẩm định hồ sơ' })
  stepName: string;

  @ApiProperty({ example: '004.01.20.H26' })
  agencyCode: string;

  @ApiProperty({ example: 'Ủy ban nhân dân phường Trúc Bạch' })
  agencyName: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Bên giao: the desk officer who received the dossier, or the owner of the step before (the post, for a postal row)',
    example: '004.01.20.H26.receiver.1',
  })
  givenBy: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Trần Thị Bình' })
  givenByName: string | null;

  @ApiProperty({ format: 'date-time', description: 'Thời gian giao', example: '2026-12-07T09:15:00+07:00' })
  handedOverAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'Bên nhận: its owner when it ended, or its owner now (null while it waits in the queue)' })
  receivedBy: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Nguyễn Văn An' })
  receivedByName: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When it was first taken from the queue' })
  receivedAt: string | null;

  @ApiProperty({ type: [OwnerChangeView], description: 'Every change of owner within the step, in order' })
  ownerChanges: OwnerChangeView[];

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  completedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who ended it: its owner, or the desk officer who recorded the applicant’s withdrawal' })
  completedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  completedByName: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Hạn xử lý của bước: its budget in working hours from the hand-over' })
  stepDeadline: string | null;

  @ApiProperty({ enum: TIMELINESS, nullable: true, description: 'Finished early, on time or late against the step’s deadline; null while the step is open' })
  result: Timeliness | null;

  @ApiProperty({ type: String, nullable: true, description: 'The action that finished the step (forward, send_back, sign, hand_over, postal_delivered…)' })
  outcome: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Hồ sơ đầy đủ, hợp lệ' })
  note: string | null;

  @ApiPropertyOptional({ type: () => SlipShipmentView, description: 'For a postal row only: the shipment and its update' })
  shipment?: SlipShipmentView;
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ, as officers read it: codes, and beside them names (null where unknown). */
@ApiSchema({ name: 'ControlSlip', description: 'Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over of a dossier between steps, agencies and levels' })
export class ControlSlipView {
  @ApiProperty({ example: '004.01.20.H26-261207-0001' })
  dossierCode: string;

  @ApiProperty({ example: '1.001193' })
  procedureCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'Thủ tục đăng ký khai sinh' })
  procedureName: string | null;

  @ApiProperty({ description: 'The process version the dossier is pinned to', example: 1 })
  processVersion: number;

  @ApiProperty({ example: '004.01.20.H26.receiver.1' })
  coordinatorId: string;

  @ApiProperty({ type: String, nullable: true, example: 'Trần Thị Bình' })
  coordinatorName: string | null;

  @ApiProperty({ example: '004.01.20.H26' })
  receivingAgencyCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ủy ban nhân dân phường Trúc Bạch' })
  receivingAgencyName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Chủ hồ sơ (null for a dossier received before receipts were kept)', example: 'Lê Minh Châu' })
  applicantName: string | null;

  @ApiProperty({ type: [ReceivedDocument], nullable: true, description: 'What the desk received (null for a dossier received before receipts were kept)' })
  documents: ReceivedDocument[] | null;

  @ApiProperty({ enum: ['in_progress', 'awaiting_supplement', 'closed'], description: 'The case’s own state', example: 'in_progress' })
  status: string;

  @ApiProperty({ example: 4 })
  nationalStatus: number;

  @ApiProperty({ example: 'Đang xử lý' })
  nationalStatusName: string;

  @ApiProperty({ example: 'InProgress' })
  nationalStatusKey: string;

  @ApiProperty({ type: String, nullable: true, description: 'How processing ended (returned, processed, stopped, withdrawn), once it has', example: null })
  outcome: string | null;

  @ApiProperty({ description: 'How many times the applicant was asked for a supplement', example: 0 })
  supplementRounds: number;

  @ApiProperty({ description: 'The case’s version: the desk’s commands (withdrawal, coordinator) send it', example: 4 })
  version: number;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The appointment (after pauses and extensions)' })
  appointmentAt: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The appointment first printed on the receipt' })
  originalAppointmentAt: string | null;

  @ApiProperty({ enum: TIMELINESS, nullable: true, description: 'Once processing ended: early, on time or late against the appointment (the national method)' })
  result: Timeliness | null;

  @ApiProperty({ type: [SlipRowView], description: 'The hand-overs, in order: the steps, then what the post did with the result' })
  rows: SlipRowView[];
}
