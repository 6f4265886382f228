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
  status: NotificationStatus;

  /** Millisecond precision, like a JS Date: the pagination cursor carries it without rounding. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
