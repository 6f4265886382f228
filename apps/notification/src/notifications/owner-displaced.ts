import { formatVietnamDateTime } from '@motcua/calendar';
import type { TaskOwnerChanged } from '@motcua/contracts';
import { nameOr } from './names';
import type { NotificationDraft } from './notification-draft';
import { renderTemplate } from './templates/render-template';

/**
 * The message to an officer whose task was taken from them (given to another, or put back in the queue by
 * someone else), or null when nobody was displaced (a claim, a first assignment, their own release).
 */
export function ownerDisplacedNotification(event: TaskOwnerChanged): NotificationDraft | null {
  const displaced = event.previousOwnerId;
  if (!displaced || displaced === event.actorId || displaced === event.ownerId) return null;
  const message = renderTemplate('task.taken_away', {
    officer: nameOr(event.previousOwnerName, displaced),
    dossierCode: event.dossierCode,
    stepNumber: String(event.stepNumber),
    agency: nameOr(event.agencyName, event.agencyCode),
    change: event.ownerId ? `đã được chuyển cho đồng chí ${nameOr(event.ownerName, event.ownerId)}` : 'đã được trả về hàng chờ của đơn vị',
    actor: nameOr(event.actorName, event.actorId),
    occurredAt: formatVietnamDateTime(new Date(event.occurredAt)),
  });
  return {
    dossierCode: event.dossierCode,
    // officers of the task's agency read it, the displaced one among them
    receivingAgencyCode: event.agencyCode,
    templateKey: 'task.taken_away',
    channel: 'officer',
    recipient: displaced,
    subject: message.subject,
    body: message.body,
    status: 'delivered',
  };
}
