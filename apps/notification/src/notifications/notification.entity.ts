import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { NotificationStatus } from './notification-draft';
import type { Channel } from './recipient';
import type { WebhookTemplateKey } from '../webhooks/webhook-events';
import type { TemplateKey } from './templates/message-templates';

/** One message to one person, as recorded in the delivery log (nhật ký gửi thông báo). */
@Entity({ name: 'notification' })
@Index('notification_dossier_page', ['dossierCode', 'createdAt', 'id'])
@Unique('notification_once_per_event', ['eventMessageId', 'templateKey'])
export class Notification {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  dossierCode: string;

  /**
   * Đơn vị tiếp nhận: the desk that received the dossier. The log holds the applicant's name and contact, so
   * only officers of this agency may read it.
   */
  @Column({ type: 'text' })
  receivingAgencyCode: string;

  /** The broker message that caused it: with the template, unique, so a redelivered event never writes twice. */
  @Column({ type: 'text' })
  eventMessageId: string;

  @Column({ type: 'text' })
  templateKey: TemplateKey | WebhookTemplateKey;

  @Column({ type: 'text' })
  channel: Channel;

  /** Email address, phone number, officer id or webhook subscription id; null for channel 'none'. */
  @Column({ type: 'text', nullable: true })
  recipient: string | null;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: NotificationStatus | 'sent' | 'undelivered' | 'failed';

  /** When its channel is due to (try to) send it next; null once settled, and for officers' and no-contact rows. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  /** Attempts made so far (each one is in `notification_attempt`). */
  @Column({ type: 'int' })
  attempts: number;

  /** When the provider accepted it. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  /** When the provider reported it delivered (for an officer's message: when it reached their inbox). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  /** The provider's id for it (the SMS gateway's message id), by which delivery reports find it. */
  @Column({ type: 'text', nullable: true })
  providerMessageId: string | null;

  /** Why the last attempt failed, or why it was not delivered. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** An officer's inbox message: when they read it. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  /** A message sent again by the desk: the one it repeats. */
  @Column({ type: 'uuid', nullable: true })
  resendOf: string | null;

  /** Millisecond precision, like a JS Date: the pagination cursor carries it without rounding. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
