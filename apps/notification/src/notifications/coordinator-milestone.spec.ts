import { CaseClosed, DeadlineOverdue, SupplementRequested, TaskCompleted, event } from '@motcua/contracts';
import { coordinatorMilestoneNotification } from './coordinator-milestone';

const DOSSIER = '004.01.20.H26-261126-0003';
const COORDINATOR = '004.01.20.H26.receiver.1';
const base = { dossierCode: DOSSIER, sequence: 4, occurredAt: '2026-11-26T02:30:00.000Z', coordinatorId: COORDINATOR };
const completed = (action: string, actorId = '004.01.20.H26.leader.1') =>
  event(TaskCompleted, {
    ...base,
    nationalStatus: 9,
    taskId: '0193a1c2-0000-7000-8000-000000000004',
    stepNumber: 2,
    stepName: 'Lãnh đạo ký',
    agencyCode: '004.01.20.H26',
    action,
    actorId,
    note: null,
  });

describe('telling a dossier’s coordinator of its milestones', () => {
  const supplement = (names: Partial<SupplementRequested> = {}) =>
    event(SupplementRequested, {
      ...base,
      nationalStatus: 5,
      caseId: '0193a1c2-0000-7000-8000-000000000005',
      stepNumber: 3,
      agencyCode: '005.19.21.H26',
      requestedBy: '005.19.21.H26.specialist.1',
      reason: 'Thiếu chứng từ nghĩa vụ tài chính',
      missing: [{ code: 'NVTC', name: 'Chứng từ thực hiện nghĩa vụ tài chính' }],
      round: 1,
      ...names,
    });

  it('asks the coordinator, by name, to tell the applicant once and whole what is missing, and who asked where', () => {
    const draft = coordinatorMilestoneNotification({
      kind: 'supplement',
      event: supplement({ agencyName: 'Chi nhánh Văn phòng đăng ký đất đai huyện Ba Vì', requestedByName: 'Dương Hữu Sơn', coordinatorName: 'Ngô Xuân Yến' }),
    });
    expect(draft).toMatchObject({ channel: 'officer', recipient: COORDINATOR, receivingAgencyCode: '004.01.20.H26', templateKey: 'coordinator.milestone' });
    expect(draft?.subject).toBe(`Hồ sơ ${DOSSIER}: cần bổ sung hồ sơ (lần 1)`);
    expect(draft?.body).toMatch(/^Kính gửi đồng chí Ngô Xuân Yến,/);
    expect(draft?.body).toContain(
      'Bước 3 tại Chi nhánh Văn phòng đăng ký đất đai huyện Ba Vì (đồng chí Dương Hữu Sơn) đề nghị bổ sung: Thiếu chứng từ nghĩa vụ tài chính\n- Chứng từ thực hiện nghĩa vụ tài chính',
    );
    expect(draft?.body).toContain('lúc 09:30 ngày 26/11/2026');
  });

  it('names by code those an older event did not name', () => {
    const draft = coordinatorMilestoneNotification({ kind: 'supplement', event: supplement() });
    expect(draft?.body).toMatch(new RegExp(`^Kính gửi đồng chí ${COORDINATOR.replaceAll('.', '\\.')},`));
    expect(draft?.body).toContain('Bước 3 tại 005.19.21.H26 (đồng chí 005.19.21.H26.specialist.1) đề nghị bổ sung');
  });

  it('tells of a signed result and of the end of processing, with its note', () => {
    const signed = coordinatorMilestoneNotification({
      kind: 'completed',
      event: { ...completed('sign'), agencyName: 'Ủy ban nhân dân phường Trúc Bạch', actorName: 'Phan Minh Tuấn' } as TaskCompleted,
    });
    expect(signed?.subject).toBe(`Hồ sơ ${DOSSIER}: kết quả đã được ký`);
    expect(signed?.body).toContain('Kết quả được đồng chí Phan Minh Tuấn ký tại Ủy ban nhân dân phường Trúc Bạch (bước 2)');
    const closed = event(CaseClosed, {
      ...base,
      nationalStatus: 8,
      caseId: '0193a1c2-0000-7000-8000-000000000005',
      outcome: 'stopped',
      actorId: '004.01.20.H26.specialist.1',
      note: 'Không thuộc thẩm quyền',
    });
    const stopped = coordinatorMilestoneNotification({ kind: 'closed', event: closed });
    expect(stopped?.subject).toBe(`Hồ sơ ${DOSSIER}: bị dừng xử lý`);
    expect(stopped?.body).toContain('Người thực hiện: đồng chí 004.01.20.H26.specialist.1. Ghi chú: Không thuộc thẩm quyền');
  });

  it('tells of a passed appointment, to follow it up and tell the applicant', () => {
    const overdue = event(DeadlineOverdue, {
      ...base,
      nationalStatus: 4,
      subject: 'dossier',
      taskId: null,
      agencyCode: '004.01.20.H26',
      deadline: '2026-11-26T10:00:00.000Z',
      ownerId: null,
      escalatedTo: [],
    });
    const draft = coordinatorMilestoneNotification({ kind: 'overdue', event: overdue });
    expect(draft?.subject).toBe(`Hồ sơ ${DOSSIER}: đã quá hẹn trả kết quả`);
    expect(draft?.body).toContain('Hẹn trả: 17:00 ngày 26/11/2026. Đồng chí đôn đốc đơn vị đang giải quyết và thông báo cho người nộp');
  });

  it('names the agency and the owner of an overdue step', () => {
    const overdue = event(DeadlineOverdue, {
      ...base,
      nationalStatus: 4,
      subject: 'task',
      taskId: '0193a1c2-0000-7000-8000-000000000007',
      agencyCode: '004.01.20.H26',
      deadline: '2026-11-26T10:00:00.000Z',
      ownerId: '004.01.20.H26.specialist.1',
      escalatedTo: ['004.01.20.H26.leader.1'],
      agencyName: 'Ủy ban nhân dân phường Trúc Bạch',
      ownerName: 'Lý Thu Giang',
    });
    expect(coordinatorMilestoneNotification({ kind: 'overdue', event: overdue })?.body).toContain(
      'Bước tại Ủy ban nhân dân phường Trúc Bạch, hạn 17:00 ngày 26/11/2026, do đồng chí Lý Thu Giang xử lý.',
    );
  });

  it('stays silent on an ordinary step and on what the coordinator did themselves', () => {
    expect(coordinatorMilestoneNotification({ kind: 'completed', event: completed('forward') })).toBeNull();
    expect(coordinatorMilestoneNotification({ kind: 'completed', event: completed('sign', COORDINATOR) })).toBeNull();
    // a withdrawal that ended the coordinator's own step: they hear of it once, as its owner
    const withdrawn = event(CaseClosed, {
      ...base,
      nationalStatus: 7,
      caseId: '0193a1c2-0000-7000-8000-000000000005',
      outcome: 'withdrawn',
      actorId: '004.01.20.H26.head_of_desk.1',
      note: null,
      endedTask: { taskId: '0193a1c2-0000-7000-8000-000000000006', stepNumber: 1, agencyCode: '004.01.20.H26', ownerId: COORDINATOR },
    });
    expect(coordinatorMilestoneNotification({ kind: 'closed', event: withdrawn })).toBeNull();
    expect(coordinatorMilestoneNotification({ kind: 'closed', event: event(CaseClosed, { ...withdrawn, endedTask: null }) })?.subject).toBe(
      `Hồ sơ ${DOSSIER}: đã được rút theo đề nghị của người nộp`,
    );
  });
});
