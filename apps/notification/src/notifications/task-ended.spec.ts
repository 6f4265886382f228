import { CaseClosed, event } from '@motcua/contracts';
import { taskEndedByWithdrawalNotification } from './task-ended';

const closed = (over: Partial<CaseClosed>) =>
  event(CaseClosed, {
    dossierCode: '004.01.20.H26-261126-0002',
    nationalStatus: 7,
    sequence: 5,
    occurredAt: '2026-11-26T08:40:00.000Z',
    caseId: '0193a1c2-0000-7000-8000-000000000002',
    outcome: 'withdrawn',
    actorId: '004.01.20.H26.receiver.1',
    note: 'Người nộp có đơn xin rút hồ sơ',
    coordinatorId: '004.01.20.H26.receiver.1',
    endedTask: { taskId: '0193a1c2-0000-7000-8000-000000000003', stepNumber: 1, agencyCode: '004.01.20.H26', ownerId: '004.01.20.H26.specialist.1' },
    ...over,
  });

describe('telling an officer the applicant withdrew the dossier they had', () => {
  it('writes to the owner of the ended step, in Vietnamese and by name, who recorded it, when and why', () => {
    const draft = taskEndedByWithdrawalNotification(
      closed({
        actorName: 'Hoàng Ngọc Lan',
        endedTask: { ...closed({}).endedTask!, agencyName: 'Ủy ban nhân dân phường Trúc Bạch', ownerName: 'Bùi Quang Dũng' },
      }),
    );
    expect(draft).toMatchObject({ channel: 'officer', recipient: '004.01.20.H26.specialist.1', templateKey: 'task.ended_by_withdrawal', status: 'delivered' });
    expect(draft?.subject).toBe('Hồ sơ 004.01.20.H26-261126-0002 đã được rút: nhiệm vụ bước 1 kết thúc');
    expect(draft?.body).toMatch(/^Kính gửi đồng chí Bùi Quang Dũng,/);
    expect(draft?.body).toContain('đồng chí Hoàng Ngọc Lan ghi nhận lúc 15:40 ngày 26/11/2026 (lý do: Người nộp có đơn xin rút hồ sơ)');
    expect(draft?.body).toContain('Nhiệm vụ bước 1 tại Ủy ban nhân dân phường Trúc Bạch do đồng chí xử lý đã kết thúc');
  });

  it('names by code those an older event did not name', () => {
    const draft = taskEndedByWithdrawalNotification(closed({}));
    expect(draft?.body).toMatch(/^Kính gửi đồng chí 004\.01\.20\.H26\.specialist\.1,/);
    expect(draft?.body).toContain('đồng chí 004.01.20.H26.receiver.1 ghi nhận lúc 15:40 ngày 26/11/2026');
    expect(draft?.body).toContain('Nhiệm vụ bước 1 tại 004.01.20.H26 do đồng chí xử lý đã kết thúc');
  });

  it('tells nobody when the step was in the queue, the owner recorded it, or processing ended otherwise', () => {
    expect(
      taskEndedByWithdrawalNotification(
        closed({ endedTask: { taskId: '0193a1c2-0000-7000-8000-000000000003', stepNumber: 1, agencyCode: '004.01.20.H26', ownerId: null } }),
      ),
    ).toBeNull();
    expect(taskEndedByWithdrawalNotification(closed({ actorId: '004.01.20.H26.specialist.1' }))).toBeNull();
    expect(taskEndedByWithdrawalNotification(closed({ outcome: 'returned', nationalStatus: 10 }))).toBeNull();
    expect(taskEndedByWithdrawalNotification(closed({ endedTask: undefined }))).toBeNull();
  });
});
