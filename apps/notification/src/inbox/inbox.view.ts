import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A message in an officer's work inbox. */
@ApiSchema({ name: 'InboxMessage', description: 'A message in an officer’s work inbox' })
export class InboxMessageView {
  @ApiProperty({ format: 'uuid', example: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d' })
  id: string;

  @ApiProperty({ example: '000.00.01.H26-261126-0001' })
  dossierCode: string;

  @ApiProperty({ example: 'task.taken_away' })
  templateKey: string;

  @ApiProperty({ example: 'Hồ sơ 000.00.01.H26-261126-0001: nhiệm vụ bước 2 không còn do đồng chí xử lý' })
  subject: string;

  @ApiProperty({
    example:
      'Kính gửi đồng chí Trần Văn Nam,\n\nNhiệm vụ xử lý hồ sơ 000.00.01.H26-261126-0001 (bước 2 tại Phòng Hộ tịch) đã được chuyển cho đồng chí Lê Thị Mai bởi đồng chí Phạm Quốc Hùng lúc 09:05 ngày 26/11/2026.',
  })
  body: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T09:05:00.000+07:00' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the officer read it; null while unread.', example: null })
  readAt: string | null;
}

@ApiSchema({ name: 'InboxPage', description: 'A page of an officer’s inbox, newest first, with the unread count' })
export class InboxPage {
  @ApiProperty({ type: [InboxMessageView] })
  items: InboxMessageView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next (older) page; null on the last page.', example: null })
  nextCursor: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Unread messages in the whole inbox.', example: 3 })
  unread: number;
}

/** A message marked read: when it was first read. */
@ApiSchema({ name: 'InboxMessageRead', description: 'A message of the inbox, marked read' })
export class InboxMessageRead {
  @ApiProperty({ format: 'uuid', example: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d' })
  id: string;

  @ApiProperty({ format: 'date-time', description: 'When the officer first read it.', example: '2026-11-26T10:12:45.301+07:00' })
  readAt: string;
}
