import { CreateCatalogueReplica1764150000010 } from '@motcua/catalogue-replica';
import { messagingEntities, messagingMigrations } from '@motcua/messaging';
import { idempotencyMigrations } from '@motcua/persistence';
import { Shipments1764150000040 } from './migrations/1764150000040-shipments';

/**
 * Everything in the postal database, listed explicitly: no globs, so the build and the tests agree. The inbox and
 * outbox, the catalogue replica (the addresses of desks and areas), idempotency records (hand-overs, cancellations
 * and pick-ups are retried under a key), and the shipments.
 */
export const entities = [...messagingEntities];
export const migrations = [...messagingMigrations, ...idempotencyMigrations, CreateCatalogueReplica1764150000010, Shipments1764150000040];
