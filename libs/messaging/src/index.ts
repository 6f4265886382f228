import { InboxMessage } from './inbox/inbox-message.entity';
import { CreateMessagingTables1764140000000 } from './migrations/1764140000000-create-messaging-tables';
import { OutboxMessage } from './outbox/outbox-message.entity';

export { MessagingEnvironment, MessagingConfig, type MessagingOptions } from './messaging.environment';
export { MessagingModule } from './messaging.module';
export { UnitOfWork, InvalidEventError, type Transaction } from './unit-of-work';
export { PerTransaction } from './per-transaction';
export { outboxInsert } from './outbox/outbox.store';
export { AmqpServer, UnprocessableMessageError } from './amqp-server';
export { AmqpContext } from './amqp-context';
export { AmqpConnection, BrokerUnavailableError } from './amqp-connection';
export { OutboxRelay, OUTBOX_RESCAN_MARGIN, OUTBOX_FULL_SCAN_EVERY_MS } from './outbox/outbox-relay';
export { MessagingReadiness, type ReadinessResult } from './messaging-readiness';
export { Headers as MessageHeaders } from './envelope';
export { decideAfterFailure, type FailureDecision } from './retry-policy';
export * from './topology';
export { OutboxMessage, InboxMessage, CreateMessagingTables1764140000000 };

/** Add to the app's TypeORM `entities`. */
export const messagingEntities: Function[] = [OutboxMessage, InboxMessage];
/** Add to the app's TypeORM `migrations` (migrations only, never synchronize). */
export const messagingMigrations: Function[] = [CreateMessagingTables1764140000000];
