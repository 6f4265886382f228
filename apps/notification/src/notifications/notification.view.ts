import { ApiProperty } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import type { Notification } from './notification.entity';

/** One entry of the delivery log as REST clients see it; times in Vietnam with their offset. */
export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '000.00.01.H26-261126-0001' })
  dossierCode: string;

  @ApiProperty({ example: '000.00.01.H26', description: 'The agency that received the dossier.' })
  receivingAgencyCode: string;

  @ApiProperty({ example: 'dossier.received' })
  templateKey: string;

  @ApiProperty({ enum: ['email', 'sms', 'none'] })
  channel: string;

  @ApiProperty({ type: String, nullable: true, description: 'Email address or phone number; null when the channel is none.' })
  recipient: string | null;

  @ApiProperty({ example: 'Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận' })
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ enum: ['pending', 'no_contact'], description: 'pending: waiting for its channel; no_contact: the applicant gave no email or phone.' })
  status: string;

  @ApiProperty({ example: '2026-11-26T09:05:00.000+07:00' })
  createdAt: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] })
  items: NotificationView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}

export function toNotificationView(notification: Notification): NotificationView {
  return {
    id: notification.id,
    dossierCode: notification.dossierCode,
    receivingAgencyCode: notification.receivingAgencyCode,
    templateKey: notification.templateKey,
    channel: notification.channel,
    recipient: notification.recipient,
    subject: notification.subject,
    body: notification.body,
    status: notification.status,
    createdAt: toVietnamIso(notification.createdAt),
  };
}
