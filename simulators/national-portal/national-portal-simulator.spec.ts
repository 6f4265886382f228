import { createHash } from 'node:crypto';
import { type RunningNationalPortalSimulator, startNationalPortalSimulator } from './national-portal-simulator';

const CLIENT = { client_id: 'spec-portal', client_secret: 'spec-portal-secret' };

/** A ward's birth registration received at the desk, as the adapter sends it (HoSo of docs/national-portal.md). */
const aHoSo = (overrides: Record<string, unknown> = {}) => ({
  MaHoSo: '000.00.04.H26-261207-0001',
  MaTTHC: '1.001193',
  TenTTHC: 'Thủ tục đăng ký khai sinh',
  MaLinhVuc: 'HT',
  KenhThucHien: 1,
  ChuHoSo: 'Nguyễn Thị Lan',
  LoaiDoiTuong: 1,
  SoDienThoai: '0912345678',
  NgayNopHoSo: '20261207143005',
  NgayTiepNhan: '20261207143005',
  NgayHenTra: '20261208170000',
  TrangThaiHoSo: 2,
  HinhThuc: 0,
  DonViXuLy: '000.00.04.H26',
  TaiLieuNop: [{ MaThanhPhanHoSo: 'TK-KS', TenTaiLieu: 'Tờ khai đăng ký khai sinh', SoBan: 1 }],
  LePhi: [{ TenPhiLePhi: 'Lệ phí đăng ký khai sinh', MucPhi: 0 }],
  ...overrides,
});

/** A progress row of that dossier: one hand-over. */
const aProgressRow = (overrides: Record<string, unknown> = {}) => ({
  MaHoSo: '000.00.04.H26-261207-0001',
  NguoiXuLy: 'Trần Văn Bình',
  ChucDanh: 'Công chức tư pháp - hộ tịch',
  ThoiDiemXuLy: '20261207150000',
  PhongBanXuLy: 'Bộ phận Một cửa',
  NoiDungXuLy: 'Chuyển hồ sơ đến bước thẩm định',
  TrangThai: 4,
  NgayBatDau: '20261207143005',
  NgayKetThucTheoQuyDinh: '20261208120000',
  ...overrides,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the National Portal simulator', () => {
  let portal: RunningNationalPortalSimulator;
  let token: string;

  const call = async (method: string, path: string, body?: unknown, bearer: string | null = token, base = portal.url) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const login = async (base = portal.url) => (await call('POST', '/api/v1/auth/token', CLIENT, null, base)).body.access_token as string;
  const sync = (data: unknown[], isUpdating = false) => call('POST', '/api/v1/DongBoHoSoMC', { isUpdating, data });
  const progress = (data: unknown[]) => call('POST', '/api/v1/CapNhatTienDoHoSoMC', { data });
  const steer = (change: object) => call('POST', '/_control', change, null);
  const dossier = async (key: string) => (await call('GET', `/_dossiers/${encodeURIComponent(key)}`, undefined, null)).body;

  beforeAll(async () => {
    portal = await startNationalPortalSimulator({ clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret });
    token = await login();
  });
  afterAll(() => portal.close());
  beforeEach(async () => {
    await call('POST', '/_reset', undefined, null);
  });

  describe('the session', () => {
    it('issues a token for the right credentials only, and refuses a call without one', async () => {
      expect(await call('POST', '/api/v1/auth/token', { ...CLIENT, client_secret: 'guess' }, null)).toEqual({
        status: 401,
        body: { error_code: '401', message: expect.any(String) },
      });
      const issued = await call('POST', '/api/v1/auth/token', CLIENT, null);
      expect(issued).toEqual({ status: 200, body: { error_code: '0', access_token: expect.any(String), expires_in: 3600 } });
      expect((await sync([aHoSo()], false)).status).toBe(200);
      expect(await call('POST', '/api/v1/DongBoHoSoMC', { isUpdating: false, data: [aHoSo()] }, null)).toMatchObject({
        status: 401,
        body: { error_code: '401' },
      });
      expect(await call('GET', '/api/v1/HoSoTrucTuyen', undefined, 'not-a-token')).toMatchObject({ status: 401, body: { error_code: '401' } });
      expect(portal.stats().unauthorized).toBe(2);
    });

    it('lets a token expire after its lifetime', async () => {
      const brief = await startNationalPortalSimulator({ clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, tokenTtlSeconds: 0.3 });
      try {
        const shortLived = await login(brief.url);
        expect((await call('GET', '/api/v1/HoSoTrucTuyen', undefined, shortLived, brief.url)).status).toBe(200);
        await pause(400);
        expect(await call('GET', '/api/v1/HoSoTrucTuyen', undefined, shortLived, brief.url)).toMatchObject({ status: 401, body: { error_code: '401' } });
        expect((await call('GET', '/api/v1/HoSoTrucTuyen', undefined, await login(brief.url), brief.url)).status).toBe(200);
      } finally {
        await brief.close();
      }
    });

    it('ends every session at once on expireTokens', async () => {
      const mine = await login();
      await steer({ expireTokens: true });
      expect((await call('GET', '/api/v1/HoSoTrucTuyen', undefined, mine)).status).toBe(401);
      token = await login();
      expect((await call('GET', '/api/v1/HoSoTrucTuyen')).status).toBe(200);
    });
  });

  describe('DongBoHoSoMC', () => {
    it('accepts a valid dossier and keeps the version with the time it came', async () => {
      const answer = await sync([aHoSo()]);
      expect(answer).toEqual({
        status: 200,
        body: { error_code: '0', data: [{ MaHoSo: '000.00.04.H26-261207-0001', error_code: '0', message: expect.any(String) }] },
      });
      const held = await dossier('000.00.04.H26-261207-0001');
      expect(held.versions).toEqual([{ TrangThaiHoSo: 2, receivedAt: expect.any(String), isUpdating: false, hoSo: aHoSo() }]);
      expect(held.violations).toEqual([]);
      expect(portal.stats()).toMatchObject({ recordsAccepted: 1, recordsRefused: 0, dossiers: 1 });
    });

    it.each([
      ['a date not written yyyyMMddHHmmss', { NgayNopHoSo: '2026-12-07 14:30:05' }, 'NgayNopHoSo'],
      ['a date that does not exist', { NgayHenTra: '20260230170000' }, 'NgayHenTra'],
      ['a time past midnight', { NgayTiepNhan: '20261207240000' }, 'NgayTiepNhan'],
      ['no applicant', { ChuHoSo: undefined }, 'ChuHoSo'],
      ['no procedure name', { TenTTHC: '' }, 'TenTTHC'],
      ['no dossier code', { MaHoSo: undefined }, 'MaHoSo'],
      ['a dossier code of another shape', { MaHoSo: 'h26-261207-1' }, 'MaHoSo'],
      ['a status beyond 10', { TrangThaiHoSo: 11 }, 'TrangThaiHoSo'],
      ['a status as text', { TrangThaiHoSo: '2' }, 'TrangThaiHoSo'],
      ['a fourth channel', { KenhThucHien: 4 }, 'KenhThucHien'],
      ['a return by a third way', { HinhThuc: 2 }, 'HinhThuc'],
      ['a document without its name', { TaiLieuNop: [{ MaThanhPhanHoSo: 'TK-KS' }] }, 'TaiLieuNop[0].TenTaiLieu'],
      ['a negative fee', { LePhi: [{ TenPhiLePhi: 'Lệ phí', MucPhi: -1 }] }, 'LePhi[0].MucPhi'],
      ['a refusal without its reason', { TrangThaiHoSo: 3 }, 'LyDo'],
      ['a return without its date', { TrangThaiHoSo: 10 }, 'NgayTra'],
    ])('refuses %s, naming the field', async (_case, change, field) => {
      const answer = await sync([aHoSo(change)]);
      expect(answer.status).toBe(200);
      expect(answer.body.data[0]).toEqual({ MaHoSo: expect.any(String), error_code: '1', message: expect.stringContaining(field) });
      expect(answer.body.data[0].message.startsWith(field)).toBe(true);
      expect(portal.dossiers()).toEqual([]);
      expect(portal.stats().recordsRefused).toBe(1);
    });

    it('answers each dossier of a batch on its own, in its order', async () => {
      const answer = await sync([
        aHoSo(),
        aHoSo({ MaHoSo: '000.00.04.H26-261207-0002', NgayNopHoSo: '20261307000000' }),
        aHoSo({ MaHoSo: '000.00.04.H26-261207-0003' }),
      ]);
      expect(answer.body.data.map((r: any) => [r.MaHoSo, r.error_code])).toEqual([
        ['000.00.04.H26-261207-0001', '0'],
        ['000.00.04.H26-261207-0002', '1'],
        ['000.00.04.H26-261207-0003', '0'],
      ]);
    });

    it('refuses a call of more than 50 dossiers, or without isUpdating', async () => {
      const many = Array.from({ length: 51 }, (_, i) => aHoSo({ MaHoSo: `000.00.04.H26-261207-${String(i).padStart(4, '0')}` }));
      expect(await sync(many)).toEqual({ status: 400, body: { error_code: '1', message: expect.stringContaining('50') } });
      expect(await call('POST', '/api/v1/DongBoHoSoMC', { data: [aHoSo()] })).toMatchObject({
        status: 400,
        body: { message: expect.stringContaining('isUpdating') },
      });
      expect((await sync(many.slice(0, 50))).body.data.every((r: any) => r.error_code === '0')).toBe(true);
    });

    it('refuses an update of a dossier it never had, and takes a second create as an update', async () => {
      const update = await sync([aHoSo({ TrangThaiHoSo: 4 })], true);
      expect(update.body.data[0]).toMatchObject({ error_code: '1', message: expect.stringContaining('isUpdating') });
      await sync([aHoSo()]);
      const again = await sync([aHoSo({ TrangThaiHoSo: 4 })], false);
      expect(again.body.data[0].error_code).toBe('0');
      expect(portal.dossiers()).toEqual([expect.objectContaining({ TrangThaiHoSo: 4, versions: 2, recreated: 1 })]);
    });

    it('records a version older than one accepted as an ordering violation, and a supplement round trip as none', async () => {
      const statuses = [2, 4, 5, 4, 6, 4, 9, 10];
      for (const [i, status] of statuses.entries()) await sync([aHoSo({ TrangThaiHoSo: status, NgayTra: '20261208160000' })], i > 0);
      expect((await dossier('000.00.04.H26-261207-0001')).versions.map((v: any) => v.TrangThaiHoSo)).toEqual(statuses);
      expect(portal.violations()).toEqual([]);

      await sync([aHoSo({ TrangThaiHoSo: 9 })], true);
      const held = await dossier('000.00.04.H26-261207-0001');
      expect(held.versions.at(-1).TrangThaiHoSo).toBe(9);
      expect(held.violations).toEqual([
        { kind: 'ordering', key: '000.00.04.H26-261207-0001', message: expect.stringContaining('9 after 10'), at: expect.any(String) },
      ]);
      expect(portal.stats().violations).toBe(1);
    });

    it('refuses matching dossiers with the message it is told, as many times as it is told', async () => {
      await steer({ reject: { maHoSo: '000.00.04.H26-261207', message: 'Mã TTHC không thuộc đơn vị', times: 1 } });
      const first = await sync([aHoSo(), aHoSo({ MaHoSo: '000.00.04.H26-261208-0001' })]);
      expect(first.body.data).toEqual([
        { MaHoSo: '000.00.04.H26-261207-0001', error_code: '1', message: 'Mã TTHC không thuộc đơn vị' },
        expect.objectContaining({ error_code: '0' }),
      ]);
      expect((await sync([aHoSo()])).body.data[0].error_code).toBe('0');
      await steer({ reject: { maHoSo: '000.00.04.H26-261208-0001', message: 'Đang bảo trì' } });
      for (let i = 0; i < 2; i++) expect((await sync([aHoSo({ MaHoSo: '000.00.04.H26-261208-0001' })], true)).body.data[0].message).toBe('Đang bảo trì');
    });
  });

  describe('CapNhatTienDoHoSoMC', () => {
    it('keeps the rows of an accepted dossier in the order they came', async () => {
      await sync([aHoSo()]);
      const rows = [aProgressRow(), aProgressRow({ ThoiDiemXuLy: '20261207160000', NoiDungXuLy: 'Thẩm định xong' })];
      expect(await progress(rows)).toEqual({ status: 200, body: { error_code: '0', message: expect.any(String) } });
      expect((await dossier('000.00.04.H26-261207-0001')).progress.map((p: any) => p.row)).toEqual(rows);
      expect(portal.stats().progressRows).toBe(2);
    });

    it('refuses the whole call when a row comes before its dossier, and records the violation', async () => {
      await sync([aHoSo()]);
      const answer = await progress([aProgressRow(), aProgressRow({ MaHoSo: '000.00.04.H26-261207-0009' })]);
      expect(answer).toEqual({ status: 400, body: { error_code: '1', message: expect.stringContaining('000.00.04.H26-261207-0009') } });
      expect((await dossier('000.00.04.H26-261207-0001')).progress).toEqual([]);
      expect((await dossier('000.00.04.H26-261207-0009')).violations).toEqual([
        expect.objectContaining({ kind: 'progress-before-dossier', message: expect.stringContaining('progress before its dossier') }),
      ]);
      expect(portal.stats()).toMatchObject({ violations: 1, progressCallsRefused: 1, progressRows: 0 });
    });

    it('refuses more than 10 rows a call, and a row with a field wrong', async () => {
      await sync([aHoSo()]);
      expect(await progress(Array.from({ length: 11 }, () => aProgressRow()))).toMatchObject({ status: 400, body: { message: expect.stringContaining('10') } });
      expect((await progress(Array.from({ length: 10 }, () => aProgressRow()))).status).toBe(200);
      const badDate = await progress([aProgressRow({ ThoiDiemXuLy: '07/12/2026 15:00' })]);
      expect(badDate).toMatchObject({ status: 400, body: { error_code: '1', message: expect.stringContaining('data[0].ThoiDiemXuLy') } });
      const noStatus = await progress([aProgressRow(), aProgressRow({ TrangThai: undefined })]);
      expect(noStatus.body.message).toContain('data[1].TrangThai');
      expect(portal.stats().progressRows).toBe(10);
    });
  });

  describe('online dossiers', () => {
    const online = (limit?: number) => call('GET', `/api/v1/HoSoTrucTuyen${limit ? `?limit=${limit}` : ''}`);
    const confirm = (reference: string) => call('POST', `/api/v1/HoSoTrucTuyen/${encodeURIComponent(reference)}/XacNhan`);
    const references = (answer: { body: any }) => answer.body.data.map((d: any) => d.MaHoSoQG);

    it('serves those added until each is confirmed; a second confirmation answers 0 again', async () => {
      const added = await call('POST', '/_control/online-dossiers', [{ MaHoSoQG: 'G22-261207-000001' }, { ChuHoSo: 'Lê Văn Cường' }], null);
      expect(added.status).toBe(201);
      const second = added.body[1].MaHoSoQG;
      expect(added.body[1]).toMatchObject({ ChuHoSo: 'Lê Văn Cường', MaTTHC: expect.any(String), NgayNopHoSo: expect.stringMatching(/^\d{14}$/) });
      expect(references(await online())).toEqual(['G22-261207-000001', second]);
      expect(references(await online(1))).toEqual(['G22-261207-000001']);
      expect(references(await online())).toEqual(['G22-261207-000001', second]);
      expect(await confirm('G22-261207-000001')).toEqual({ status: 200, body: { error_code: '0', message: expect.any(String) } });
      expect(references(await online())).toEqual([second]);
      expect((await confirm('G22-261207-000001')).body.error_code).toBe('0');
      expect(references(await online())).toEqual([second]);
      expect(await confirm('G22-000000-999999')).toMatchObject({ status: 400, body: { error_code: '1' } });
    });

    it('serves a confirmed one once more when told to, for the duplicate', async () => {
      const [filed] = portal.addOnlineDossiers({});
      await steer({ serveConfirmedAgain: true });
      await confirm(filed.MaHoSoQG);
      expect(references(await online())).toEqual([filed.MaHoSoQG]);
      expect(references(await online())).toEqual([]);
    });

    it('serves the documents it made up, matching their checksum', async () => {
      const [filed] = portal.addOnlineDossiers({ TaiLieuNop: [{ TenTaiLieu: 'Giấy chứng sinh' }] });
      const response = await fetch(filed.TaiLieuNop[0].DuongDan);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.status).toBe(200);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(filed.TaiLieuNop[0].MaKiemTra);
    });

    it("takes the desk's acceptance and its refusal keyed by MaHoSoQG, and refuses a MaHoSoQG it never issued", async () => {
      const [accepted, refusedOne] = portal.addOnlineDossiers([{}, {}]);
      const answer = await sync(
        [
          aHoSo({ MaHoSoQG: accepted.MaHoSoQG, KenhThucHien: 2 }),
          { MaHoSoQG: refusedOne.MaHoSoQG, TrangThaiHoSo: 3, LyDo: 'Hồ sơ không thuộc thẩm quyền' },
          aHoSo({ MaHoSo: '000.00.04.H26-261207-0002', MaHoSoQG: 'G99-000000-000001', KenhThucHien: 2 }),
        ],
        true,
      );
      expect(answer.body.data.map((r: any) => r.error_code)).toEqual(['0', '0', '1']);
      expect(answer.body.data[2].message).toContain('MaHoSoQG');
      expect((await dossier(accepted.MaHoSoQG)).MaHoSo).toBe('000.00.04.H26-261207-0001');
      expect((await dossier(refusedOne.MaHoSoQG)).versions.map((v: any) => v.TrangThaiHoSo)).toEqual([3]);
    });
  });

  describe('steering', () => {
    it('fails for as many calls as told with 503 and error_code 99, doing nothing', async () => {
      await steer({ mode: 'fail', count: 1 });
      expect(await sync([aHoSo()])).toEqual({ status: 503, body: { error_code: '99', message: expect.any(String) } });
      expect(portal.dossiers()).toEqual([]);
      expect((await sync([aHoSo()])).status).toBe(200);
      expect(portal.stats().unavailable).toBe(1);
    });

    it('answers late when slow, the work done', async () => {
      await steer({ mode: 'slow', delayMs: 300 });
      const started = Date.now();
      expect((await sync([aHoSo()])).body.data[0].error_code).toBe('0');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(portal.dossiers()).toHaveLength(1);
    });

    it('cuts the connection when down, until counted out', async () => {
      await steer({ mode: 'down', count: 2 });
      await expect(sync([aHoSo()])).rejects.toThrow();
      await expect(login()).rejects.toThrow();
      expect((await sync([aHoSo()])).status).toBe(200);
    });

    it('refuses a control it does not know the shape of', async () => {
      expect((await steer({ mode: 'timeout' })).status).toBe(400);
      expect((await steer({ reject: { maHoSo: 'X' } })).status).toBe(400);
      expect(await steer({ mode: 'ok' })).toMatchObject({ status: 200, body: { mode: 'ok', reject: null } });
    });
  });
});
