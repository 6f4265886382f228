import { Role } from '@motcua/auth';
import { type RunningSuite, type TestAuth, createTestAuth, startSuite } from '@motcua/testing';

/** The catalogue as an administrator reads it. */
describe('the catalogue API', () => {
  let auth: TestAuth;
  let suite: RunningSuite;
  let admin: string;

  beforeAll(async () => {
    auth = createTestAuth();
    suite = await startSuite('catalogue-api', auth.env, ['workflow']);
    admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
    auth?.cleanup();
  }, 60_000);

  const get = async (path: string, token = admin) => {
    const response = await fetch(`${suite.url('workflow')}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('shows an area with the areas under it', async () => {
    const { status, body } = await get('/api/v1/areas/001');
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: '001', name: 'Quận Ba Đình', level: 'district', parentCode: '01' });
    expect(body.children).toHaveLength(14);
    expect(body.children[0]).toEqual({ code: '00001', name: 'Phường Phúc Xá', level: 'ward' });
    expect((await get('/api/v1/areas/01')).body.children).toHaveLength(30);
  });

  it('lists agencies by kind, a page at a time, every one once', async () => {
    const first = await get('/api/v1/agencies?kind=justice_division&limit=20');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(20);
    const second = await get(`/api/v1/agencies?kind=justice_division&limit=20&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(10);
    expect(second.body.nextCursor).toBeNull();
    const codes = [...first.body.items, ...second.body.items].map((a: any) => a.code);
    expect(new Set(codes).size).toBe(30);
    expect([...codes].sort()).toEqual(codes);
  });

  it('shows an agency with its staff and their roles', async () => {
    const { status, body } = await get('/api/v1/agencies/004.01.20.H26');
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: '004.01.20.H26', name: 'Ủy ban nhân dân phường Trúc Bạch', level: 'ward', hasDesk: true });
    expect(body.staff.map((o: any) => o.id)).toContain('004.01.20.H26.receiver.1');
    expect(body.staff.find((o: any) => o.id === '004.01.20.H26.leader.1')).toMatchObject({ roles: ['leader'], status: 'active' });
  });

  it('shows a procedure with its process versions', async () => {
    const { body } = await get('/api/v1/procedures/1.001193');
    expect(body).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', active: true });
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0].steps.map((s: any) => s.role)).toEqual(['specialist', 'leader', 'returner']);
    expect(body.versions[0].publishedAt).toMatch(/\+07:00$/);
    expect((await get('/api/v1/procedures')).body.map((p: any) => p.code)).toContain('1.001193');
  });

  it('answers 404 with a stable code for what is not in the catalogue, 400 for a bad filter', async () => {
    expect((await get('/api/v1/areas/99999')).body).toMatchObject({ status: 404, code: 'CATALOGUE.AREA_NOT_FOUND' });
    expect((await get('/api/v1/agencies/000.99.99.H26')).body.code).toBe('CATALOGUE.AGENCY_NOT_FOUND');
    expect((await get('/api/v1/procedures/9.999999')).body.code).toBe('CATALOGUE.PROCEDURE_NOT_FOUND');
    const bad = await get('/api/v1/agencies?kind=DROP%20TABLE');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toContain('kind');
  });

  it('is for administrators only', async () => {
    const officer = await auth.token({ subject: '004.01.20.H26.receiver.1', roles: [Role.Receiver], agencies: ['004.01.20.H26'] });
    expect((await get('/api/v1/agencies', officer)).status).toBe(403);
    expect((await get('/api/v1/agencies', '')).status).toBe(401);
  });
});
