import { messagingEntities, messagingMigrations } from '@motcua/messaging';
import { idempotencyMigrations } from '@motcua/persistence';
import { CreateNotifications1764150000010 } from './migrations/1764150000010-create-notifications';
import { OfficerNotifications1764150000011 } from './migrations/1764150000011-officer-notifications';
import { Delivery1764150000012 } from './migrations/1764150000012-delivery';
import { ApplicantContact1764150000013 } from './migrations/1764150000013-applicant-contact';
import { WebhookSubscriptions1764150000014 } from './migrations/1764150000014-webhook-subscriptions';
import { ShipmentNews1764150000015 } from './migrations/1764150000015-shipment-news';
import { DueByChannel1764150000016 } from './migrations/1764150000016-due-by-channel';
import { Notification } from './notifications/notification.entity';

/** Everything in the notification database, listed explicitly: no globs, so the build and the tests agree. */
export const entities = [...messagingEntities, Notification];
export const migrations = [
  ...messagingMigrations,
  // the webhook subscriptions' create is retried under an Idempotency-Key
  ...idempotencyMigrations,
  CreateNotifications1764150000010,
  OfficerNotifications1764150000011,
  Delivery1764150000012,
  ApplicantContact1764150000013,
  WebhookSubscriptions1764150000014,
  ShipmentNews1764150000015,
  DueByChannel1764150000016,
];
