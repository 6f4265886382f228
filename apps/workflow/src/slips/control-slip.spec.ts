import { toVietnamIso } from '@motcua/calendar';
import { NationalStatus, nationalStatusName } from '@motcua/contracts';
import { SYSTEM_NAME, type SlipEvent, type SlipPostalFact, caseNationalStatus, controlSlip, postalSlipRows } from './control-slip';

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

describe('the post on the slip', () => {
  const fact = (kind: SlipPostalFact['kind'], minute: number, more: Partial<SlipPostalFact> = {}): SlipPostalFact => ({
    shipmentId: '0b6f1c9e-3f7a-4d2b-9a51-2f1d3c4b5a69',
    sequence: minute,
    kind,
    waybill: 'EB123456785VN',
    agencyCode: TRUC_BACH,
    agencyName: 'Ủy ban nhân dân phường Trúc Bạch',
    actorId: null,
    actorName: null,
    receivedBy: null,
    reason: null,
    at: at(minute),
    ...more,
  });
  const RETURNER = `${TRUC_BACH}.returner.1`;

  it('shows the returner giving the result to the post, then the post bringing it to the applicant, in the carrier’s order', () => {
    // the delivery arrived first: the slip still reads in the order things happened
    const rows = postalSlipRows(
      [fact('delivered', 40, { receivedBy: 'Nguyễn Văn An' }), fact('handed_over', 20, { actorId: RETURNER })],
      3,
      'Vũ Thị Mai',
      new Map([[RETURNER, 'Phạm Thu Trang']]),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'postal',
        stepNumber: 3,
        stepName: 'Bộ phận Một cửa giao kết quả cho bưu điện',
        agencyName: 'Ủy ban nhân dân phường Trúc Bạch',
        givenBy: RETURNER,
        givenByName: 'Phạm Thu Trang',
        receivedByName: 'Bưu điện (vận đơn EB123456785VN)',
        handedOverAt: toVietnamIso(at(20)),
        note: null,
      }),
      expect.objectContaining({
        stepName: 'Bưu điện phát kết quả cho người nhận',
        givenByName: 'Bưu điện (vận đơn EB123456785VN)',
        receivedByName: 'Vũ Thị Mai',
        note: 'Người ký nhận: Nguyễn Văn An',
      }),
    ]);
  });

  it('notes why the post could not deliver, and brought the result back to the desk', () => {
    const rows = postalSlipRows(
      [fact('delivery_failed', 30, { reason: 'Người nhận vắng nhà' }), fact('returned', 50, { reason: 'Quá số lần phát' })],
      3,
      'Vũ Thị Mai',
      new Map(),
    );
    expect(rows.map((r) => [r.stepName, r.givenByName, r.receivedByName, r.note])).toEqual([
      ['Bưu điện phát kết quả không thành công', 'Bưu điện (vận đơn EB123456785VN)', 'Vũ Thị Mai', 'Người nhận vắng nhà'],
      ['Bưu điện chuyển hoàn kết quả về Bộ phận Một cửa', 'Bưu điện (vận đơn EB123456785VN)', 'Ủy ban nhân dân phường Trúc Bạch', 'Quá số lần phát'],
    ]);
  });

  it('signs the returner’s step ended by a delivery as the post', () => {
    const [row] = controlSlip(
      [task('t3', 3)],
      [{ taskId: 't3', kind: 'completed', actorId: 'postal', at: at(40), details: { action: 'hand_over', note: 'Bưu điện đã phát' } }],
      RECEIVER,
      names,
    );
    expect(row).toMatchObject({ completedBy: 'postal', completedByName: 'Bưu điện', outcome: 'hand_over' });
  });
});
