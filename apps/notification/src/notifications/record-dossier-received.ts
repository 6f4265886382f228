import { Injectable, Logger } from '@nestjs/common';
import type { DossierAccepted } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { newId } from '@motcua/persistence';
import { dossierReceivedNotification } from './dossier-received';
import { Notification } from './notification.entity';

/**
 * Use case: the desk accepted a dossier → record the applicant's "dossier received" message in the delivery
 * log, waiting for its channel. Runs in the inbox transaction of the consumed event.
 */
@Injectable()
export class RecordDossierReceived {
  private readonly logger = new Logger(RecordDossierReceived.name);

  async execute(event: DossierAccepted, eventMessageId: string, tx: Transaction): Promise<void> {
    const draft = dossierReceivedNotification(event);
    const result = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ id: newId(), eventMessageId, ...draft })
      // The inbox already filters redeliveries; this covers a replay that bypasses it (the inbox purged).
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = (result.raw as { id: string }[])[0];
    if (!inserted) {
      this.logger.log({ dossierCode: draft.dossierCode, eventMessageId }, 'dossier received notification already recorded');
      return;
    }
    this.logger.log(
      { dossierCode: draft.dossierCode, notificationId: inserted.id, templateKey: draft.templateKey, channel: draft.channel, status: draft.status },
      draft.status === 'no_contact'
        ? 'dossier received notification recorded: the applicant left no contact'
        : 'dossier received notification recorded',
    );
  }
}
