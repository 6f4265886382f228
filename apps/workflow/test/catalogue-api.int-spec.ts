import { Role } from '@motcua/auth';
import { randomUUID } from 'node:crypto';
import { parkingLotQueueName } from '@motcua/messaging';
import { aDossierAccepted, eventually, publishEvent, useSuite, withBrokerChannel } from '@motcua/testing';

/** The catalogue as an administrator reads it. */
describe('the catalogue API', () => {
  const running = useSuite('catalogue-api', ['workflow']);
  const { suite, auth } = running;
  const db = running.db('workflow');
  let admin: string;

  beforeAll(async () => {
    admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
  });

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

  it('shows an officer with every role they hold', async () => {
    const { status, body } = await get('/api/v1/officers/004.01.20.H26.leader.1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: '004.01.20.H26.leader.1', status: 'active' });
    expect(body.roles).toEqual([{ agencyCode: '004.01.20.H26', agencyName: 'Ủy ban nhân dân phường Trúc Bạch', role: 'leader' }]);
    expect((await get('/api/v1/officers/nobody')).body.code).toBe('CATALOGUE.OFFICER_NOT_FOUND');
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

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${suite.url('workflow')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const versionOf = async (dossierCode: string) =>
    eventually(
      async () => (await db.query<{ v: number }>(`SELECT process_version AS v FROM dossier_case WHERE dossier_code = $1`, [dossierCode])).rows[0]?.v,
      `the case of ${dossierCode}`,
    );

  const v1 = async () => (await get('/api/v1/procedures/1.001193')).body.versions[0].steps;

  it('refuses a process with problems, naming each, and publishes nothing', async () => {
    const steps = await v1();
    const { status, body } = await post('/api/v1/procedures/1.001193/versions', {
      steps: [{ ...steps[0], role: 'super_user', budgetHours: 0 }, { ...steps[1], agency: { kind: 'fixed', agencyCode: '000.99.99.H26' } }, steps[2]],
    });
    expect(status).toBe(422);
    expect(body.code).toBe('PROCESS.INVALID');
    expect(body.errors.map((e: any) => `${e.field} ${e.code}`)).toEqual([
      'steps.0.role PROCESS.UNKNOWN_ROLE',
      'steps.0.budgetHours PROCESS.BUDGET_NOT_POSITIVE',
      'steps.1.agency PROCESS.AGENCY_UNRESOLVABLE',
    ]);
    expect((await post('/api/v1/procedures/1.001193/versions', { steps: 'all of them' })).status).toBe(400);
    expect((await get('/api/v1/procedures/1.001193')).body.versions).toHaveLength(1);
  });

  it('publishes a new version for dossiers received from now on, while earlier ones keep theirs', async () => {
    const before = aDossierAccepted({ receivingAgencyCode: '004.01.20.H26', receivedAt: new Date(Date.now() - 60_000).toISOString() });
    await publishEvent(suite.prefix, before);
    expect(await versionOf(before.dossierCode)).toBe(1);

    const steps = await v1();
    const key = randomUUID();
    const longerAppraisal = { steps: [{ ...steps[0], budgetHours: 6 }, steps[1], steps[2]] };
    const published = await post('/api/v1/procedures/1.001193/versions', longerAppraisal, { 'idempotency-key': key });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ procedureCode: '1.001193', version: 2 });
    const again = await post('/api/v1/procedures/1.001193/versions', longerAppraisal, { 'idempotency-key': key });
    expect(again.body).toEqual(published.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const after = aDossierAccepted({ receivingAgencyCode: '004.01.20.H26', receivedAt: new Date(Date.now() + 1_000).toISOString() });
    const late = aDossierAccepted({ receivingAgencyCode: '004.01.20.H26', receivedAt: new Date(Date.now() - 120_000).toISOString() });
    await publishEvent(suite.prefix, after);
    await publishEvent(suite.prefix, late); // received before the publication, consumed after it
    expect(await versionOf(after.dossierCode)).toBe(2);
    expect(await versionOf(late.dossierCode)).toBe(1);
    expect(await versionOf(before.dossierCode)).toBe(1);
  });

  const catalogueEvents = async () =>
    (
      await db.query<{ type: string; revision: number; procedure: string; version: number; active: boolean }>(
        `SELECT type, (payload->>'revision')::int AS revision, payload->'procedure'->>'code' AS procedure,
                (payload->'procedure'->>'processVersion')::int AS version, (payload->'procedure'->>'active')::boolean AS active
           FROM outbox_message WHERE type LIKE 'workflow.catalog.%' ORDER BY created_at, id`,
      )
    ).rows;

  // revision 1 from the procedures' migration, 2 from the postal catalogue's (desk addresses, fee amounts)
  it('tells the replicas: a snapshot at first start, then each change with a higher revision', async () => {
    const events = await catalogueEvents();
    expect(events[0]).toMatchObject({ type: 'workflow.catalog.snapshot', revision: 2 });
    expect(events.slice(1)).toEqual([{ type: 'workflow.catalog.procedure-changed', revision: 3, procedure: '1.001193', version: 2, active: true }]);
    const [snapshot] = (await db.query<{ payload: any }>(`SELECT payload FROM outbox_message WHERE type = 'workflow.catalog.snapshot'`)).rows;
    expect(snapshot.payload.procedures.length).toBeGreaterThanOrEqual(11);
    expect(snapshot.payload.agencies.find((a: any) => a.code === '004.01.20.H26')).toMatchObject({ hasDesk: true, validFrom: '2018-06-21', validTo: null });
  });

  it('carries what the post needs: a desk’s address and phone, a procedure’s fee amount and when it is paid', async () => {
    const [snapshot] = (await db.query<{ payload: any }>(`SELECT payload FROM outbox_message WHERE type = 'workflow.catalog.snapshot'`)).rows;
    expect(snapshot.payload.agencies.find((a: any) => a.code === '004.01.20.H26')).toMatchObject({
      address: 'Số 1 phố Trấn Vũ, phường Trúc Bạch, quận Ba Đình, Hà Nội',
      phone: expect.stringMatching(/^024\d{8}$/),
    });
    // a ward committee the demo data gives no address: null, as the contract allows
    expect(snapshot.payload.agencies.find((a: any) => a.code === '000.00.01.H26')).toMatchObject({ address: null, phone: null });
    const procedures = new Map(snapshot.payload.procedures.map((p: any) => [p.code, p]));
    expect(procedures.get('1.009994')).toMatchObject({ fee: '75.000 đồng/giấy phép', feeAmountVnd: 75000, feePaidAt: 'return' });
    expect(procedures.get('1.001612')).toMatchObject({ feeAmountVnd: 100000, feePaidAt: 'receipt' });
    expect(procedures.get('1.001193')).toMatchObject({ feeAmountVnd: null, feePaidAt: null });
    // and the administrators' API shows them
    expect((await get('/api/v1/agencies/004.01.20.H26')).body).toMatchObject({ address: expect.stringContaining('Trúc Bạch'), phone: expect.any(String) });
    expect((await get('/api/v1/procedures/1.002804')).body).toMatchObject({ feeAmountVnd: 135000, feePaidAt: 'return' });
  });

  it('stops routing new dossiers of a deactivated procedure, and still routes those received before', async () => {
    const receivedBefore = aDossierAccepted({ receivingAgencyCode: '004.01.20.H26', receivedAt: new Date(Date.now() - 1_000).toISOString() });
    const deactivated = await post('/api/v1/procedures/1.001193/deactivate', {});
    expect(deactivated).toMatchObject({ status: 200, body: { code: '1.001193', active: false } });
    // said once, however often it is repeated
    expect((await post('/api/v1/procedures/1.001193/deactivate', {})).status).toBe(200);
    expect((await catalogueEvents()).slice(2)).toEqual([
      { type: 'workflow.catalog.procedure-changed', revision: 4, procedure: '1.001193', version: 2, active: false },
    ]);
    expect((await post('/api/v1/procedures/9.999999/deactivate', {})).body.code).toBe('CATALOGUE.PROCEDURE_NOT_FOUND');
    const dossier = aDossierAccepted({ receivingAgencyCode: '004.01.20.H26', receivedAt: new Date().toISOString() });
    await publishEvent(suite.prefix, dossier);
    const error = await eventually(
      () =>
        withBrokerChannel(async (channel) => {
          for (
            let m = await channel.get(parkingLotQueueName(suite.prefix, 'workflow'));
            m;
            m = await channel.get(parkingLotQueueName(suite.prefix, 'workflow'))
          ) {
            if (JSON.parse(m.content.toString()).dossierCode === dossier.dossierCode) return String(m.properties.headers?.['x-error']);
          }
          return undefined;
        }),
      'the dossier to be parked',
    );
    expect(error).toContain('CATALOGUE.PROCEDURE_UNKNOWN');

    // accepted at the desk a moment before the deactivation, heard of after it
    await publishEvent(suite.prefix, receivedBefore);
    expect(await versionOf(receivedBefore.dossierCode)).toBeGreaterThanOrEqual(1); // routed, on the version in force then
  });
});
