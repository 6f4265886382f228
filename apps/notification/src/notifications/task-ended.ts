import { formatVietnamDateTime } from '@motcua/calendar';
import type { CaseClosed } from '@motcua/contracts';
import { nameOr } from './names';
import type { NotificationDraft } from './notification-draft';
import { renderTemplate } from './templates/render-template';

/**
 * The message to the officer who had the open step when the desk recorded the applicant's withdrawal: their task
 * ended without them. Null when processing ended otherwise, the step was in the queue, or they recorded it.
 */
export function taskEndedByWithdrawalNotification(event: CaseClosed): NotificationDraft | null {
  const task = event.endedTask;
  if (event.outcome !== 'withdrawn' || !task?.ownerId || task.ownerId === event.actorId) return null;
  const message = renderTemplate('task.ended_by_withdrawal', {
    officer: nameOr(task.ownerName, task.ownerId),
    dossierCode: event.dossierCode,
    stepNumber: String(task.stepNumber),
    agency: nameOr(task.agencyName, task.agencyCode),
    actor: nameOr(event.actorName, event.actorId),
    occurredAt: formatVietnamDateTime(new Date(event.occurredAt)),
    reason: event.note ?? 'không ghi lý do',
  });
  return {
    dossierCode: event.dossierCode,
    receivingAgencyCode: task.agencyCode,
    templateKey: 'task.ended_by_withdrawal',
    channel: 'officer',
    recipient: task.ownerId,
    subject: message.subject,
    body: message.body,
    status: 'delivered',
  };
}
