import { randomUUID } from 'node:crypto';
import {
  AppointmentChanged,
  CaseClosed,
  DossierSupplemented,
  NationalStatus,
  ReturnMethod,
  SubmissionFiled,
  SubmissionRefused,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
  event,
} from '@motcua/contracts';
import { aDossierAccepted } from '@motcua/testing';
import { type DossierEventOf, type DossierFacts, type QueuedUpdate, applyDossierEvent, syncKeyOf } from './dossier-sync';

const settings = { applicantKindDefault: 1, electronicReturnCode: 0 } as const;
const accepted = aDossierAccepted({
  occurredAt: '2026-12-07T02:05:00.000Z',
  receivedAt: '2026-12-07T02:05:00.000Z',
  appointmentAt: '2026-12-10T09:00:00.000Z',
  procedureName: 'Đăng ký khai sinh',
  documents: [{ code: 'TK', name: 'Tờ khai đăng ký khai sinh', copies: 1 }],
  returnMethod: ReturnMethod.Post,
});
const code = accepted.dossierCode;
const base = { dossierCode: code, coordinatorId: 'officer-1' };
const taskId = randomUUID();
const created = (sequence: number, at: string, more: Partial<TaskCreated> = {}) =>
  event(TaskCreated, {
    ...base,
    nationalStatus: NationalStatus.InProgress,
    sequence,
    occurredAt: at,
    taskId,
    caseId: randomUUID(),
    stepNumber: 1,
    stepName: 'Công chức tư pháp thẩm định',
    agencyCode: accepted.receivingAgencyCode,
    agencyName: 'UBND phường',
    role: 'specialist',
    processVersion: 1,
    coordinatorName: 'Lê Văn Tiếp',
    ...more,
  });
const completed = (sequence: number, at: string, status: NationalStatus) =>
  event(TaskCompleted, {
    ...base,
    nationalStatus: status,
    sequence,
    occurredAt: at,
    taskId,
    stepNumber: 1,
    stepName: 'Công chức tư pháp thẩm định',
    agencyCode: accepted.receivingAgencyCode,
    action: 'sign',
    actorId: 'cv-1',
    actorName: 'Phạm Thu Hà',
    note: null,
  });
const supplementRequested = (sequence: number, at: string) =>
  event(SupplementRequested, {
    ...base,
    nationalStatus: NationalStatus.SupplementRequested,
    sequence,
    occurredAt: at,
    caseId: randomUUID(),
    stepNumber: 1,
    agencyCode: accepted.receivingAgencyCode,
    requestedBy: 'cv-1',
    reason: 'Thiếu giấy chứng sinh',
    missing: [{ name: 'Giấy chứng sinh' }],
    round: 1,
  });
const supplemented = (sequence: number, at: string) =>
  event(DossierSupplemented, {
    ...base,
    nationalStatus: NationalStatus.InProgress,
    sequence,
    occurredAt: at,
    documents: [{ name: 'Giấy chứng sinh' }],
    note: null,
    receivedBy: null,
    round: 1,
  });
const moved = (sequence: number, at: string) =>
  event(AppointmentChanged, {
    ...base,
    nationalStatus: NationalStatus.InProgress,
    sequence,
    occurredAt: at,
    cause: 'supplement_pause',
    appointmentAt: '2026-12-11T09:00:00.000Z',
    previousAppointmentAt: '2026-12-10T09:00:00.000Z',
    originalAppointmentAt: '2026-12-10T09:00:00.000Z',
    pausedWorkingMinutes: 480,
    reason: null,
    extension: 0,
    flagged: false,
    actorId: 'system',
  });
const closed = (sequence: number, at: string, outcome: CaseClosed['outcome'], status: NationalStatus, note: string | null = null) =>
  event(CaseClosed, { ...base, nationalStatus: status, sequence, occurredAt: at, caseId: randomUUID(), outcome, actorId: 'tra-1', note });

/** Applies events in order; the updates each queued, and the facts at the end. */
function play(events: DossierEventOf[], start: DossierFacts | null = null) {
  let facts = start;
  const updates: QueuedUpdate[][] = [];
  for (const input of events) {
    const applied = applyDossierEvent(facts, input, settings);
    if (applied.outcome === 'stale') {
      updates.push([]);
      continue;
    }
    facts = applied.facts;
    updates.push(applied.updates);
  }
  return { facts, updates };
}
const statuses = (updates: QueuedUpdate[][]) =>
  updates
    .flat()
    .filter((u) => u.kind === 'dossier')
    .map((u) => u.body.TrangThaiHoSo);

describe('a dossier’s sync record, from its events', () => {
  it('sends the acceptance as the HoSo the portal expects, dates in Vietnamese time', () => {
    const { updates } = play([{ type: 'accepted', event: accepted }]);
    expect(updates[0]).toEqual([
      {
        kind: 'dossier',
        body: expect.objectContaining({
          MaHoSo: code,
          MaTTHC: '1.001193',
          TenTTHC: 'Đăng ký khai sinh',
          KenhThucHien: 1,
          ChuHoSo: 'Nguyễn Thị Hoa',
          LoaiDoiTuong: 1,
          NgayNopHoSo: '20261207090500',
          NgayTiepNhan: '20261207090500',
          NgayHenTra: '20261210160000',
          TrangThaiHoSo: 2,
          HinhThuc: 1,
          TaiLieuNop: [{ MaThanhPhanHoSo: 'TK', TenTaiLieu: 'Tờ khai đăng ký khai sinh', SoBan: 1 }],
          DanhSachHoSoBoSung: [],
        }),
      },
    ]);
    expect(updates[0][0].body).not.toHaveProperty('NgayKetThucXuLy');
  });

  it('walks 2 → 4 → 5 → 4 → 9 → 10, one version per status, with the supplement’s appointments and the ends', () => {
    const { updates, facts } = play([
      { type: 'accepted', event: accepted },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'supplement-requested', event: supplementRequested(2, '2026-12-08T03:00:00.000Z') },
      { type: 'supplemented', event: supplemented(2, '2026-12-09T01:00:00.000Z') },
      { type: 'appointment-changed', event: moved(3, '2026-12-09T01:00:01.000Z') },
      { type: 'task-completed', event: completed(4, '2026-12-10T04:00:00.000Z', NationalStatus.Processed) },
      { type: 'case-closed', event: closed(5, '2026-12-10T08:00:00.000Z', 'returned', NationalStatus.Returned) },
    ]);
    expect(statuses(updates)).toEqual([2, 4, 5, 4, 4, 9, 10]);
    const last = updates[6][0].body;
    expect(last).toMatchObject({
      TrangThaiHoSo: 10,
      NgayHenTra: '20261211160000',
      NgayKetThucXuLy: '20261210110000',
      NgayTra: '20261210150000',
      DanhSachHoSoBoSung: [
        {
          NgayYeuCauBoSung: '20261208100000',
          NoiDungBoSung: 'Thiếu giấy chứng sinh: Giấy chứng sinh',
          NgayHenTraTruoc: '20261210160000',
          NgayHenTraMoi: '20261211160000',
          NgayBoSung: '20261209080000',
        },
      ],
    });
    expect(facts?.openTasks).toEqual({});
  });

  it('makes a progress row per hand-over, the completion carrying the step’s start and role', () => {
    const { updates } = play([
      { type: 'accepted', event: accepted },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'task-completed', event: completed(2, '2026-12-08T02:10:00.000Z', NationalStatus.Processed) },
    ]);
    const rows = updates
      .flat()
      .filter((u) => u.kind === 'progress')
      .map((u) => u.body);
    expect(rows).toEqual([
      {
        MaHoSo: code,
        NguoiXuLy: 'Lê Văn Tiếp',
        ChucDanh: 'Chuyên viên xử lý',
        ThoiDiemXuLy: '20261207091000',
        PhongBanXuLy: 'UBND phường',
        NoiDungXuLy: 'Chuyển xử lý bước 1: Công chức tư pháp thẩm định',
        TrangThai: 4,
        NgayBatDau: '20261207091000',
      },
      {
        MaHoSo: code,
        NguoiXuLy: 'Phạm Thu Hà',
        ChucDanh: 'Chuyên viên xử lý',
        ThoiDiemXuLy: '20261208091000',
        PhongBanXuLy: accepted.receivingAgencyCode,
        NoiDungXuLy: 'Công chức tư pháp thẩm định (sign)',
        TrangThai: 9,
        NgayBatDau: '20261207091000',
      },
    ]);
  });

  it('never queues an older state after a newer one: a late hand-over is only its progress row, a repeated event changes nothing', () => {
    const { updates, facts } = play([
      { type: 'accepted', event: accepted },
      { type: 'task-completed', event: completed(4, '2026-12-10T04:00:00.000Z', NationalStatus.Processed) },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'accepted', event: accepted },
    ]);
    expect(updates[2]).toEqual([expect.objectContaining({ kind: 'progress', fact: `task-created#${taskId}`, sequence: 1 })]);
    expect(updates[3]).toEqual([]);
    expect(statuses(updates)).toEqual([2, 9]);
    // the task was completed before its creation was heard: it stays closed
    expect(facts?.openTasks).toEqual({});
  });

  it('a step’s completion (3) heard before the next task’s creation (2): both progress rows, the status not taken back', () => {
    const nextTask = randomUUID();
    const { updates, facts } = play([
      { type: 'accepted', event: accepted },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'task-completed', event: completed(3, '2026-12-08T02:10:00.000Z', NationalStatus.Processed) },
      { type: 'task-created', event: created(2, '2026-12-08T02:10:00.000Z', { taskId: nextTask, stepNumber: 2, role: 'returner', stepName: 'Trả kết quả' }) },
    ]);
    const rows = updates.flat().filter((u) => u.kind === 'progress');
    expect(rows.map((u) => (u.kind === 'progress' ? [u.fact, u.sequence, u.body.TrangThai] : null))).toEqual([
      [`task-created#${taskId}`, 1, 4],
      [`task-completed#${taskId}`, 3, 9],
      [`task-created#${nextTask}`, 2, 4],
    ]);
    expect(updates[3]).toEqual([
      expect.objectContaining({ kind: 'progress', body: expect.objectContaining({ NoiDungXuLy: 'Chuyển xử lý bước 2: Trả kết quả' }) }),
    ]);
    expect(statuses(updates)).toEqual([2, 4, 9]);
    expect(facts).toMatchObject({ status: 9, workflowSequence: 3, openTasks: { [nextTask]: expect.objectContaining({ role: 'returner' }) } });
  });

  it('a late completion still fills what only it carries: the end of processing, its status not taken back', () => {
    const returnerTask = randomUUID();
    const { updates } = play([
      { type: 'accepted', event: accepted },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      {
        type: 'task-created',
        event: created(3, '2026-12-08T02:10:00.000Z', { taskId: returnerTask, stepNumber: 2, nationalStatus: NationalStatus.Processed }),
      },
      { type: 'task-completed', event: completed(2, '2026-12-08T02:10:00.000Z', NationalStatus.Processed) },
    ]);
    expect(updates[2].map((u) => u.kind)).toEqual(['dossier', 'progress']);
    expect(updates[2][0].body).not.toHaveProperty('NgayKetThucXuLy');
    expect(updates[3].map((u) => u.kind)).toEqual(['dossier', 'progress']);
    expect(updates[3][0].body).toMatchObject({ TrangThaiHoSo: 9, NgayKetThucXuLy: '20261208091000' });
    expect(updates[3][1].body).toMatchObject({ ChucDanh: 'Chuyên viên xử lý', NgayBatDau: '20261207091000' });
  });

  it('the pause’s appointment change (at 5) does not reopen the pause, heard before or after the resumed task', () => {
    const resumed = randomUUID();
    const start = [
      { type: 'accepted', event: accepted },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'supplement-requested', event: supplementRequested(2, '2026-12-08T03:00:00.000Z') },
      { type: 'supplemented', event: supplemented(2, '2026-12-09T01:00:00.000Z') },
    ] as const satisfies DossierEventOf[];
    const pause: DossierEventOf = {
      type: 'appointment-changed',
      event: { ...moved(3, '2026-12-09T01:00:01.000Z'), nationalStatus: NationalStatus.SupplementRequested },
    };
    const task: DossierEventOf = {
      type: 'task-created',
      event: created(4, '2026-12-09T01:00:01.000Z', { taskId: resumed, appointmentAt: '2026-12-11T09:00:00.000Z' }),
    };
    for (const order of [
      [pause, task],
      [task, pause],
    ]) {
      const { updates } = play([...start, ...order]);
      // never back to 5 (a version per changed field: the task first, then the pause's supplement entry)
      expect(statuses(updates).filter((status, i, all) => i === 0 || status !== all[i - 1])).toEqual([2, 4, 5, 4]);
      expect(
        updates
          .flat()
          .filter((u) => u.kind === 'dossier')
          .at(-1)?.body,
      ).toMatchObject({
        TrangThaiHoSo: 4,
        NgayHenTra: '20261211160000',
        DanhSachHoSoBoSung: [{ NgayHenTraTruoc: '20261210160000', NgayHenTraMoi: '20261211160000', NgayBoSung: '20261209080000' }],
      });
    }
  });

  it('the same hand-over heard twice (a redelivery, or its sequence repeated): one progress row', () => {
    const { updates } = play([
      { type: 'accepted', event: accepted },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'task-completed', event: completed(3, '2026-12-08T02:10:00.000Z', NationalStatus.Processed) },
      { type: 'task-completed', event: completed(3, '2026-12-08T02:10:00.000Z', NationalStatus.Processed) },
      { type: 'task-created', event: created(2, '2026-12-07T02:10:00.000Z') },
    ]);
    expect(updates.flat().filter((u) => u.kind === 'progress')).toHaveLength(2);
    expect(updates.slice(2).map((u) => u.length)).toEqual([0, 2, 0, 0]);
  });

  it('keeps workflow’s status when its events overtake intake’s acceptance, and sends nothing until the applicant is known', () => {
    const { updates } = play([
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'accepted', event: accepted },
    ]);
    expect(updates[0].map((u) => u.kind)).toEqual(['progress']);
    expect(statuses(updates)).toEqual([4]);
  });

  it('a supplement heard after workflow moved on does not take the status back', () => {
    const { updates } = play([
      { type: 'accepted', event: accepted },
      { type: 'supplement-requested', event: supplementRequested(1, '2026-12-08T03:00:00.000Z') },
      { type: 'task-completed', event: completed(3, '2026-12-10T04:00:00.000Z', NationalStatus.Processed) },
      { type: 'supplemented', event: supplemented(2, '2026-12-09T01:00:00.000Z') },
    ]);
    expect(statuses(updates).at(-1)).toBe(9);
  });

  it('a stop carries its reason and the end of processing', () => {
    const { updates } = play([
      { type: 'accepted', event: accepted },
      { type: 'case-closed', event: closed(1, '2026-12-08T03:00:00.000Z', 'stopped', NationalStatus.Stopped, 'Người dân không bổ sung') },
    ]);
    expect(updates[1][0].body).toMatchObject({ TrangThaiHoSo: 8, LyDo: 'Người dân không bổ sung', NgayKetThucXuLy: '20261208100000' });
  });

  it('a refused online submission is keyed by the portal’s reference and sent as 3 with its reason', () => {
    const refused = event(SubmissionRefused, {
      submissionId: randomUUID(),
      portalReference: 'G22.99-261207-0001',
      receivingAgencyCode: accepted.receivingAgencyCode,
      procedureCode: '1.001193',
      nationalStatus: NationalStatus.RefusedAtReceipt,
      sequence: 2,
      occurredAt: '2026-12-07T03:00:00.000Z',
      outcome: 'refused',
      reason: 'Không thuộc thẩm quyền',
      actorId: 'tn-1',
      filedAt: '2026-12-06T15:00:00.000Z',
    });
    const input: DossierEventOf = { type: 'submission-refused', event: refused };
    expect(syncKeyOf(input)).toBe('QG:G22.99-261207-0001');
    const { updates } = play([input]);
    // keyed by MaHoSoQG alone: a dossier code is the desk's to give, and this one never had one (docs/national-portal.md)
    expect(updates[0][0].body).toEqual({
      MaHoSoQG: 'G22.99-261207-0001',
      MaTTHC: '1.001193',
      TrangThaiHoSo: 3,
      LyDo: 'Không thuộc thẩm quyền',
      KenhThucHien: 2,
      NgayNopHoSo: '20261206220000',
      NgayKetThucXuLy: '20261207100000',
      DonViXuLy: accepted.receivingAgencyCode,
    });
  });

  it('sends nothing of an online filing (1): the portal has it, and the desk’s acceptance goes as the dossier it became', () => {
    const filed = event(SubmissionFiled, {
      submissionId: randomUUID(),
      portalReference: 'G22.99-261207-0002',
      receivingAgencyCode: accepted.receivingAgencyCode,
      procedureCode: '1.001193',
      nationalStatus: NationalStatus.NewlyFiled,
      sequence: 1,
      occurredAt: '2026-12-07T01:00:00.000Z',
      applicant: { fullName: 'Trần Văn Nam', wardCode: '00016' },
      documents: [],
      returnMethod: ReturnMethod.Desk,
      filedAt: '2026-12-06T15:00:00.000Z',
      countsFrom: '2026-12-07T01:00:00.000Z',
      decideBy: '2026-12-07T10:00:00.000Z',
    });
    const { updates } = play([{ type: 'submission-filed', event: filed }]);
    expect(updates).toEqual([[]]);
  });

  it('an appointment moved by the supplement’s pause, published at 5, does not take the supplied dossier back to 5', () => {
    const { updates } = play([
      { type: 'accepted', event: accepted },
      { type: 'task-created', event: created(1, '2026-12-07T02:10:00.000Z') },
      { type: 'supplement-requested', event: supplementRequested(2, '2026-12-08T03:00:00.000Z') },
      { type: 'supplemented', event: supplemented(2, '2026-12-09T01:00:00.000Z') },
      { type: 'appointment-changed', event: { ...moved(3, '2026-12-09T01:00:01.000Z'), nationalStatus: NationalStatus.SupplementRequested } },
    ]);
    expect(statuses(updates)).toEqual([2, 4, 5, 4, 4]);
    expect(updates[4][0].body).toMatchObject({ NgayHenTra: '20261211160000' });
  });
});
