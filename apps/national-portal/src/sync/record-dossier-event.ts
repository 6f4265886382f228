import { Injectable, Logger } from '@nestjs/common';
import { readEnvironment } from '@motcua/config';
import {
  AppointmentChanged,
  CaseClosed,
  DossierAccepted,
  DossierSupplemented,
  SubmissionFiled,
  SubmissionRefused,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
  eventClassOf,
} from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { PortalEnvironment } from '../portal/portal.environment';
import { type DossierEventOf, type MappingSettings, applyDossierEvent, syncKeyOf } from './dossier-sync';
import { SyncStore } from './sync.store';

/** The events the portal must hear of, by type, with the mapping's name for each. */
const MAPPED_AS = new Map<string, DossierEventOf['type']>([
  [DossierAccepted.type, 'accepted'],
  [SubmissionFiled.type, 'submission-filed'],
  [SubmissionRefused.type, 'submission-refused'],
  [DossierSupplemented.type, 'supplemented'],
  [TaskCreated.type, 'task-created'],
  [TaskCompleted.type, 'task-completed'],
  [SupplementRequested.type, 'supplement-requested'],
  [AppointmentChanged.type, 'appointment-changed'],
  [CaseClosed.type, 'case-closed'],
]);

/** An event as the mapping takes it; null for one the portal does not hear of. */
export function dossierEventOf(event: object): DossierEventOf | null {
  const type = MAPPED_AS.get(eventClassOf(event).type);
  return type ? ({ type, event } as DossierEventOf) : null;
}

/**
 * Use case: one event of a dossier, in its inbox transaction. The dossier's record is locked (with those of the
 * batch's other events, by one statement), the pure mapping decides (stale, or the new facts and the updates they
 * queue), and the updates join the dossier's queue in the same transaction (with those of the batch's other events,
 * as it commits). Nothing here waits for the portal: the dispatcher sends later, whatever the portal's state.
 */
@Injectable()
export class RecordDossierEvent {
  private readonly logger = new Logger(RecordDossierEvent.name);
  private readonly settings: MappingSettings;

  constructor(private readonly store: SyncStore) {
    const env = readEnvironment(PortalEnvironment);
    this.settings = { applicantKindDefault: env.PORTAL_APPLICANT_KIND_DEFAULT as 1 | 2, electronicReturnCode: env.PORTAL_ELECTRONIC_RETURN_CODE as 0 | 1 };
  }

  async execute(event: DossierEventOf['event'], tx: Transaction): Promise<void> {
    const input = dossierEventOf(event);
    if (!input) throw new Error(`${eventClassOf(event).type} is not an event the portal hears of`);
    const key = syncKeyOf(input);
    const before = await this.store.lock(tx, key, () => batchKeys(tx.events));
    const applied = applyDossierEvent(before, input, this.settings);
    if (applied.outcome === 'stale') {
      this.logger.debug({ key, type: input.type, sequence: input.event.sequence }, 'stale event ignored');
      return;
    }
    this.store.save(tx, key, applied.facts, applied.updates, `${input.type}#${input.event.sequence}`);
  }
}

/** The records the batch's events will lock. */
function* batchKeys(events: readonly object[]): Iterable<string> {
  for (const event of events) {
    const input = dossierEventOf(event);
    if (input) yield syncKeyOf(input);
  }
}
