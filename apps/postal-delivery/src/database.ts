import { CreateCatalogueReplica1764150000010 } from '@motcua/catalogue-replica';
import { messagingEntities, messagingMigrations } from '@motcua/messaging';

/**
 * Everything in the postal database, listed explicitly: no globs, so the build and the tests agree. For now the
 * inbox and outbox and the catalogue replica (the addresses of agencies and areas): delivery orders get their
 * table with the shipments issue.
 */
export const entities = [...messagingEntities];
export const migrations = [...messagingMigrations, CreateCatalogueReplica1764150000010];
