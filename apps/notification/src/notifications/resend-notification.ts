import { Injectable } from '@nestjs/common';
import { type Principal, Role, hasRole } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { UnitOfWork } from '@motcua/messaging';
import { type CommandResponse, type IdempotentRequest, isId, runIdempotent } from '@motcua/persistence';
import { NotificationStore } from './notification.store';
import type { ResentNotification } from './notification.view';

export const notificationNotFound = (id: string) => new Refusal('NOTIFICATION.NOT_FOUND', `No message ${id} that you may see`);

/** What a resend answers: the new message, due now. */
export type ResendResult = ResentNotification;

/**
 * Use case: the desk sends a message to the applicant again (the applicant says they never got it, or it failed):
 * the dossier's coordinator or the head of its receiving desk may. It is a new message with its own id (so the
 * provider takes it as a new one), linked to the one it repeats. Only a settled email or SMS is sent again: one
 * still being sent would go twice, an officer's is in their inbox, a webhook's receiver gets its own retries.
 */
@Injectable()
export class ResendNotification {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: NotificationStore,
  ) {}

  execute(id: string, caller: Principal, idempotency?: IdempotentRequest): Promise<CommandResponse<ResendResult> & { replayed: boolean }> {
    return this.unitOfWork.run((tx) =>
      runIdempotent(tx.manager, idempotency, async (): Promise<CommandResponse<ResendResult>> => {
        const message = isId(id) ? await this.store.forResend(tx.manager, id) : undefined;
        // the log is its receiving desk's: for anyone else the message does not exist
        if (!message || caller.kind !== 'officer' || !caller.agencies.includes(message.receivingAgencyCode)) throw notificationNotFound(id);
        if (caller.subject !== message.coordinatorId && !hasRole(caller, Role.HeadOfDesk)) {
          throw new Refusal('NOTIFICATION.RESEND_NOT_ALLOWED', 'only the dossier’s coordinator or the head of its receiving desk sends a message again');
        }
        if (message.channel !== 'email' && message.channel !== 'sms') {
          throw Refusal.ofField('NOTIFICATION.NOT_RESENDABLE', 'id', `a ${message.channel} message is not sent again by the desk`);
        }
        if (message.status === 'pending') throw Refusal.ofField('NOTIFICATION.STILL_PENDING', 'id', 'the message is still being sent: wait for its outcome');
        const resent = await this.store.resend(tx.manager, message.id);
        return { status: 202, body: { id: resent, resendOf: message.id, status: 'pending' } };
      }),
    );
  }
}
