import { messagingEntities, messagingMigrations } from '@motcua/messaging';
import { idempotencyMigrations } from '@motcua/persistence';
import { AdministrativeArea, Agency, Officer, OfficerRole, ProcessVersion, Procedure } from './catalogue/catalogue.entities';
import { CreateCatalogue1764150000001 } from './migrations/1764150000001-create-catalogue';
import { CreateCasesAndTasks1764150000002 } from './migrations/1764150000002-create-cases-and-tasks';
import { LoadHaNoiOrganisation1764150000003 } from './migrations/1764150000003-load-ha-noi-organisation';
import { LoadDepartmentsAndDivisions1764150000004 } from './migrations/1764150000004-load-departments-and-divisions';
import { CreateStaff1764150000005 } from './migrations/1764150000005-create-staff';
import { LoadProcedures1764150000006 } from './migrations/1764150000006-load-procedures';
import { TaskOwnership1764150000007 } from './migrations/1764150000007-task-ownership';
import { OfficialSchedules1764150000008 } from './migrations/1764150000008-official-schedules';
import { AppointmentDay1764150000009 } from './migrations/1764150000009-appointment-day';
import { AgencyOfficeHours1764150000010 } from './migrations/1764150000010-agency-office-hours';
import { AgencyOwnedTasks1764150000011 } from './migrations/1764150000011-agency-owned-tasks';
import { TaskAgencyUnlocked1764150000012 } from './migrations/1764150000012-task-agency-unlocked';
import { DeadlinesInQueueIndexes1764150000013 } from './migrations/1764150000013-deadlines-in-queue-indexes';
import { CaseReceipt1764150000014 } from './migrations/1764150000014-case-receipt';
import { PostalCatalogue1764150000015 } from './migrations/1764150000015-postal-catalogue';
import { CasePostalEvents1764150000016 } from './migrations/1764150000016-case-postal-events';

export const entities = [...messagingEntities, AdministrativeArea, Agency, Officer, OfficerRole, Procedure, ProcessVersion];
export const migrations = [
  ...messagingMigrations,
  ...idempotencyMigrations,
  CreateCatalogue1764150000001,
  CreateCasesAndTasks1764150000002,
  LoadHaNoiOrganisation1764150000003,
  LoadDepartmentsAndDivisions1764150000004,
  CreateStaff1764150000005,
  LoadProcedures1764150000006,
  TaskOwnership1764150000007,
  OfficialSchedules1764150000008,
  AppointmentDay1764150000009,
  AgencyOfficeHours1764150000010,
  AgencyOwnedTasks1764150000011,
  TaskAgencyUnlocked1764150000012,
  DeadlinesInQueueIndexes1764150000013,
  CaseReceipt1764150000014,
  PostalCatalogue1764150000015,
  CasePostalEvents1764150000016,
];
