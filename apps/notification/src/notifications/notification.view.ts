import { ApiProperty } from '@nestjs/swagger';
import { toVietnamIso } from '@motcua/calendar';
import type { Notification } from './notification.entity';

/** One attempt to hand a message to its provider, or a provider's delivery report. */
export class DeliveryAttemptView {
  @ApiProperty({ example: 1 })
  attempt: number;

  @ApiProperty({ example: '2026-11-26T09:05:00.120+07:00' })
  startedAt: string;

  @ApiProperty({ example: '2026-11-26T09:05:00.180+07:00' })
  finishedAt: string;

  @ApiProperty({
    enum: ['accepted', 'transient', 'permanent', 'delivered', 'undelivered'],
    description: 'accepted by the provider; transient: failed, retried later; permanent: will never go; delivered / undelivered: the provider’s report',
  })
  outcome: string;

  @ApiProperty({ type: String, nullable: true, description: 'What the provider answered.' })
  response: string | null;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}

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

  @ApiProperty({ enum: ['email', 'sms', 'webhook', 'officer', 'none'] })
  channel: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Email address, phone number, webhook subscription id or officer id; null when the channel is none.',
  })
  recipient: string | null;

  @ApiProperty({ example: 'Hồ sơ 000.00.01.H26-261126-0001 đã được tiếp nhận' })
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({
    enum: ['pending', 'sent', 'delivered', 'undelivered', 'failed', 'no_contact'],
    description:
      'pending: waiting for its channel (or retrying); sent: accepted by the provider; delivered / undelivered: as the provider reported; failed: will not go (see lastError); no_contact: the applicant gave no email or phone. An officer’s message is delivered to their inbox at once.',
  })
  status: string;

  @ApiProperty({ example: '2026-11-26T09:05:00.000+07:00' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'When it is due to be tried next, while pending.' })
  nextAttemptAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  deliveredAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed, or why it was not delivered.' })
  lastError: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'When the desk sent a message again: the message it repeats.' })
  resendOf: string | null;

  @ApiProperty({ type: [DeliveryAttemptView], description: 'Every attempt and delivery report, in order.' })
  attempts: DeliveryAttemptView[];
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] })
  items: NotificationView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
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
