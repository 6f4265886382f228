import { formatVietnamDateTime } from '@motcua/calendar';
import type { CaseClosed, DeadlineOverdue, SupplementRequested, TaskCompleted } from '@motcua/contracts';
import { nameOr } from './names';
import type { NotificationDraft } from './notification-draft';
import { renderTemplate } from './templates/render-template';

/** The events that are milestones for the dossier's coordinator, the one who answers to the applicant. */
export type MilestoneEvent =
  | { readonly kind: 'supplement'; readonly event: SupplementRequested }
  | { readonly kind: 'completed'; readonly event: TaskCompleted }
  | { readonly kind: 'closed'; readonly event: CaseClosed }
  | { readonly kind: 'overdue'; readonly event: DeadlineOverdue };

const CLOSED: Record<CaseClosed['outcome'], string> = {
  returned: 'đã trả kết quả cho người nộp',
  processed: 'đã giải quyết xong',
  stopped: 'bị dừng xử lý',
  withdrawn: 'đã được rút theo đề nghị của người nộp',
};

/**
 * What the coordinator must hear to answer the applicant ("một đầu mối"): the applicant is asked for a
 * supplement, the result is signed and ready to return, processing ended, a deadline passed. Null for anything
 * else, and for what the coordinator did themselves.
 */
export function coordinatorMilestoneNotification(milestone: MilestoneEvent): NotificationDraft | null {
  const told = describe(milestone);
  const { event } = milestone;
  if (!told || told.actor === event.coordinatorId) return null;
  const message = renderTemplate('coordinator.milestone', {
    officer: nameOr(event.coordinatorName, event.coordinatorId),
    dossierCode: event.dossierCode,
    milestone: told.milestone,
    occurredAt: formatVietnamDateTime(new Date(event.occurredAt)),
    details: told.details,
  });
  return {
    dossierCode: event.dossierCode,
    // the receiving desk, the coordinator's: a dossier's code starts with it (<agency>-<YYMMDD>-<NNNN>)
    receivingAgencyCode: event.dossierCode.split('-')[0],
    templateKey: 'coordinator.milestone',
    channel: 'officer',
    recipient: event.coordinatorId,
    subject: message.subject,
    body: message.body,
    status: 'delivered',
  };
}

/** The milestone in Vietnamese, its details, and who caused it (none for a deadline). */
function describe(milestone: MilestoneEvent): { milestone: string; details: string; actor?: string } | null {
  switch (milestone.kind) {
    case 'supplement': {
      const e = milestone.event;
      return {
        milestone: `cần bổ sung hồ sơ (lần ${e.round})`,
        details: [
          `Bước ${e.stepNumber} tại ${nameOr(e.agencyName, e.agencyCode)} (đồng chí ${nameOr(e.requestedByName, e.requestedBy)}) đề nghị bổ sung: ${e.reason}`,
          ...e.missing.map((d) => `- ${d.name}`),
          'Đồng chí thông báo một lần, đầy đủ cho người nộp và tiếp nhận phần bổ sung.',
        ].join('\n'),
        actor: e.requestedBy,
      };
    }
    case 'completed': {
      const e = milestone.event;
      if (e.action !== 'sign') return null;
      return {
        milestone: 'kết quả đã được ký',
        details: `Kết quả được đồng chí ${nameOr(e.actorName, e.actorId)} ký tại ${nameOr(e.agencyName, e.agencyCode)} (bước ${e.stepNumber}); hồ sơ chuyển sang trả kết quả.`,
        actor: e.actorId,
      };
    }
    case 'closed': {
      const e = milestone.event;
      // a coordinator who had the step a withdrawal ended hears of it once, as its owner (task.ended_by_withdrawal)
      if (e.outcome === 'withdrawn' && e.endedTask?.ownerId === e.coordinatorId) return null;
      const by = `Người thực hiện: đồng chí ${nameOr(e.actorName, e.actorId)}.`;
      return { milestone: CLOSED[e.outcome], details: `${by} ${e.note ? `Ghi chú: ${e.note}` : 'Không có ghi chú.'}`, actor: e.actorId };
    }
    case 'overdue': {
      const e = milestone.event;
      const deadline = formatVietnamDateTime(new Date(e.deadline));
      return e.subject === 'dossier'
        ? {
            milestone: 'đã quá hẹn trả kết quả',
            details: `Hẹn trả: ${deadline}. Đồng chí đôn đốc đơn vị đang giải quyết và thông báo cho người nộp; văn bản xin lỗi, hẹn lại ngày trả do cơ quan giải quyết phát hành.`,
          }
        : {
            milestone: 'một bước xử lý đã quá hạn',
            details: `Bước tại ${nameOr(e.agencyName, e.agencyCode)}, hạn ${deadline}${e.ownerId ? `, do đồng chí ${nameOr(e.ownerName, e.ownerId)} xử lý` : ', chưa có người nhận'}.`,
          };
    }
  }
}
