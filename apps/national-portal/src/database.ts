import { messagingEntities, messagingMigrations } from '@motcua/messaging';
import { PortalSync1764150000050 } from './migrations/1764150000050-portal-sync';

/**
 * Everything in the portal database, listed explicitly: the inbox and outbox, the per-dossier sync records with
 * their queues of updates, and the online dossiers intake refused.
 */
export const entities = [...messagingEntities];
export const migrations = [...messagingMigrations, PortalSync1764150000050];
