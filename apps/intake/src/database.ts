import { messagingEntities, messagingMigrations } from '@motcua/messaging';
import { idempotencyMigrations } from '@motcua/persistence';
import { CreateCatalogueReplica1764150000010 } from '@motcua/catalogue-replica';
import { DossierStatusChange } from './dossiers/dossier-status-change.entity';
import { Dossier } from './dossiers/dossier.entity';
import { CreateDossiers1764150000001 } from './migrations/1764150000001-create-dossiers';
import { Supplements1764150000002 } from './migrations/1764150000002-supplements';
import { StatusHistoryOrder1764150000014 } from './migrations/1764150000014-status-history-order';
import { LookupAttempts1764150000030 } from './migrations/1764150000030-lookup-attempts';
import { CoordinatorName1764150000031 } from './migrations/1764150000031-coordinator-name';
import { Postal1764150000032 } from './migrations/1764150000032-postal';
import { OnlineSubmissions1764150000033 } from './migrations/1764150000033-online-submissions';

/** Intake's tables, listed explicitly (never globbed), and the migrations that create them, in order. */
export const entities = [...messagingEntities, Dossier, DossierStatusChange];
export const migrations = [
  ...messagingMigrations,
  ...idempotencyMigrations,
  CreateDossiers1764150000001,
  CreateCatalogueReplica1764150000010,
  Supplements1764150000002,
  StatusHistoryOrder1764150000014,
  LookupAttempts1764150000030,
  CoordinatorName1764150000031,
  Postal1764150000032,
  OnlineSubmissions1764150000033,
];
