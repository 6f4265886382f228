import { Injectable, Logger } from '@nestjs/common';
import type { Transaction } from '@motcua/messaging';
import { newId } from '@motcua/persistence';
import type { NotificationDraft } from './notification-draft';
import { Notification } from './notification.entity';

/**
 * Use case: what an event means to someone, decided by the pure rules (a draft each, null when nobody is to be
 * told) → recorded in the delivery log, waiting for its channel. Runs in the inbox transaction of the consumed
 * event, once per event and template.
 */
@Injectable()
export class RecordNotifications {
  private readonly logger = new Logger(RecordNotifications.name);

  async execute(drafts: readonly (NotificationDraft | null)[], eventMessageId: string, tx: Transaction): Promise<void> {
    for (const draft of drafts) {
      if (draft) await recordNotification(draft, eventMessageId, tx, this.logger);
    }
  }
}

/** Writes a notification once per event and template. */
async function recordNotification(draft: NotificationDraft, eventMessageId: string, tx: Transaction, logger: Logger): Promise<void> {
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
      logger.log({ dossierCode: draft.dossierCode, eventMessageId, templateKey: draft.templateKey }, 'notification already recorded');
      return;
    }
    logger.log(
      { dossierCode: draft.dossierCode, notificationId: inserted.id, templateKey: draft.templateKey, channel: draft.channel, status: draft.status },
      draft.status === 'no_contact' ? 'notification recorded: the applicant left no contact' : 'notification recorded',
    );
}
