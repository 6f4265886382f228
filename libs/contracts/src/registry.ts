import { CatalogueProcedureChanged, CatalogueResyncRequested, CatalogueSnapshot } from './catalogue-events';
import { DossierAccepted, TaskCreated } from './dossier-events';
import { CaseClosed, TaskCompleted, TaskOwnerChanged } from './task-events';
import type { EventClass } from './event';

/** Every integration event by its type: the transport validates each arriving message against its class. */
export const EVENT_CLASSES: ReadonlyMap<string, EventClass> = new Map<string, EventClass>(
  [DossierAccepted, TaskCreated, TaskOwnerChanged, TaskCompleted, CaseClosed, CatalogueSnapshot, CatalogueProcedureChanged, CatalogueResyncRequested].map((cls) => [
    cls.type,
    cls as EventClass,
  ]),
);
