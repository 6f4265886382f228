import { NationalStatus, nationalStatusName } from '@motcua/contracts';
import { SYSTEM_NAME, type SlipEvent, caseNationalStatus, controlSlip } from './control-slip';

const TRUC_BACH = '004.01.20.H26';
const RECEIVER = `${TRUC_BACH}.receiver.1`;
const SPECIALIST = `${TRUC_BACH}.specialist.1`;
const LEADER = `${TRUC_BACH}.leader.1`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 2, minute));

const task = (id: string, stepNumber: number) => ({
  id,
  stepNumber,
  stepName: `Bước ${stepNumber}`,
  agencyCode: TRUC_BACH,
  agencyName: 'Ủy ban nhân dân phường Trúc Bạch',
  dueAt: at(59),
});
const names = new Map([
  [RECEIVER, 'Nguyễn Thị Lan'],
  [SPECIALIST, 'Trần Văn Hùng'],
  [LEADER, 'Lê Minh Chi'],
]);

describe('the process-control slip', () => {
  const events: SlipEvent[] = [
    { taskId: 't1', kind: 'created', actorId: RECEIVER, at: at(0), details: {} },
    { taskId: 't1', kind: 'assigned', actorId: 'system', at: at(0), details: { ownerId: SPECIALIST } },
    { taskId: 't1', kind: 'completed', actorId: SPECIALIST, at: at(10), details: { action: 'forward', note: null } },
    { taskId: 't2', kind: 'created', actorId: SPECIALIST, at: at(10), details: {} },
    { taskId: 't2', kind: 'claimed', actorId: 'unknown.officer', at: at(12), details: { ownerId: 'unknown.officer' } },
  ];
  const rows = controlSlip([task('t1', 1), task('t2', 2)], events, RECEIVER, names);

  it('names every officer beside their id: who gave it, who had it, who ended it', () => {
    expect(rows[0]).toMatchObject({
      givenBy: RECEIVER,
      givenByName: 'Nguyễn Thị Lan',
      receivedBy: SPECIALIST,
      receivedByName: 'Trần Văn Hùng',
      completedBy: SPECIALIST,
      completedByName: 'Trần Văn Hùng',
    });
    expect(rows[1]).toMatchObject({ givenByName: 'Trần Văn Hùng', completedBy: null, completedByName: null });
  });

  it('signs an automatic assignment as the system, and leaves the name of an officer it does not know null', () => {
    expect(rows[0].ownerChanges).toEqual([
      expect.objectContaining({ change: 'assigned', ownerId: SPECIALIST, ownerName: 'Trần Văn Hùng', by: 'system', byName: SYSTEM_NAME }),
    ]);
    expect(rows[1].ownerChanges).toEqual([expect.objectContaining({ ownerId: 'unknown.officer', ownerName: null, byName: null })]);
  });
});

describe('the dossier’s national status on the slip', () => {
  it('is the open task’s while processing runs, 5 while the applicant is asked, and how it ended once closed', () => {
    expect(caseNationalStatus({ status: 'in_progress', outcome: null }, NationalStatus.Processed)).toBe(NationalStatus.Processed);
    expect(caseNationalStatus({ status: 'awaiting_supplement', outcome: null }, null)).toBe(NationalStatus.SupplementRequested);
    expect(caseNationalStatus({ status: 'closed', outcome: 'returned' }, null)).toBe(NationalStatus.Returned);
    expect(caseNationalStatus({ status: 'closed', outcome: 'withdrawn' }, null)).toBe(NationalStatus.Withdrawn);
    expect(nationalStatusName(caseNationalStatus({ status: 'closed', outcome: 'stopped' }, null))).toBe('Dừng xử lý');
  });
});
