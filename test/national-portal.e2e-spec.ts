import { Role } from '@motcua/auth';
import { WorkingCalendar, vietnamDate } from '@motcua/calendar';
import { type AnyJson, callApi as call, eventually, receiveDossier, taskInQueue, useSuite } from '@motcua/testing';
import { procedures } from '../apps/workflow/src/migrations/seed/1764150000006-procedures';
import {
  type PortalDossierView,
  type RunningNationalPortalSimulator,
  startNationalPortalSimulator,
} from '../simulators/national-portal/national-portal-simulator';

/**
 * The National Public Service Portal's view of a dossier, end to end: the liên thông land certificate (1.004227)
 * received at the Phú Cường ward desk, walked ward → district → ward by the seeded officers and returned, appears on
 * the portal (the simulator, in this test's process, over HTTP) with its national statuses in order, its dates in
 * Vietnam's wall time, and a progress row for every hand-over the process-control slip shows. The portal scores a
 * dossier on time when its processing ended by the appointment (domain.md §8): that view, read off what the portal
 * holds, agrees with workflow's statistics, for a dossier done on time and for one that ends late. Every service
 * runs as a process on the real broker and databases.
 */
describe('the national portal’s view of a liên thông dossier, end to end', () => {
  const CLIENT_ID = 'portal-e2e-client';
  const CLIENT_SECRET = 'portal-e2e-client-secret';
  const PROCEDURE = '1.004227'; // land-use right certificate, first time: received at the ward, decided by the district
  const PHU_CUONG = '625.19.20.H26'; // xã Phú Cường, huyện Ba Vì (seed codes)
  const LAND_BRANCH = '005.19.21.H26';
  const NATURAL_RESOURCES = '002.19.21.H26';
  const BA_VI = '000.19.20.H26';
  const TIMEOUT = 30_000;

  let portal: RunningNationalPortalSimulator;
  beforeAll(async () => {
    portal = await startNationalPortalSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  });

  const fixture = useSuite('national-portal-e2e', ['intake', 'workflow', 'notification', 'postal-delivery', 'national-portal'], () => ({
    PORTAL_URL: portal.url,
    PORTAL_CLIENT_ID: CLIENT_ID,
    PORTAL_CLIENT_SECRET: CLIENT_SECRET,
    PORTAL_POLL_INTERVAL_MS: '50',
    PORTAL_RETRY_BASE_MS: '50',
    PORTAL_RETRY_MAX_MS: '500',
    PORTAL_TIMEOUT_MS: '2000',
    PORTAL_PULL_INTERVAL_MS: '500',
  }));
  const { auth } = fixture;
  const workflow = fixture.api('workflow');
  const intake = fixture.api('intake');
  const workflowDb = fixture.db('workflow');

  afterAll(async () => {
    await portal?.close();
  });

  const seeded = procedures.find((p) => p.code === PROCEDURE)!;
  const documents = seeded.documents.filter((d) => d.required).map(({ code, name }) => ({ code, name }));

  /** An instant (ISO, any offset) as the portal writes it: `yyyyMMddHHmmss` of its wall time in Hà Nội (UTC+7). */
  const digits = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');

  /** Claims the dossier's task at `agency` as officer 1 of `role`, then finishes it with `action` (as test/task-processing does). */
  async function step(code: string, agency: string, role: Role, action: string, extra: Record<string, unknown> = {}): Promise<AnyJson> {
    const token = await fixture.anOfficer(agency, role);
    const task = await taskInQueue(fixture, code, agency, token, 'none');
    expect(task).toMatchObject({ role, agencyCode: agency, ownerId: null });
    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version });
    expect(claimed).toMatchObject({ status: 200, body: { ownerId: `${agency}.${role}.1` } });
    const done = await call('POST', workflow(`/tasks/${task.id}/actions`), token, { version: claimed.body.version, action, ...extra });
    expect([action, done.status]).toEqual([action, 200]);
    return done.body;
  }

  /** Received at Phú Cường's desk: the receipt. */
  async function receive(fullName: string): Promise<AnyJson> {
    const { status, body } = await receiveDossier(fixture, { procedureCode: PROCEDURE, desk: PHU_CUONG, wardCode: '09625', fullName, documents });
    expect(status).toBe(201);
    return body;
  }

  /** The walk of test/task-processing's liên thông chain, from the ward's leader on: district, then back to the ward. */
  async function fromWardLeaderToReturn(code: string): Promise<void> {
    await step(code, PHU_CUONG, Role.Leader, 'forward');
    await step(code, LAND_BRANCH, Role.Specialist, 'forward');
    await step(code, NATURAL_RESOURCES, Role.DivisionHead, 'approve');
    expect((await step(code, BA_VI, Role.Leader, 'sign')).nationalStatus).toBe(9);
    expect(await step(code, PHU_CUONG, Role.Returner, 'hand_over')).toMatchObject({ status: 'done', nationalStatus: 10 });
  }

  const record = async (code: string) => (await call('GET', intake(`/dossiers/${code}`), await fixture.anOfficer(PHU_CUONG, Role.Receiver))).body;

  /** Intake's record and workflow's slip once both say returned (10), the slip with `rows` rows. */
  async function returned(code: string, rows: number): Promise<{ shown: AnyJson; slip: AnyJson }> {
    const shown = await eventually(
      async () => {
        const body = await record(code);
        return body.nationalStatus === 10 ? body : undefined;
      },
      `status 10 on intake's record of ${code}`,
      TIMEOUT,
    );
    const slip = await eventually(
      async () => {
        const { body } = await call('GET', workflow(`/dossiers/${code}/control-slip`), await fixture.anOfficer(PHU_CUONG, Role.Receiver));
        return body.status === 'closed' && body.rows?.length === rows ? body : undefined;
      },
      `the closed control slip of ${code}`,
      TIMEOUT,
    );
    return { shown, slip };
  }

  /** The dossier as the portal holds it once it has the returned version (10) and a row per hand-over and per step's end. */
  const onPortal = (code: string, progressRows: number): Promise<PortalDossierView> =>
    eventually(
      () => {
        const held = portal.dossier(code);
        return held?.versions.at(-1)?.TrangThaiHoSo === 10 && held.progress.length >= progressRows ? held : undefined;
      },
      `${code} returned on the portal with ${progressRows} progress rows`,
      TIMEOUT,
    );

  /**
   * The progress rows against the slip: a hand-over row when each step's task was created (to its agency, at the
   * slip's hand-over time) and a row when its owner ended it (by that officer, at the slip's completion time), in the
   * slip's order, every one after the portal first accepted the dossier.
   */
  function expectProgressMatchesSlip(held: PortalDossierView, slip: AnyJson): void {
    const slipRows: AnyJson[] = slip.rows;
    expect(slipRows.every((r) => r.kind === 'step' && r.completedAt !== null)).toBe(true);
    const expected = slipRows.flatMap((r) => [
      { kind: 'hand-over', step: r.stepNumber, PhongBanXuLy: r.agencyName, ThoiDiemXuLy: digits(r.handedOverAt) },
      { kind: 'done', step: r.stepNumber, PhongBanXuLy: r.agencyName, ThoiDiemXuLy: digits(r.completedAt), NguoiXuLy: r.completedByName ?? r.completedBy },
    ]);
    const actual = held.progress.map(({ row }) => {
      const handOver = /^Chuyển xử lý bước (\d+):/.exec(String(row.NoiDungXuLy));
      const stepName = slipRows.find((r) => String(row.NoiDungXuLy).startsWith(`${r.stepName} (`));
      return handOver
        ? { kind: 'hand-over', step: Number(handOver[1]), PhongBanXuLy: row.PhongBanXuLy, ThoiDiemXuLy: row.ThoiDiemXuLy }
        : { kind: 'done', step: stepName?.stepNumber ?? null, PhongBanXuLy: row.PhongBanXuLy, ThoiDiemXuLy: row.ThoiDiemXuLy, NguoiXuLy: row.NguoiXuLy };
    });
    expect(actual).toEqual(expected);
    const firstAccepted = Date.parse(held.versions[0].receivedAt);
    expect(held.progress.filter((p) => Date.parse(p.receivedAt) < firstAccepted)).toEqual([]);
    expect(held.progress.every((p) => p.row.MaHoSo === held.MaHoSo)).toBe(true);
  }

  /** The portal's score (domain.md §8): processing ended by the appointment. The digits compare as the instants do. */
  const portalOnTime = (hoSo: AnyJson): boolean => String(hoSo.NgayKetThucXuLy) <= String(hoSo.NgayHenTra);

  /** Workflow's statistics of the procedure at Phú Cường over the days from `from` to `to` (Hà Nội days). */
  async function statistics(from: string, to: string): Promise<AnyJson> {
    const admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
    const answer = await call('GET', workflow(`/statistics?from=${from}&to=${to}&agency=${PHU_CUONG}&procedure=${PROCEDURE}&groupBy=agency`), admin);
    expect(answer.status).toBe(200);
    const rows: AnyJson[] = answer.body.rows.filter((r: AnyJson) => r.key === PHU_CUONG);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  /** The national statuses of the accepted versions, consecutive repeats (a version that changed another field) folded. */
  const statusesOf = (held: PortalDossierView) => held.versions.map((v) => v.TrangThaiHoSo).filter((status, i, all) => i === 0 || status !== all[i - 1]);

  let onTimeCode: string;

  it('walks the land certificate ward → district → ward: on the portal in order, its dates in Hà Nội time, a progress row per hand-over, on time as workflow counts it', async () => {
    const receipt = await receive('Đặng Thu Trang');
    const code: string = receipt.code;
    onTimeCode = code;
    await step(code, PHU_CUONG, Role.Specialist, 'forward');
    await fromWardLeaderToReturn(code);
    const { shown, slip } = await returned(code, 6);
    expect(shown.history.map((h: AnyJson) => h.nationalStatus)).toEqual([2, 4, 4, 4, 4, 4, 9, 10]);
    expect(slip.rows.map((r: AnyJson) => `${r.agencyCode} ${r.outcome} ${r.completedBy}`)).toEqual([
      `${PHU_CUONG} forward ${PHU_CUONG}.specialist.1`,
      `${PHU_CUONG} forward ${PHU_CUONG}.leader.1`,
      `${LAND_BRANCH} forward ${LAND_BRANCH}.specialist.1`,
      `${NATURAL_RESOURCES} approve ${NATURAL_RESOURCES}.division_head.1`,
      `${BA_VI} sign ${BA_VI}.leader.1`,
      `${PHU_CUONG} hand_over ${PHU_CUONG}.returner.1`,
    ]);

    const held = await onPortal(code, 12);
    expect(held.violations).toEqual([]);
    expect(portal.violations()).toEqual([]);
    expect(held.versions[0].isUpdating).toBe(false);
    expect(held.versions.slice(1).every((v) => v.isUpdating)).toBe(true);
    expect(held.recreated).toBe(0);
    expect(statusesOf(held)).toEqual([2, 4, 9, 10]);

    // the last version: the suite's instants, as Hà Nội's wall clock reads them
    const last = held.versions.at(-1)!.hoSo as AnyJson;
    const signedAt: string = slip.rows[4].completedAt;
    const handedOverAt: string = slip.rows[5].completedAt;
    expect(last).toMatchObject({
      MaHoSo: code,
      MaTTHC: PROCEDURE,
      KenhThucHien: 1,
      ChuHoSo: 'Đặng Thu Trang',
      DonViXuLy: PHU_CUONG,
      HinhThuc: 0,
      TrangThaiHoSo: 10,
      NgayTiepNhan: digits(shown.receivedAt),
      NgayHenTra: digits(shown.appointmentAt),
      NgayKetThucXuLy: digits(signedAt),
      NgayTra: digits(handedOverAt),
    });
    expect(shown.appointmentAt).toBe(receipt.appointmentAt);
    expect(slip.appointmentAt).toBe(shown.appointmentAt);
    expect(digits(shown.history.at(-1).occurredAt)).toBe(last.NgayTra);
    // processing ended when the district committee signed: workflow's processed_at, to the second
    const { rows: kase } = await workflowDb.query(`SELECT processed_at, appointment_at FROM dossier_case WHERE dossier_code = $1`, [code]);
    expect(digits(kase[0].processed_at.toISOString())).toBe(last.NgayKetThucXuLy);
    expect(digits(kase[0].appointment_at.toISOString())).toBe(last.NgayHenTra);

    expectProgressMatchesSlip(held, slip);
    expect(held.progress.map((p) => p.row.TrangThai)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 9, 10]);

    // the portal's score and workflow's count agree: on time (early or on the appointment's day, not late)
    expect(portalOnTime(last)).toBe(true);
    const counted = await statistics(vietnamDate(new Date(shown.receivedAt)), vietnamDate(new Date(signedAt)));
    expect(counted.resolved).toMatchObject({ total: 1, late: 0 });
    expect(counted.resolved.early + counted.resolved.onTime).toBe(1);
  });

  it('a second dossier that ends late (the applicant kept it past the appointment): late on the portal and in workflow’s statistics alike', async () => {
    const receipt = await receive('Lê Văn Tâm');
    const code: string = receipt.code;
    const missing = [{ code: documents[0].code, name: documents[0].name }];
    const asked = await step(code, PHU_CUONG, Role.Specialist, 'request_supplement', { note: 'Đơn đăng ký thiếu chữ ký của chủ sử dụng đất', missing });
    expect(asked).toMatchObject({ nationalStatus: 5 });
    await eventually(async () => ((await record(code)).nationalStatus === 5 ? true : undefined), `status 5 on ${code}`, TIMEOUT);

    // Time passes as test/working-time makes it pass: the appointment weeks ago (a working hour, so the desk could
    // have kept it), the applicant's pause five working minutes long: the appointment moves by those minutes only.
    const calendar = new WorkingCalendar();
    const now = Date.now();
    const longAgo = calendar.addWorkingHours(new Date(now - 20 * 24 * 3_600_000), 1);
    let [low, high] = [0, 20 * 24 * 60]; // minutes back from now: the least with five working minutes since
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (calendar.workingTimeBetween(new Date(now - mid * 60_000), new Date(now)) >= 5 * 60_000) high = mid;
      else low = mid + 1;
    }
    await workflowDb.query(`UPDATE dossier_case SET appointment_at = $2, paused_at = $3 WHERE dossier_code = $1`, [
      code,
      longAgo,
      new Date(now - low * 60_000),
    ]);
    const supplied = await call(
      'POST',
      intake(`/dossiers/${code}/supplements`),
      null,
      { documents: [{ code: documents[0].code, name: `${documents[0].name} (đã ký)` }] },
      { 'x-lookup-secret': receipt.lookupSecret },
    );
    expect(supplied.status).toBe(201);
    const moved = await eventually(
      async () => {
        const body = await record(code);
        return body.appointmentAt !== receipt.appointmentAt && body.nationalStatus === 4 ? body : undefined;
      },
      `the moved appointment on ${code}`,
      TIMEOUT,
    );
    expect(Date.parse(moved.appointmentAt)).toBeLessThan(Date.now());

    await step(code, PHU_CUONG, Role.Specialist, 'forward');
    await fromWardLeaderToReturn(code);
    const { shown, slip } = await returned(code, 7);
    expect(shown.appointmentAt).toBe(moved.appointmentAt);
    expect(slip.rows.map((r: AnyJson) => `${r.stepNumber} ${r.outcome}`)).toEqual([
      '1 request_supplement',
      '1 forward',
      '2 forward',
      '3 forward',
      '4 approve',
      '5 sign',
      '6 hand_over',
    ]);

    const held = await onPortal(code, 14);
    expect(held.violations).toEqual([]);
    expect(portal.violations()).toEqual([]);
    expect(statusesOf(held)).toEqual([2, 4, 5, 4, 9, 10]);
    const last = held.versions.at(-1)!.hoSo as AnyJson;
    expect(last).toMatchObject({
      MaHoSo: code,
      TrangThaiHoSo: 10,
      NgayTiepNhan: digits(shown.receivedAt),
      NgayHenTra: digits(shown.appointmentAt),
      NgayKetThucXuLy: digits(slip.rows[5].completedAt),
      NgayTra: digits(slip.rows[6].completedAt),
    });
    expect(last.DanhSachHoSoBoSung).toHaveLength(1);
    expect(last.DanhSachHoSoBoSung[0]).toMatchObject({ NgayHenTraTruoc: digits(longAgo.toISOString()), NgayHenTraMoi: digits(shown.appointmentAt) });
    expectProgressMatchesSlip(held, slip);

    // both views: late; the first dossier still on time beside it
    expect(portalOnTime(last)).toBe(false);
    expect(portalOnTime(portal.dossier(onTimeCode)!.versions.at(-1)!.hoSo as AnyJson)).toBe(true);
    const counted = await statistics(vietnamDate(new Date(shown.receivedAt)), vietnamDate(new Date(slip.rows[5].completedAt)));
    expect(counted.resolved).toMatchObject({ total: 2, late: 1 });
    expect(counted.resolved.early + counted.resolved.onTime).toBe(1);
  });
});
