import { ApiProperty } from '@nestjs/swagger';

/** A message in an officer's work inbox. */
export class InboxMessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '000.00.01.H26-261126-0001' })
  dossierCode: string;

  @ApiProperty({ example: 'task.taken_away' })
  templateKey: string;

  @ApiProperty({ example: 'Hồ sơ 000.00.01.H26-261126-0001: nhiệm vụ bước 2 không còn do đồng chí xử lý' })
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ example: '2026-11-26T09:05:00.000+07:00' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'When the officer read it; null while unread.' })
  readAt: string | null;
}

export class InboxPage {
  @ApiProperty({ type: [InboxMessageView] })
  items: InboxMessageView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next (older) page; null on the last page.' })
  nextCursor: string | null;

  @ApiProperty({ description: 'Unread messages in the whole inbox.' })
  unread: number;
}
