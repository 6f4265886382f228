import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { GroupBy } from './statistics.queries';

@ApiSchema({ name: 'StatisticsChannels', description: 'New dossiers by the channel they came in by' })
export class ChannelCounts {
  @ApiProperty({ description: 'Trực tiếp: at the desk', example: 120 })
  inPerson: number;

  @ApiProperty({ description: 'Trực tuyến: online, from the National Portal', example: 45 })
  online: number;

  @ApiProperty({ description: 'Qua dịch vụ bưu chính công ích: by post', example: 6 })
  post: number;
}

@ApiSchema({ name: 'StatisticsReceived', description: 'Số hồ sơ nhận giải quyết' })
export class ReceivedCounts {
  @ApiProperty({ description: 'Kỳ trước chuyển qua: received before the period, not yet resolved when it began', example: 12 })
  carriedOver: number;

  @ApiProperty({ description: 'Mới tiếp nhận: received in the period', example: 171 })
  new: number;

  @ApiProperty({ type: () => ChannelCounts })
  byChannel: ChannelCounts;
}

@ApiSchema({ name: 'StatisticsResolved', description: 'Số hồ sơ đã giải quyết in the period, against the appointment' })
export class ResolvedCounts {
  @ApiProperty({ example: 150 })
  total: number;

  @ApiProperty({ description: 'Trước hạn: an earlier day than the appointment', example: 90 })
  early: number;

  @ApiProperty({ description: 'Đúng hạn: by the appointment', example: 55 })
  onTime: number;

  @ApiProperty({ description: 'Quá hạn: after it, or asked for more than one supplement', example: 5 })
  late: number;
}

@ApiSchema({ name: 'StatisticsInProgress', description: 'Số hồ sơ đang giải quyết at the period’s end (or now)' })
export class InProgressCounts {
  @ApiProperty({ example: 28 })
  total: number;

  @ApiProperty({ description: 'Trong hạn', example: 26 })
  withinTime: number;

  @ApiProperty({ description: 'Quá hạn', example: 2 })
  overdue: number;
}

@ApiSchema({ name: 'StatisticsRow', description: 'The counts of one agency, procedure or level (or of all)' })
export class NamedStatisticsRow {
  @ApiProperty({ description: 'The agency code, the procedure code, the level, or `all` (as `groupBy` says)', example: '004.01.20.H26' })
  key: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The name of what the row counts (null where unknown)',
    example: 'Ủy ban nhân dân phường Trúc Bạch',
  })
  name: string | null;

  @ApiProperty({ type: () => ReceivedCounts })
  received: ReceivedCounts;

  @ApiProperty({ type: () => ResolvedCounts })
  resolved: ResolvedCounts;

  @ApiProperty({ type: () => InProgressCounts })
  inProgress: InProgressCounts;

  @ApiProperty({ description: 'Chờ bổ sung: waiting for the applicant now', example: 3 })
  waitingForSupplement: number;

  @ApiProperty({ description: 'Dừng xử lý', example: 1 })
  stopped: number;

  @ApiProperty({ description: 'Rút hồ sơ', example: 1 })
  withdrawn: number;
}

@ApiSchema({ name: 'Statistics', description: 'Thống kê tình hình giải quyết hồ sơ of one period, by the national method' })
export class StatisticsView {
  @ApiProperty({ format: 'date', example: '2026-01-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  to: string;

  @ApiProperty({ enum: ['agency', 'procedure', 'level', 'none'], example: 'agency' })
  groupBy: GroupBy;

  @ApiProperty({ type: [NamedStatisticsRow] })
  rows: NamedStatisticsRow[];
}
