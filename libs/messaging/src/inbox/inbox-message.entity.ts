import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The id of a message this service has applied: a second delivery of the same id is acknowledged and skipped. */
@Entity({ name: 'inbox_message' })
export class InboxMessage {
  @PrimaryColumn({ name: 'message_id', type: 'text' })
  messageId: string;

  @Column('text')
  type: string;

  @Column({ name: 'received_at', type: 'timestamptz', insert: false, update: false })
  receivedAt: Date;
}
