import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import type { Notification } from './notification.entity';

/** One attempt to hand a message to its provider, or a provider's delivery report. */
@ApiSchema({ name: 'DeliveryAttempt', description: 'One attempt to hand a message to its provider, or the provider’s delivery report' })
export class DeliveryAttemptView {
  @ApiProperty({ example: 1, description: 'Its number, from 1' })
  attempt: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T09:05:00.120+07:00' })
  startedAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T09:05:00.180+07:00' })
  finishedAt: string;

  @ApiProperty({
    enum: ['accepted', 'transient', 'permanent', 'delivered', 'undelivered'],
    description: 'accepted by the provider; transient: failed, retried later; permanent: will never go; delivered / undelivered: the provider’s report',
    example: 'accepted',
  })
  outcome: string;

  @ApiProperty({ type: String, nullable: true, description: 'What the provider answered.', example: '250 2.0.0 Ok: queued as 4BZ1xK0Q2Lz' })
  response: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it failed; null when it did not.', example: null })
  error: string | null;
}

/** One entry of the delivery log as REST clients see it; times in Vietnam with their offset. */
@ApiSchema({ name: 'Notification', description: 'A message of the delivery log: to whom, by which channel, what it said and how it went' })
export class NotificationView {
  @ApiProperty({ format: 'uuid', example: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d' })
  id: string;

  @ApiProperty({ example: '000.00.01.H26-261126-0001' })
  dossierCode: string;

  @ApiProperty({ example: '000.00.01.H26', description: 'The agency that received the dossier.' })
  receivingAgencyCode: string;

  @ApiProperty({ example: 'dossier.received', description: 'The message template it was written from (GET /api/v1/templates).' })
  templateKey: string;

  @ApiProperty({ enum: ['email', 'sms', 'webhook', 'officer', 'none'], example: 'email', description: 'none: the applicant gave no email or phone.' })
  channel: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Email address, phone number, webhook subscription id or officer id; null when the channel is none.',
    example: 'hoa@example.vn',
  })
  recipient: string | null;

  @ApiProperty({ example: 'Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận' })
  subject: string;

  @ApiProperty({
    example:
      'Kính gửi bà Nguyễn Thị Hoa,\n\nHồ sơ 000.00.01.H26-261126-0001 của bà đã được tiếp nhận.\n- Thủ tục hành chính: Đăng ký khai sinh (1.001193)\n- Đơn vị tiếp nhận: Sở Tư pháp thành phố Hà Nội',
  })
  body: string;

  @ApiProperty({
    enum: ['pending', 'sent', 'delivered', 'undelivered', 'failed', 'no_contact'],
    description:
      'pending: waiting for its channel (or retrying); sent: accepted by the provider; delivered / undelivered: as the provider reported; failed: will not go (see lastError); no_contact: the applicant gave no email or phone. An officer’s message is delivered to their inbox at once.',
  })
  status: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T09:05:00.000+07:00' })
  createdAt: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it is due to be tried next, while pending; null otherwise.',
    example: null,
  })
  nextAttemptAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the provider accepted it.', example: '2026-11-26T09:05:00.180+07:00' })
  sentAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the provider reported it delivered.', example: null })
  deliveredAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed, or why it was not delivered.', example: null })
  lastError: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'When the desk sent a message again: the message it repeats.', example: null })
  resendOf: string | null;

  @ApiProperty({ type: [DeliveryAttemptView], description: 'Every attempt and delivery report, in order.' })
  attempts: DeliveryAttemptView[];
}

@ApiSchema({ name: 'NotificationPage', description: 'A page of a dossier’s delivery log, oldest first' })
export class NotificationPage {
  @ApiProperty({ type: [NotificationView] })
  items: NotificationView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.', example: null })
  nextCursor: string | null;
}

/** What a resend answers: the new message, due now. */
@ApiSchema({ name: 'ResentNotification', description: 'The new message a resend made, due now' })
export class ResentNotification {
  @ApiProperty({ format: 'uuid', description: 'The new message’s id, in the delivery log', example: '0193b1f6-0a1b-7c2d-8e3f-4a5b6c7d8e9f' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The message it repeats', example: '0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d' })
  resendOf: string;

  @ApiProperty({ enum: ['pending'], description: 'Always pending: its outcome is followed in the delivery log.' })
  status: 'pending';
}

/** An attempt as `notification_attempt` holds it. */
export interface DeliveryAttempt {
  readonly notificationId: string;
  readonly attempt: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly outcome: string;
  readonly response: string | null;
  readonly error: string | null;
}

const instant = (at: Date | null) => (at ? toVietnamIso(at) : null);

export function toNotificationView(notification: Notification, attempts: readonly DeliveryAttempt[] = []): NotificationView {
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
    nextAttemptAt: notification.status === 'pending' ? instant(notification.nextAttemptAt) : null,
    sentAt: instant(notification.sentAt),
    deliveredAt: instant(notification.deliveredAt),
    lastError: notification.lastError,
    resendOf: notification.resendOf,
    attempts: attempts.map(({ notificationId: _n, startedAt, finishedAt, ...a }) => ({
      ...a,
      startedAt: toVietnamIso(startedAt),
      finishedAt: toVietnamIso(finishedAt),
    })),
  };
}
