import { Injectable, Logger } from '@nestjs/common';
import { readEnvironment } from '@motcua/config';
import type { Transaction } from '@motcua/messaging';
import { PortalEnvironment } from '../portal/portal.environment';
import { type DossierEventOf, type MappingSettings, applyDossierEvent, syncKeyOf } from './dossier-sync';
import { SyncStore } from './sync.store';

/**
 * Use case: one event of a dossier, in its inbox transaction. The dossier's record is locked, the pure mapping
 * decides (stale, or the new facts and the updates they queue), and the updates join the dossier's queue in the
 * same transaction (with those of the batch's other events, as it commits). Nothing here waits for the portal: the dispatcher sends later, whatever the portal's state.
 */
@Injectable()
export class RecordDossierEvent {
  private readonly logger = new Logger(RecordDossierEvent.name);
  private readonly settings: MappingSettings;

  constructor(private readonly store: SyncStore) {
    const env = readEnvironment(PortalEnvironment);
    this.settings = { applicantKindDefault: env.PORTAL_APPLICANT_KIND_DEFAULT as 1 | 2, electronicReturnCode: env.PORTAL_ELECTRONIC_RETURN_CODE as 0 | 1 };
  }

  async execute(input: DossierEventOf, tx: Transaction): Promise<void> {
    const key = syncKeyOf(input);
    const before = await this.store.lock(tx, key);
    const applied = applyDossierEvent(before, input, this.settings);
    if (applied.outcome === 'stale') {
      this.logger.debug({ key, type: input.type, sequence: input.event.sequence }, 'stale event ignored');
      return;
    }
    this.store.save(tx, key, applied.facts, applied.updates, `${input.type}#${input.event.sequence}`);
  }
}
