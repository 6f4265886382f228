import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One event waiting to be (or already) published. Written in the same transaction as the state change it
 * announces, so the change and the event commit or vanish together; the relay publishes it afterwards.
 */
@Entity({ name: 'outbox_message' })
export class OutboxMessage {
  /** Becomes the AMQP messageId: the consumer's inbox deduplicates on it. */
  @PrimaryColumn('uuid')
  id: string;

  /** Creation order, for sorting only: never read the outbox "after the last id seen" (sequences commit out of order). */
  @Column({ type: 'bigint', insert: false, update: false })
  position: string;

  @Column('text')
  type: string;

  @Column('integer')
  version: number;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId: string;

  @Column({ name: 'causation_id', type: 'text', nullable: true })
  causationId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
