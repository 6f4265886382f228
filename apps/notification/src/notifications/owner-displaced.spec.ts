import { TaskOwnerChanged, event } from '@motcua/contracts';
import { ownerDisplacedNotification } from './owner-displaced';

const changed = (over: Partial<TaskOwnerChanged>) =>
  event(TaskOwnerChanged, {
    dossierCode: '004.01.20.H26-261126-0001',
    nationalStatus: 4,
    sequence: 3,
    occurredAt: '2026-11-26T03:15:00.000Z',
    taskId: '0193a1c2-0000-7000-8000-000000000001',
    stepNumber: 1,
    agencyCode: '004.01.20.H26',
    change: 'reassigned',
    ownerId: '004.01.20.H26.specialist.2',
    previousOwnerId: '004.01.20.H26.specialist.1',
    actorId: '004.01.20.H26.leader.1',
    coordinatorId: '004.01.20.H26.receiver.1',
    ...over,
  });

describe('telling an officer their task was taken from them', () => {
  const names = {
    agencyName: 'Ủy ban nhân dân phường Trúc Bạch',
    ownerName: 'Lê Minh Chi',
    previousOwnerName: 'Phạm Thu Hà',
    actorName: 'Vũ Đức Long',
    coordinatorName: 'Đỗ Thanh Mai',
  };

  it('writes to the displaced officer, in Vietnamese and by name, who took it and where it went', () => {
    const draft = ownerDisplacedNotification(changed(names));
    expect(draft).toMatchObject({ channel: 'officer', recipient: '004.01.20.H26.specialist.1', templateKey: 'task.taken_away', status: 'delivered' });
    expect(draft?.body).toMatch(/^Kính gửi đồng chí Phạm Thu Hà,/);
    expect(draft?.body).toContain('(bước 1 tại Ủy ban nhân dân phường Trúc Bạch) đã được chuyển cho đồng chí Lê Minh Chi bởi đồng chí Vũ Đức Long lúc 10:15');
    const released = ownerDisplacedNotification(changed({ ...names, change: 'released', ownerId: null, ownerName: undefined }));
    expect(released?.body).toContain('đã được trả về hàng chờ của đơn vị bởi đồng chí Vũ Đức Long');
  });

  it('names by code those an older event did not name', () => {
    const draft = ownerDisplacedNotification(changed({}));
    expect(draft?.body).toMatch(/^Kính gửi đồng chí 004\.01\.20\.H26\.specialist\.1,/);
    expect(draft?.body).toContain(
      '(bước 1 tại 004.01.20.H26) đã được chuyển cho đồng chí 004.01.20.H26.specialist.2 bởi đồng chí 004.01.20.H26.leader.1 lúc 10:15',
    );
  });

  it('tells nobody of a claim, a first assignment, or an officer releasing their own task', () => {
    expect(ownerDisplacedNotification(changed({ change: 'claimed', previousOwnerId: null }))).toBeNull();
    expect(ownerDisplacedNotification(changed({ change: 'released', ownerId: null, actorId: '004.01.20.H26.specialist.1' }))).toBeNull();
  });
});
