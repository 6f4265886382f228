import { once } from 'node:events';
import { Role } from '@motcua/auth';
import { type AnyJson, callApi, eventually, receiveDossier, useSuite } from '@motcua/testing';
import {
  type OnlineDossier,
  type OnlineDossierInput,
  type RunningNationalPortalSimulator,
  startNationalPortalSimulator,
} from '../../../simulators/national-portal/national-portal-simulator';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET } from '../src/portal/portal.environment';

const DESK = '016.01.20.H26'; // Ủy ban nhân dân phường Ngọc Hà (seed)
const WARD = '00016';
/** Patience for anything done in the background: other suites load this machine too. */
const PATIENCE = 30_000;

/** An instant as the portal writes it, computed here: `yyyyMMddHHmmss` of the wall clock in Asia/Ho_Chi_Minh (UTC+7). */
const vn = (instant: string | number) => new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');

/**
 * Online dossiers in, and the desk's decision out, with the real services (intake, workflow — which fills intake's
 * catalogue replica —, national-portal, each its own process on its own database) and the real portal simulator
 * in-process: the adapter pulls the simulator's online dossiers, files them at intake, confirms them, and sends the
 * desk's acceptance (2) or refusal (3) back.
 */
describe('national-portal: online dossiers from the portal to the desk, and the desk’s decision back', () => {
  let portal: RunningNationalPortalSimulator;
  beforeAll(async () => {
    portal = await startNationalPortalSimulator({ clientId: SIMULATOR_CLIENT_ID, clientSecret: SIMULATOR_CLIENT_SECRET });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const fixture = useSuite('portal-online', ['intake', 'workflow', 'national-portal'], () => ({
    PORTAL_URL: portal.url,
    PORTAL_CLIENT_ID: SIMULATOR_CLIENT_ID,
    PORTAL_CLIENT_SECRET: SIMULATOR_CLIENT_SECRET,
    PORTAL_PULL_INTERVAL_MS: '200',
    PORTAL_POLL_INTERVAL_MS: '50',
    PORTAL_RETRY_BASE_MS: '50',
    PORTAL_RETRY_MAX_MS: '300',
    PORTAL_CIRCUIT_OPEN_MS: '200',
    PORTAL_CIRCUIT_MAX_OPEN_MS: '500',
    PORTAL_TIMEOUT_MS: '3000',
    PORTAL_LEASE_MS: '10000',
  }));
  const intakeDb = fixture.db('intake');
  const intake = fixture.api('intake');
  let receiver: string;

  beforeAll(async () => {
    receiver = await fixture.anOfficer(DESK, Role.Receiver);
    // intake's catalogue replica filled by workflow: a desk receipt goes through once it is
    await eventually(
      async () => (await receiveDossier(fixture, { desk: DESK, wardCode: WARD, fullName: 'Phạm Văn Khởi' }, receiver)).status === 201,
      'intake’s catalogue ready',
      60_000,
    );
  }, 90_000);

  beforeEach(() => {
    portal.control({ mode: 'ok', count: null, reject: null, serveConfirmedAgain: false });
  });

  /** A birth registration filed on the portal to the desk ten minutes ago, its required documents served by the simulator. */
  function fileOnPortal(overrides: OnlineDossierInput = {}): OnlineDossier {
    const filedAt = Math.floor((Date.now() - 10 * 60_000) / 1_000) * 1_000;
    const [dossier] = portal.addOnlineDossiers({
      MaTTHC: '1.001193',
      MaDonVi: DESK,
      MaXaPhuong: WARD,
      ChuHoSo: 'Trần Văn Nam',
      SoGiayToChuHoSo: '001088001234',
      NgayNopHoSo: vn(filedAt),
      HinhThuc: 0,
      TaiLieuNop: [
        { MaThanhPhanHoSo: 'TK-KS', TenTaiLieu: 'Tờ khai đăng ký khai sinh' },
        { MaThanhPhanHoSo: 'GCS', TenTaiLieu: 'Giấy chứng sinh' },
        { MaThanhPhanHoSo: 'GTTT', TenTaiLieu: 'Căn cước của người đi đăng ký khai sinh (xuất trình)' },
      ],
      ...overrides,
    });
    return dossier;
  }
  const submissionsOf = async (reference: string) =>
    (
      await intakeDb.query<{ id: string; state: string; dossierCode: string | null }>(
        `SELECT id, state, dossier_code AS "dossierCode" FROM online_submission WHERE portal_reference = $1`,
        [reference],
      )
    ).rows;
  const onlineState = (reference: string) => portal.onlineDossiers().find((o) => o.dossier.MaHoSoQG === reference)!;
  /** Once intake has it and the portal has its confirmation: intake's submission. */
  async function pulled(reference: string): Promise<AnyJson> {
    await eventually(() => onlineState(reference).confirmedAt !== null, `${reference} confirmed at the portal`, PATIENCE);
    const [row] = await submissionsOf(reference);
    const { status, body } = await callApi('GET', intake(`/online-submissions/${row.id}`), receiver);
    expect(status).toBe(200);
    return body;
  }

  it('an online dossier becomes exactly one online submission at its desk (1), confirmed at the portal, also when served twice', async () => {
    portal.control({ serveConfirmedAgain: true });
    const online = fileOnPortal();
    const submission = await pulled(online.MaHoSoQG);
    expect(submission).toMatchObject({
      portalReference: online.MaHoSoQG,
      procedureCode: '1.001193',
      receivingAgencyCode: DESK,
      state: 'new',
      nationalStatus: 1,
      applicant: expect.objectContaining({ fullName: 'Trần Văn Nam', idNumber: '001088001234', wardCode: WARD }),
      documents: online.TaiLieuNop.map((d) => ({ code: d.MaThanhPhanHoSo, name: d.TenTaiLieu, url: d.DuongDan, checksum: d.MaKiemTra })),
    });
    expect(vn(submission.filedAt)).toBe(online.NgayNopHoSo);

    // served once more after its confirmation (a duplicate from the portal): taken again, filed once
    await eventually(() => onlineState(online.MaHoSoQG).served >= 2 && onlineState(online.MaHoSoQG).servesAgain <= 0, 'the duplicate served', PATIENCE);
    // the pull after the duplicate's: whatever it filed is in intake by then
    const sentinel = fileOnPortal();
    await pulled(sentinel.MaHoSoQG);
    expect(await submissionsOf(online.MaHoSoQG)).toHaveLength(1);
    expect(await submissionsOf(sentinel.MaHoSoQG)).toHaveLength(1);
    const { rows } = await intakeDb.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'intake.submission.filed' AND payload->>'portalReference' = $1`,
      [online.MaHoSoQG],
    );
    expect(rows[0].n).toBe(1);
    // the filing (1) is the portal's own: nothing of it is sent back before the desk decides
    expect(portal.dossier(online.MaHoSoQG)).toBeNull();
    expect(portal.violations()).toEqual([]);
  });

  it('the desk accepts it: a channel-2 dossier, and the portal gets 2 with the dossier’s code, its MaHoSoQG and its dates', async () => {
    const online = fileOnPortal();
    const submission = await pulled(online.MaHoSoQG);
    const accepted = await callApi('POST', intake(`/online-submissions/${submission.id}/accept`), receiver);
    expect(accepted.status).toBe(200);
    const dossier = accepted.body.dossier;
    expect(dossier).toMatchObject({ channel: 2, portalReference: online.MaHoSoQG, receivingAgencyCode: DESK });
    expect(accepted.body.submission).toMatchObject({ state: 'accepted', dossierCode: dossier.code });

    const onPortal = await eventually(() => portal.dossier(dossier.code), `${dossier.code} on the portal`, PATIENCE);
    const first = onPortal.versions[0];
    expect(first.TrangThaiHoSo).toBe(2);
    expect(first.isUpdating).toBe(false);
    expect(first.hoSo).toMatchObject({
      MaHoSo: dossier.code,
      MaHoSoQG: online.MaHoSoQG,
      MaTTHC: '1.001193',
      KenhThucHien: 2,
      ChuHoSo: 'Trần Văn Nam',
      SoGiayToChuHoSo: '001088001234',
      NgayNopHoSo: online.NgayNopHoSo, // the applicant's filing on the portal, not the desk's acceptance
      NgayTiepNhan: vn(dossier.receivedAt),
      NgayHenTra: vn(dossier.appointmentAt),
      TrangThaiHoSo: 2,
      DonViXuLy: DESK,
    });
    expect(first.hoSo.NgayTiepNhan).not.toBe(online.NgayNopHoSo);
    // the portal's view: one dossier, known by both keys, nothing out of order
    expect(portal.dossier(online.MaHoSoQG)?.key).toBe(onPortal.key);
    expect(portal.dossiers().filter((d) => d.MaHoSoQG === online.MaHoSoQG)).toHaveLength(1);
    expect(onPortal.violations).toEqual([]);
  });

  it('the desk refuses another: the portal gets 3 keyed by its MaHoSoQG, with the reason', async () => {
    const online = fileOnPortal({ ChuHoSo: 'Lê Thị Thu' });
    const submission = await pulled(online.MaHoSoQG);
    const reason = 'Hồ sơ không thuộc thẩm quyền của UBND phường Ngọc Hà';
    const refused = await callApi('POST', intake(`/online-submissions/${submission.id}/refuse`), receiver, { outcome: 'refused', reason });
    expect(refused.status).toBe(200);
    const onPortal = await eventually(() => portal.dossier(online.MaHoSoQG), `${online.MaHoSoQG} refused on the portal`, PATIENCE);
    expect(onPortal.versions.map((v) => v.TrangThaiHoSo)).toEqual([3]);
    expect(onPortal.MaHoSo).toBeNull();
    expect(onPortal.versions[0].hoSo).toMatchObject({ MaHoSoQG: online.MaHoSoQG, TrangThaiHoSo: 3, LyDo: reason, KenhThucHien: 2 });
    expect(onPortal.versions[0].hoSo).not.toHaveProperty('MaHoSo');
    expect(onPortal.violations).toEqual([]);
  });

  it('nothing at the desk waits for the portal: with the portal down, a receipt and an acceptance answer at once, and reach it once it is back', async () => {
    const online = fileOnPortal({ ChuHoSo: 'Vũ Minh Anh' });
    const submission = await pulled(online.MaHoSoQG);
    portal.control({ mode: 'down', count: null });
    const downSince = portal.stats().unavailable;
    await eventually(() => portal.stats().unavailable > downSince, 'the adapter finding the portal down', PATIENCE);

    let started = Date.now();
    const receipt = await receiveDossier(fixture, { desk: DESK, wardCode: WARD, fullName: 'Đặng Thị Hạnh' }, receiver);
    const receiptMs = Date.now() - started;
    expect(receipt.status).toBe(201);
    started = Date.now();
    const accepted = await callApi('POST', intake(`/online-submissions/${submission.id}/accept`), receiver);
    const acceptMs = Date.now() - started;
    expect(accepted.status).toBe(200);
    // the adapter's calls out take up to PORTAL_TIMEOUT_MS (3 s) each and retry forever: the desk never waits for them
    expect(receiptMs).toBeLessThan(2_000);
    expect(acceptMs).toBeLessThan(2_000);
    expect(portal.dossier(receipt.body.code)).toBeNull();

    portal.control({ mode: 'ok', count: null });
    for (const code of [receipt.body.code as string, accepted.body.dossier.code as string]) {
      const onPortal = await eventually(() => portal.dossier(code), `${code} on the portal once it is back`, PATIENCE);
      expect(onPortal.versions[0]).toMatchObject({ TrangThaiHoSo: 2, isUpdating: false });
      expect(onPortal.violations).toEqual([]);
    }
    expect(portal.dossier(receipt.body.code)!.versions[0].hoSo).toMatchObject({ KenhThucHien: 1, NgayTiepNhan: vn(receipt.body.receivedAt) });
  });

  it('stops within seconds of SIGTERM while its loops wait half a minute between rounds (an orchestrator kills at 10 s)', async () => {
    const { suite } = fixture;
    await suite.restart('national-portal', { env: { PORTAL_PULL_INTERVAL_MS: '30000', PORTAL_POLL_INTERVAL_MS: '30000' } });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // both loops past their first round, into their wait
    const child = suite.services['national-portal'].process;
    const started = Date.now();
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    expect(Date.now() - started).toBeLessThan(5_000);
    await suite.restart('national-portal');
  });
});
