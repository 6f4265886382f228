import { CatalogueAgencyChanged, CatalogueProcedureChanged, CatalogueResyncRequested, CatalogueSchedulePublished, CatalogueSnapshot } from './catalogue-events';
import { DossierAccepted, SubmissionFiled, SubmissionRefused, TaskCreated } from './dossier-events';
import {
  AppointmentChanged,
  CaseClosed,
  CoordinatorChanged,
  DeadlineDueSoon,
  DeadlineOverdue,
  DossierSupplemented,
  SupplementRequested,
  TaskCompleted,
  TaskOwnerChanged,
} from './task-events';
import type { EventClass } from './event';
import {
  PickupCollected,
  PickupReceived,
  PickupRequested,
  ShipmentCancelled,
  ShipmentCreated,
  ShipmentDelivered,
  ShipmentDeliveryFailed,
  ShipmentHandedOver,
  ShipmentReturned,
} from './postal-events';

/** Every integration event by its type: the transport validates each arriving message against its class. */
export const EVENT_CLASSES: ReadonlyMap<string, EventClass> = new Map<string, EventClass>(
  [
    DossierAccepted,
    SubmissionFiled,
    SubmissionRefused,
    DossierSupplemented,
    TaskCreated,
    TaskOwnerChanged,
    TaskCompleted,
    CaseClosed,
    SupplementRequested,
    CoordinatorChanged,
    AppointmentChanged,
    DeadlineDueSoon,
    DeadlineOverdue,
    CatalogueSnapshot,
    CatalogueAgencyChanged,
    CatalogueProcedureChanged,
    CatalogueSchedulePublished,
    CatalogueResyncRequested,
    ShipmentCreated,
    ShipmentHandedOver,
    ShipmentDelivered,
    ShipmentDeliveryFailed,
    ShipmentReturned,
    ShipmentCancelled,
    PickupRequested,
    PickupCollected,
    PickupReceived,
  ].map((cls) => [cls.type, cls as EventClass]),
);
