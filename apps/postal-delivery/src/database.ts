import { messagingEntities, messagingMigrations } from '@motcua/messaging';
import { CreateShipments1764150000010 } from './migrations/1764150000010-create-shipments';
import { Shipment } from './shipments/shipment.entity';

/** Everything in the postal database, listed explicitly: no globs, so the build and the tests agree. */
export const entities = [...messagingEntities, Shipment];
export const migrations = [...messagingMigrations, CreateShipments1764150000010];
