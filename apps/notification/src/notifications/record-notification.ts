import { Injectable, Logger } from '@nestjs/common';
import type { CaseClosed, DossierAccepted, TaskOwnerChanged } from '@motcua/contracts';
import type { Transaction } from '@motcua/messaging';
import { newId } from '@motcua/persistence';
import { type MilestoneEvent, coordinatorMilestoneNotification } from './coordinator-milestone';
import { dossierReceivedNotification } from './dossier-received';
import type { NotificationDraft } from './notification-draft';
import { Notification } from './notification.entity';
import { ownerDisplacedNotification } from './owner-displaced';
import { taskEndedByWithdrawalNotification } from './task-ended';

/**
 * Use case: the desk accepted a dossier → record the applicant's "dossier received" message in the delivery
 * log, waiting for its channel. Runs in the inbox transaction of the consumed event.
 */
@Injectable()
export class RecordDossierReceived {
  private readonly logger = new Logger(RecordDossierReceived.name);

  execute(event: DossierAccepted, eventMessageId: string, tx: Transaction): Promise<void> {
    return recordNotification(dossierReceivedNotification(event), eventMessageId, tx, this.logger);
  }
}

/** Use case: an officer's task was taken from them → tell them at once (recorded in the delivery log). */
@Injectable()
export class RecordOwnerDisplaced {
  private readonly logger = new Logger(RecordOwnerDisplaced.name);

  async execute(event: TaskOwnerChanged, eventMessageId: string, tx: Transaction): Promise<void> {
    const draft = ownerDisplacedNotification(event);
    if (draft) await recordNotification(draft, eventMessageId, tx, this.logger);
  }
}

/** Use case: the applicant withdrew while an officer had the open step → tell that officer their task ended. */
@Injectable()
export class RecordTaskEndedByWithdrawal {
  private readonly logger = new Logger(RecordTaskEndedByWithdrawal.name);

  async execute(event: CaseClosed, eventMessageId: string, tx: Transaction): Promise<void> {
    const draft = taskEndedByWithdrawalNotification(event);
    if (draft) await recordNotification(draft, eventMessageId, tx, this.logger);
  }
}

/** Use case: a milestone of a dossier (supplement asked, result signed, processing ended, overdue) → tell its coordinator. */
@Injectable()
export class RecordCoordinatorMilestone {
  private readonly logger = new Logger(RecordCoordinatorMilestone.name);

  async execute(milestone: MilestoneEvent, eventMessageId: string, tx: Transaction): Promise<void> {
    const draft = coordinatorMilestoneNotification(milestone);
    if (draft) await recordNotification(draft, eventMessageId, tx, this.logger);
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
