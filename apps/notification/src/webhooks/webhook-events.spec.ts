import { CaseClosed, DeadlineOverdue, DossierAccepted, TaskCreated, event } from '@motcua/contracts';
import { WEBHOOK_EVENT_TYPES, subscribedEvent, webhookDelivery } from './webhook-events';

describe('dossier events for webhook subscribers', () => {
  // only what the fan-out reads: the rest of the payload is carried, not read
  const accepted = event(DossierAccepted, {
    dossierCode: '000.00.01.H26-261126-0001',
    sequence: 1,
    occurredAt: '2026-11-26T02:05:00.000Z',
    receivingAgencyCode: '000.00.01.H26',
    applicant: { fullName: 'Nguyễn Thị Hoa', wardCode: '00004' },
  } as DossierAccepted);

  it('are those that name the agency they concern', () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual([
      'intake.dossier.accepted',
      'workflow.task.created',
      'workflow.task.owner-changed',
      'workflow.task.completed',
      'workflow.supplement.requested',
      'workflow.deadline.due-soon',
      'workflow.deadline.overdue',
    ]);
    expect(WEBHOOK_EVENT_TYPES).not.toContain(CaseClosed.type);
  });

  it("go to the receiving desk's subscribers for an accepted dossier, to the step's agency for a task", () => {
    expect(subscribedEvent(DossierAccepted.type, accepted)).toMatchObject({ type: 'intake.dossier.accepted', agencyCode: '000.00.01.H26' });
    const task = event(TaskCreated, { ...accepted, taskId: '0193a1b2-0000-7000-8000-000000000001', agencyCode: '000.00.20.H26' } as unknown as TaskCreated);
    expect(subscribedEvent(TaskCreated.type, task)?.agencyCode).toBe('000.00.20.H26');
    expect(subscribedEvent(DeadlineOverdue.type, { ...accepted, agencyCode: '000.00.30.H26' } as unknown as DeadlineOverdue)?.agencyCode).toBe('000.00.30.H26');
  });

  it('are not offered when their type names no agency', () => {
    expect(subscribedEvent(CaseClosed.type, accepted)).toBeNull();
  });

  it("are delivered as a pending webhook notification to the subscription, the envelope naming the delivery's id", () => {
    const subscribed = subscribedEvent(DossierAccepted.type, accepted)!;
    const draft = webhookDelivery('sub-1', subscribed, 'delivery-1');
    expect(draft).toMatchObject({
      dossierCode: '000.00.01.H26-261126-0001',
      receivingAgencyCode: '000.00.01.H26',
      templateKey: 'webhook:sub-1',
      channel: 'webhook',
      recipient: 'sub-1',
      subject: 'intake.dossier.accepted',
      status: 'pending',
    });
    expect(JSON.parse(draft.body)).toEqual({
      deliveryId: 'delivery-1',
      type: 'intake.dossier.accepted',
      occurredAt: '2026-11-26T02:05:00.000Z',
      dossierCode: '000.00.01.H26-261126-0001',
      data: JSON.parse(JSON.stringify(accepted)),
    });
  });
});
