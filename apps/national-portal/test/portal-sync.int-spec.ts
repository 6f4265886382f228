import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/auth';
import {
  AppointmentChanged,
  CaseClosed,
  type DossierAccepted,
  DossierSupplemented,
  NationalStatus,
  SubmissionFiled,
  SubmissionRefused,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
  event,
} from '@motcua/contracts';
import { aDossierAccepted, eventually, useServiceApp, withEventPublisher } from '@motcua/testing';
import request from 'supertest';
import { type RunningNationalPortalSimulator, startNationalPortalSimulator } from '../../../simulators/national-portal/national-portal-simulator';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET } from '../src/portal/portal.environment';

/** Patience for anything the adapter does in the background: other suites load this machine too. */
const PATIENCE = 30_000;

/**
 * An instant as the portal must read it, computed here and not by the adapter's code: `yyyyMMddHHmmss` of the
 * wall clock in Asia/Ho_Chi_Minh (UTC+7 all year).
 */
const vn = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');

/**
 * The adapter (in-process, its dispatcher running) against real PostgreSQL and RabbitMQ and the real portal
 * simulator over HTTP (simulators/national-portal): the simulator checks every field of every call, keeps every
 * version it accepted and records what a correct adapter never sends (an older status after a newer one, progress
 * before its dossier). This file plays intake's and workflow's parts by publishing their events, as they publish them.
 */
describe('national-portal: every dossier’s state and progress to the portal, in order', () => {
  let portal: RunningNationalPortalSimulator;
  beforeAll(async () => {
    portal = await startNationalPortalSimulator({ clientId: SIMULATOR_CLIENT_ID, clientSecret: SIMULATOR_CLIENT_SECRET });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const { service, db, server } = useServiceApp({
    service: SERVICE,
    module: AppModule,
    entities,
    migrations,
    env: () => ({
      PORTAL_URL: portal.url,
      PORTAL_CLIENT_ID: SIMULATOR_CLIENT_ID,
      PORTAL_CLIENT_SECRET: SIMULATOR_CLIENT_SECRET,
      PORTAL_POLL_INTERVAL_MS: '30',
      PORTAL_RETRY_BASE_MS: '50',
      PORTAL_RETRY_MAX_MS: '200',
      PORTAL_CIRCUIT_OPEN_MS: '200',
      PORTAL_CIRCUIT_MAX_OPEN_MS: '400',
      PORTAL_TIMEOUT_MS: '3000',
      PORTAL_LEASE_MS: '10000',
      PORTAL_PULL_INTERVAL_MS: '0',
      // one consumer transaction at a time: a dossier's events apply in the order published (several transactions at
      // once may take a later one first, which the mapping tolerates: dossier-sync.spec.ts), so its versions are exact
      MESSAGING_CONSUMER_CONCURRENCY: '1',
    }),
  });

  beforeEach(() => {
    portal.control({ mode: 'ok', count: null, reject: null });
  });

  /** What the portal holds of a dossier: its versions (status, isUpdating, the HoSo as sent) and progress rows. */
  const onPortal = (key: string) => portal.dossier(key);
  const statusesOf = (key: string) => onPortal(key)?.versions.map((v) => v.TrangThaiHoSo) ?? [];
  const violationsAbout = (...keys: string[]) => portal.violations().filter((v) => keys.includes(v.key));
  const unsent = async (keys: string[]): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM portal_update WHERE sent_at IS NULL AND dossier_key = ANY($1)`, [keys]))[0].n as number;

  const APPOINTMENT = '2026-12-03T09:00:00.000Z';
  const MOVED = '2026-12-04T09:00:00.000Z';

  /**
   * A dossier's life after intake's acceptance, as its producers publish it (workflow: apps/workflow/src/cases/
   * resume-case.ts): a step (4), a supplement asked (5), intake's supplement (4), workflow's appointment moved by the
   * pause — published while its case is still at 5 —, the step resumed (4), the result signed (9), returned (10).
   */
  function life(code: string) {
    const base = { dossierCode: code, coordinatorId: 'officer-1' };
    const caseId = randomUUID();
    const step = { caseId, stepNumber: 1, stepName: 'Thẩm định', agencyCode: '000.00.01.H26', role: 'specialist', processVersion: 1 };
    const resumed = randomUUID();
    return [
      event(TaskCreated, {
        ...base,
        ...step,
        taskId: randomUUID(),
        nationalStatus: NationalStatus.InProgress,
        sequence: 1,
        occurredAt: '2026-11-26T02:10:00.000Z',
        appointmentAt: APPOINTMENT,
      }),
      event(SupplementRequested, {
        ...base,
        nationalStatus: NationalStatus.SupplementRequested,
        sequence: 2,
        occurredAt: '2026-11-27T02:00:00.000Z',
        caseId,
        stepNumber: 1,
        agencyCode: step.agencyCode,
        requestedBy: 'cv-1',
        reason: 'Thiếu giấy chứng sinh',
        missing: [{ name: 'Giấy chứng sinh' }],
        round: 1,
      }),
      event(DossierSupplemented, {
        ...base,
        nationalStatus: NationalStatus.InProgress,
        sequence: 2,
        occurredAt: '2026-11-28T02:00:00.000Z',
        documents: [{ name: 'Giấy chứng sinh' }],
        note: null,
        receivedBy: null,
        round: 1,
      }),
      event(AppointmentChanged, {
        ...base,
        nationalStatus: NationalStatus.SupplementRequested,
        sequence: 3,
        occurredAt: '2026-11-28T02:00:01.000Z',
        cause: 'supplement_pause',
        appointmentAt: MOVED,
        previousAppointmentAt: APPOINTMENT,
        originalAppointmentAt: APPOINTMENT,
        pausedWorkingMinutes: 480,
        reason: null,
        extension: 0,
        flagged: false,
        actorId: 'system',
      }),
      event(TaskCreated, {
        ...base,
        ...step,
        taskId: resumed,
        nationalStatus: NationalStatus.InProgress,
        sequence: 4,
        occurredAt: '2026-11-28T02:00:01.000Z',
        appointmentAt: MOVED,
        resumedAfterSupplementRound: 1,
      }),
      event(TaskCompleted, {
        ...base,
        taskId: resumed,
        stepNumber: 1,
        stepName: 'Thẩm định',
        agencyCode: step.agencyCode,
        action: 'sign',
        actorId: 'cv-1',
        note: null,
        nationalStatus: NationalStatus.Processed,
        sequence: 5,
        occurredAt: '2026-11-29T03:00:00.000Z',
      }),
      event(CaseClosed, {
        ...base,
        caseId,
        outcome: 'returned',
        actorId: 'tra-1',
        note: null,
        nationalStatus: NationalStatus.Returned,
        sequence: 6,
        occurredAt: '2026-11-30T08:00:00.000Z',
      }),
    ];
  }
  /** The versions the portal must get of a life (the second 4 carries the appointment moved by the pause), its progress rows. */
  const LIFE_VERSIONS = [2, 4, 5, 4, 4, 9, 10];
  const LIFE_PROGRESS = [4, 4, 9];
  const LIFE_UPDATES = LIFE_VERSIONS.length + LIFE_PROGRESS.length;

  async function walk(accepted: DossierAccepted) {
    await service.publish(accepted);
    for (const e of life(accepted.dossierCode)) await service.publish(e);
  }
  const returned = (code: string, what = `${code} returned on the portal`) =>
    eventually(
      () => {
        const dossier = onPortal(code);
        return dossier?.versions.at(-1)?.TrangThaiHoSo === 10 && dossier.progress.length === LIFE_PROGRESS.length ? dossier : undefined;
      },
      what,
      PATIENCE,
    );
  /** Each dossier's whole life on the portal: every version and progress row once, in order, the record never recreated. */
  function expectWholeLives(codes: string[]) {
    for (const code of codes) {
      const dossier = onPortal(code)!;
      expect(dossier.versions.map((v) => v.TrangThaiHoSo)).toEqual(LIFE_VERSIONS);
      expect(dossier.progress.map((p) => p.row.TrangThai)).toEqual(LIFE_PROGRESS);
      expect(dossier.recreated).toBe(0);
    }
    expect(violationsAbout(...codes)).toEqual([]);
  }
  /** Once everything queued for these dossiers is sent: nothing more comes later (a duplicate would show after this). */
  const settled = (keys: string[]) => eventually(async () => (await unsent(keys)) === 0, `everything of ${keys.join(', ')} sent`, PATIENCE);

  it('sends a dossier’s life 2 → 4 → 5 → 4 → 9 → 10 once each, in order, with exact fields; progress after the dossier', async () => {
    const accepted = aDossierAccepted({ appointmentAt: APPOINTMENT, filedAt: undefined });
    const code = accepted.dossierCode;
    await walk(accepted);
    await returned(code);
    await settled([code]);
    const dossier = onPortal(code)!;

    expect(dossier.versions.map((v) => v.TrangThaiHoSo)).toEqual(LIFE_VERSIONS);
    expect(dossier.versions.map((v) => v.isUpdating)).toEqual([false, true, true, true, true, true, true]);
    expect(dossier.recreated).toBe(0);
    expect(dossier.violations).toEqual([]);
    expect(violationsAbout(code)).toEqual([]);

    const [first, , asked, supplied, moved, signed, done] = dossier.versions.map((v) => v.hoSo);
    expect(first).toEqual(
      expect.objectContaining({
        MaHoSo: code,
        MaTTHC: '1.001193',
        KenhThucHien: 1,
        ChuHoSo: accepted.applicant.fullName,
        LoaiDoiTuong: 1,
        SoDienThoai: accepted.applicant.phone,
        Email: accepted.applicant.email,
        NgayNopHoSo: vn(accepted.receivedAt), // at the desk, filing is receipt
        NgayTiepNhan: vn(accepted.receivedAt),
        NgayHenTra: vn(APPOINTMENT),
        TrangThaiHoSo: 2,
        HinhThuc: 0,
        DonViXuLy: accepted.receivingAgencyCode,
        DanhSachHoSoBoSung: [],
      }),
    );
    expect(first.NgayNopHoSo).toBe('20261126090500'); // 02:05 UTC is 09:05 in Hà Nội
    for (const absent of ['MaHoSoQG', 'NgayKetThucXuLy', 'NgayTra', 'LyDo']) expect(first).not.toHaveProperty(absent);

    const request1 = { NgayYeuCauBoSung: vn('2026-11-27T02:00:00.000Z'), NoiDungBoSung: 'Thiếu giấy chứng sinh: Giấy chứng sinh' };
    expect(asked.DanhSachHoSoBoSung).toEqual([{ ...request1, NgayHenTraTruoc: vn(APPOINTMENT), NgayHenTraMoi: vn(APPOINTMENT) }]);
    expect(supplied.DanhSachHoSoBoSung).toEqual([
      { ...request1, NgayHenTraTruoc: vn(APPOINTMENT), NgayHenTraMoi: vn(APPOINTMENT), NgayBoSung: vn('2026-11-28T02:00:00.000Z') },
    ]);
    const supplement = { ...request1, NgayHenTraTruoc: vn(APPOINTMENT), NgayHenTraMoi: vn(MOVED), NgayBoSung: vn('2026-11-28T02:00:00.000Z') };
    expect(moved).toMatchObject({ TrangThaiHoSo: 4, NgayHenTra: vn(MOVED), DanhSachHoSoBoSung: [supplement] });
    expect(signed).toMatchObject({ TrangThaiHoSo: 9, NgayKetThucXuLy: vn('2026-11-29T03:00:00.000Z') });
    expect(signed).not.toHaveProperty('NgayTra');
    expect(done).toMatchObject({
      TrangThaiHoSo: 10,
      NgayTiepNhan: vn(accepted.receivedAt),
      NgayHenTra: vn(MOVED),
      NgayKetThucXuLy: vn('2026-11-29T03:00:00.000Z'),
      NgayTra: vn('2026-11-30T08:00:00.000Z'),
      DanhSachHoSoBoSung: [supplement],
    });
    expect(done.NgayTra).toBe('20261130150000');

    // progress: one row per hand-over, each after the dossier was accepted, with its own instant
    expect(dossier.progress.map((p) => p.row.TrangThai)).toEqual(LIFE_PROGRESS);
    expect(dossier.progress[0].row).toEqual(
      expect.objectContaining({
        MaHoSo: code,
        NguoiXuLy: 'officer-1',
        ChucDanh: 'Chuyên viên xử lý',
        ThoiDiemXuLy: vn('2026-11-26T02:10:00.000Z'),
        NgayBatDau: vn('2026-11-26T02:10:00.000Z'),
        PhongBanXuLy: '000.00.01.H26',
      }),
    );
    expect(dossier.progress[2].row).toEqual(
      expect.objectContaining({ NguoiXuLy: 'cv-1', ThoiDiemXuLy: vn('2026-11-29T03:00:00.000Z'), NgayBatDau: vn('2026-11-28T02:00:01.000Z'), TrangThai: 9 }),
    );
    const firstAccepted = Date.parse(dossier.versions[0].receivedAt);
    for (const row of dossier.progress) expect(Date.parse(row.receivedAt)).toBeGreaterThanOrEqual(firstAccepted);
  });

  it('a stop (8) and a withdrawal (7) reach the portal with their reason and the end of processing', async () => {
    const stopped = aDossierAccepted();
    const withdrawn = aDossierAccepted();
    const close = (accepted: DossierAccepted, outcome: 'stopped' | 'withdrawn', nationalStatus: NationalStatus, note: string) =>
      event(CaseClosed, {
        dossierCode: accepted.dossierCode,
        coordinatorId: 'officer-1',
        caseId: randomUUID(),
        outcome,
        actorId: 'ld-1',
        note,
        nationalStatus,
        sequence: 2,
        occurredAt: '2026-11-27T04:30:00.000Z',
      });
    for (const [accepted, closed] of [
      [stopped, close(stopped, 'stopped', NationalStatus.Stopped, 'Người dân không bổ sung hồ sơ trong thời hạn')],
      [withdrawn, close(withdrawn, 'withdrawn', NationalStatus.Withdrawn, 'Người dân xin rút hồ sơ')],
    ] as const) {
      await service.publish(accepted);
      await service.publish(life(accepted.dossierCode)[0]); // a step (4)
      await service.publish(closed);
    }
    for (const [accepted, status, reason] of [
      [stopped, 8, 'Người dân không bổ sung hồ sơ trong thời hạn'],
      [withdrawn, 7, 'Người dân xin rút hồ sơ'],
    ] as const) {
      const code = accepted.dossierCode;
      await eventually(
        async () => {
          if (statusesOf(code).at(-1) === status) return true;
          // why not yet, for the timeout's message
          const [record] = await db.query(`SELECT state, last_error, record->'status' AS status FROM portal_dossier WHERE key = $1`, [code]);
          throw new Error(`on the portal: [${statusesOf(code).join(', ')}]; the sync record: ${JSON.stringify(record)}`);
        },
        `${code} at ${status} on the portal`,
        PATIENCE,
      );
      await settled([code]);
      expect(statusesOf(code)).toEqual([2, 4, status]);
      expect(onPortal(code)!.versions.at(-1)!.hoSo).toMatchObject({ TrangThaiHoSo: status, LyDo: reason, NgayKetThucXuLy: '20261127113000' });
      expect(onPortal(code)!.versions.at(-1)!.hoSo).not.toHaveProperty('NgayTra');
      expect(violationsAbout(code)).toEqual([]);
    }
  });

  it('a desk’s refusal of an online submission (3) reaches the portal keyed by its MaHoSoQG, with the reason', async () => {
    const [online] = portal.addOnlineDossiers({ MaDonVi: '016.01.20.H26', MaXaPhuong: '00016' });
    const reference = online.MaHoSoQG;
    const submission = {
      submissionId: randomUUID(),
      portalReference: reference,
      receivingAgencyCode: '016.01.20.H26',
      procedureCode: '1.001193',
    };
    const filedAt = '2026-11-26T12:30:00.000Z';
    await service.publish(
      event(SubmissionFiled, {
        ...submission,
        nationalStatus: NationalStatus.NewlyFiled,
        sequence: 1,
        occurredAt: '2026-11-26T12:30:05.000Z',
        applicant: { fullName: online.ChuHoSo, wardCode: '00016' },
        documents: online.TaiLieuNop.map((d) => ({ code: d.MaThanhPhanHoSo, name: d.TenTaiLieu, url: d.DuongDan, checksum: d.MaKiemTra })),
        returnMethod: 'desk',
        filedAt,
        countsFrom: '2026-11-27T01:00:00.000Z',
        decideBy: '2026-11-27T10:00:00.000Z',
      } as unknown as SubmissionFiled),
    );
    await service.publish(
      event(SubmissionRefused, {
        ...submission,
        nationalStatus: NationalStatus.RefusedAtReceipt,
        sequence: 2,
        occurredAt: '2026-11-27T02:15:00.000Z',
        outcome: 'refused',
        reason: 'Không thuộc thẩm quyền giải quyết của UBND phường',
        actorId: 'tn-1',
        filedAt,
      }),
    );
    await eventually(() => statusesOf(reference).includes(3), `${reference} refused on the portal`, PATIENCE);
    await settled([`QG:${reference}`]);
    const dossier = onPortal(reference)!;
    expect(dossier.versions.map((v) => v.TrangThaiHoSo)).toEqual([3]); // the filing (1) is the portal's own: not sent back
    expect(dossier.MaHoSo).toBeNull();
    expect(dossier.versions[0].hoSo).toMatchObject({
      MaHoSoQG: reference,
      TrangThaiHoSo: 3,
      LyDo: 'Không thuộc thẩm quyền giải quyết của UBND phường',
    });
    expect(dossier.versions[0].hoSo).not.toHaveProperty('MaHoSo');
    expect(violationsAbout(reference)).toEqual([]);
    const [record] = await db.query(`SELECT state, last_error AS "lastError" FROM portal_dossier WHERE key = $1`, [`QG:${reference}`]);
    expect(record).toEqual({ state: 'idle', lastError: null });
  });

  it('keeps everything while the portal is down and sends it all in order, none twice, once it is back', async () => {
    portal.control({ mode: 'down', count: null });
    const before = portal.stats();
    const dossiers = [aDossierAccepted(), aDossierAccepted(), aDossierAccepted()];
    const codes = dossiers.map((d) => d.dossierCode);
    for (const accepted of dossiers) await walk(accepted);
    await eventually(async () => (await unsent(codes)) === dossiers.length * LIFE_UPDATES, 'every update queued while the portal is down', PATIENCE);
    // it was tried, and none of it taken
    await eventually(() => portal.stats().unavailable > before.unavailable, 'the adapter trying the portal', PATIENCE);
    expect(portal.stats().recordsAccepted).toBe(before.recordsAccepted);
    for (const code of codes) expect(onPortal(code)).toBeNull();
    const ready = await request(service.app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.stringify(ready.body)).toContain('"reachable":false');

    portal.control({ mode: 'ok', count: null });
    for (const code of codes) await returned(code, `${code} caught up`);
    await settled(codes);
    for (const code of codes) {
      const dossier = onPortal(code)!;
      expect(dossier.versions.map((v) => v.TrangThaiHoSo)).toEqual(LIFE_VERSIONS);
      expect(dossier.versions.map((v) => v.isUpdating)).toEqual([false, true, true, true, true, true, true]);
      expect(dossier.progress.map((p) => p.row.TrangThai)).toEqual(LIFE_PROGRESS);
      expect(dossier.recreated).toBe(0);
    }
    expect(violationsAbout(...codes)).toEqual([]);
  });

  it('a burst of lives published at once is applied in batches (a dossier’s events together) and reaches the portal whole, in order, none twice', async () => {
    portal.control({ mode: 'down', count: null });
    const batched = server.counts.appliedInBatches;
    const dossiers = Array.from({ length: 12 }, () => aDossierAccepted());
    const codes = dossiers.map((d) => d.dossierCode);
    // all of it at once, through one channel (in order), each dossier's life after the one before: the consumer's
    // batches hold several events of a dossier, locked once and written together
    await withEventPublisher(service.prefix, async (publish) => {
      for (const accepted of dossiers) for (const e of [accepted, ...life(accepted.dossierCode)]) publish(e);
    });
    await eventually(async () => (await unsent(codes)) === dossiers.length * LIFE_UPDATES, 'every update queued while the portal is down', PATIENCE);
    expect(server.counts.appliedInBatches).toBeGreaterThan(batched);

    portal.control({ mode: 'ok', count: null });
    for (const code of codes) await returned(code, `${code} caught up`);
    await settled(codes);
    expectWholeLives(codes);
  });

  it('renews its session when the portal ends every session, losing and doubling nothing', async () => {
    const before = portal.stats();
    const dossiers = [aDossierAccepted(), aDossierAccepted(), aDossierAccepted(), aDossierAccepted()];
    const codes = dossiers.map((d) => d.dossierCode);
    portal.control({ expireTokens: true });
    await walk(dossiers[0]);
    await eventually(() => statusesOf(codes[0]).length > 0, 'the first dossier on the portal', PATIENCE);
    for (const accepted of dossiers.slice(1)) {
      portal.control({ expireTokens: true }); // and again while the others are being sent
      await walk(accepted);
    }
    portal.control({ expireTokens: true });
    for (const code of codes) await returned(code);
    await settled(codes);
    const after = portal.stats();
    expect(after.unauthorized).toBeGreaterThan(before.unauthorized);
    expect(after.calls['POST /api/v1/auth/token']).toBeGreaterThan(before.calls['POST /api/v1/auth/token'] ?? 0);
    expectWholeLives(codes);
    const [parked] = await db.query(`SELECT count(*)::int AS n FROM portal_dossier WHERE key = ANY($1) AND state <> 'idle'`, [codes]);
    expect(parked.n).toBe(0);
  });

  it('parks a record the portal keeps refusing, with its message, and sends it on an operator’s retry', async () => {
    const accepted = aDossierAccepted();
    const code = accepted.dossierCode;
    const message = 'MaTTHC: thủ tục 1.001193 chưa được công bố cho đơn vị';
    const before = portal.stats();
    portal.control({ reject: { maHoSo: code, message, times: null } });
    await walk(accepted);
    const parked = await eventually(
      async () => {
        const rows = await db.query(`SELECT state, last_error AS "lastError", refusals FROM portal_dossier WHERE key = $1`, [code]);
        // parked, and the whole life queued behind its head (it may be parked before the last events are heard)
        return rows[0]?.state === 'parked' && (await unsent([code])) === LIFE_UPDATES ? rows[0] : undefined;
      },
      'the dossier parked with its whole life queued',
      PATIENCE,
    );
    expect(parked).toEqual({ state: 'parked', lastError: message, refusals: 3 });
    expect(portal.stats().recordsRefused - before.recordsRefused).toBe(3);
    expect(onPortal(code)).toBeNull(); // nothing of it taken, no progress row sent before it

    const admin = await service.token([Role.Admin]);
    const http = () => request(service.app.getHttpServer());
    const list = await http().get('/api/v1/portal/sync?state=parked').set('authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ key: code, lastError: message, unsent: LIFE_UPDATES })]);
    const officer = await service.token([Role.Receiver], ['000.00.01.H26']);
    expect((await http().get('/api/v1/portal/sync?state=parked').set('authorization', `Bearer ${officer}`)).status).toBe(403);

    // the operator has it fixed at the portal, then retries
    portal.control({ reject: null });
    const retried = await http().post(`/api/v1/portal/sync/${code}/retry`).set('authorization', `Bearer ${admin}`);
    expect(retried.status).toBe(200);
    const dossier = await returned(code, 'the dossier sent after the retry');
    await settled([code]);
    expect(dossier.versions.map((v) => v.TrangThaiHoSo)).toEqual(LIFE_VERSIONS);
    expect(dossier.versions.map((v) => v.isUpdating)).toEqual([false, true, true, true, true, true, true]);
    expect(onPortal(code)!.progress.map((p) => p.row.TrangThai)).toEqual(LIFE_PROGRESS);
    expect(violationsAbout(code)).toEqual([]);
    const after = await http().get('/api/v1/portal/sync?state=parked').set('authorization', `Bearer ${admin}`);
    expect(after.body.items).toEqual([]);
  });
});
