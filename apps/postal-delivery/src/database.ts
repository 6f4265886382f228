import { messagingEntities, messagingMigrations } from '@motcua/messaging';

/**
 * Everything in the postal database, listed explicitly: no globs, so the build and the tests agree. For now only
 * the inbox and outbox: delivery orders get their table with the shipments issue.
 */
export const entities = [...messagingEntities];
export const migrations = [...messagingMigrations];
