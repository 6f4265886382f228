import type { Client } from 'pg';
import { Role } from '@motcua/auth';
import { CatalogueProcedureChanged, event } from '@motcua/contracts';
import { inboxQueueName } from '@motcua/messaging';
import { aSubmission, eventually, publishEvent, useSuite, withBrokerChannel } from '@motcua/testing';

/**
 * Workflow owns the catalogue; intake and postal-delivery keep replicas of it from `workflow.catalog.*` events,
 * and go on working from them while workflow is down. Services run as processes on the real broker and databases.
 */
describe('the catalogue replicated to intake and postal-delivery', () => {
  const ward = '004.01.20.H26'; // Ủy ban nhân dân phường Trúc Bạch (seed code)
  const fixture = useSuite('catalogue-replication', ['intake', 'workflow', 'postal-delivery'], {
    CATALOGUE_RESYNC_RETRY_MS: '500',
    CATALOGUE_REFRESH_MS: '500',
  });
  const { suite, auth } = fixture;
  const intakeDb = fixture.db('intake');
  const workflowDb = fixture.db('workflow');
  const postalDb = fixture.db('postal-delivery');
  let admin: string;
  let receiver: string;

  beforeAll(async () => {
    admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
    receiver = await auth.token({ subject: 'mot-cua-truc-bach', roles: [Role.Receiver], agencies: [ward] });
  });

  const intake = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${suite.url('intake')}${path}`, init);
    return { status: response.status, body: (await response.json()) as any };
  };

  const birthRegistration = (fullName: string) => aSubmission({ desk: ward, wardCode: '00004', fullName });

  const submit = (body: unknown) =>
    intake('/api/v1/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${receiver}` },
      body: JSON.stringify(body),
    });

  const publishVersion = async (code: string, steps: unknown) => {
    const response = await fetch(`${suite.url('workflow')}/api/v1/procedures/${code}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ steps }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  /** A procedure-changed event as workflow would send it for the procedure as it stands, with overrides. */
  const procedureChanged = async (code: string, revision: number, overrides: Record<string, unknown>) => {
    const response = await fetch(`${suite.url('workflow')}/api/v1/procedures/${code}`, { headers: { authorization: `Bearer ${admin}` } });
    const { versions, unverified: _unverified, deactivatedAt: _deactivatedAt, ...procedure } = (await response.json()) as any;
    const latest = versions.at(-1);
    return event(CatalogueProcedureChanged, { revision, procedure: { ...procedure, processVersion: latest.version, steps: latest.steps, ...overrides } });
  };

  const consumedByIntake = (messageId: string) =>
    eventually(
      async () => ((await intakeDb.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [messageId])).rowCount === 1 ? true : undefined),
      `message ${messageId} consumed by intake`,
    );

  const count = async (db: Client, sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);

  it('fills both replicas with the whole catalogue on the suite’s first start', async () => {
    const procedures = await count(workflowDb, `SELECT count(*) AS n FROM procedure`);
    const agencies = await count(workflowDb, `SELECT count(*) AS n FROM agency`);
    const areas = await count(workflowDb, `SELECT count(*) AS n FROM administrative_area`);
    expect(procedures).toBeGreaterThanOrEqual(11);

    const { status, body } = await intake('/api/v1/catalogue/procedures');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(procedures);
    expect(body.items.find((p: any) => p.code === '1.001193')).toMatchObject({ name: 'Thủ tục đăng ký khai sinh', level: 'ward', active: true });

    for (const db of [intakeDb, postalDb]) {
      await eventually(async () => {
        const rows = (await db.query<{ kind: string; n: string }>(`SELECT kind, count(*) AS n FROM catalogue_replica GROUP BY kind ORDER BY kind`)).rows;
        return rows.length === 3 ? rows : undefined;
      }, 'a full replica').then((rows) =>
        expect(Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]))).toEqual({ agency: agencies, area: areas, procedure: procedures }),
      );
    }
  });

  it('shows a frontend the catalogue: a procedure’s documents and steps, the desks that receive it, the areas', async () => {
    const procedure = await intake('/api/v1/catalogue/procedures/1.001193');
    expect(procedure.status).toBe(200);
    expect(procedure.body.documents.filter((d: any) => d.required).map((d: any) => d.code)).toEqual(['TK-KS', 'GCS', 'GTTT']);
    expect(procedure.body.documents[0].name).toBe('Tờ khai đăng ký khai sinh theo mẫu');
    expect(procedure.body.steps.map((s: any) => s.number)).toEqual([1, 2, 3]);

    const desks = await intake('/api/v1/catalogue/procedures/1.001193/desks?wardCode=00004');
    expect(desks.body.items).toEqual([{ code: ward, name: 'Ủy ban nhân dân phường Trúc Bạch', level: 'ward', areaCode: '00004' }]);

    const district = await intake('/api/v1/catalogue/areas/001');
    expect(district.body).toMatchObject({ code: '001', name: 'Quận Ba Đình', level: 'district', parentCode: '01' });
    expect(district.body.children).toHaveLength(14);

    expect((await intake('/api/v1/catalogue/procedures/9.999999')).body.code).toBe('CATALOGUE.PROCEDURE_NOT_FOUND');
    expect((await intake('/api/v1/catalogue/procedures/1.001193/desks?wardCode=123')).status).toBe(400);
  });

  it('brings a newly published process version to intake', async () => {
    const current = (await (
      await fetch(`${suite.url('workflow')}/api/v1/procedures/1.001193`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as any;
    const steps = current.versions.at(-1).steps.map((s: any, i: number) => (i === 0 ? { ...s, name: 'Công chức tư pháp – hộ tịch tiếp nhận và kiểm tra' } : s));
    const published = await publishVersion('1.001193', steps);
    expect(published.status).toBe(201);

    const replicated = await eventually(async () => {
      const { body } = await intake('/api/v1/catalogue/procedures/1.001193');
      return body.processVersion === published.body.version ? body : undefined;
    }, 'the new version in intake');
    expect(replicated.steps[0].name).toBe('Công chức tư pháp – hộ tịch tiếp nhận và kiểm tra');
  });

  it('ignores a catalogue event older than what the replica holds', async () => {
    const before = (await intake('/api/v1/catalogue/procedures/1.001193')).body;
    const messageId = await publishEvent(suite.prefix, await procedureChanged('1.001193', 1, { name: 'Tên cũ', processVersion: 1 }));
    await consumedByIntake(messageId);
    await new Promise((resolve) => setTimeout(resolve, 700)); // past the refresh interval of this suite
    expect((await intake('/api/v1/catalogue/procedures/1.001193')).body).toEqual(before);
  });

  it('shows changes applied out of revision order, each once it commits', async () => {
    // two changes of different procedures; the older revision is applied last
    const newer = await publishEvent(suite.prefix, await procedureChanged('1.000656', 1_000, { name: 'Thủ tục đăng ký khai tử (sửa đổi)' }));
    await consumedByIntake(newer);
    const older = await publishEvent(suite.prefix, await procedureChanged('1.000894', 999, { name: 'Thủ tục đăng ký kết hôn (sửa đổi)' }));
    await consumedByIntake(older);
    await eventually(async () => {
      const names = await Promise.all(['1.000656', '1.000894'].map(async (code) => (await intake(`/api/v1/catalogue/procedures/${code}`)).body.name));
      return names[0] === 'Thủ tục đăng ký khai tử (sửa đổi)' && names[1] === 'Thủ tục đăng ký kết hôn (sửa đổi)';
    }, 'both changes in intake');
  });

  it('keeps receiving dossiers and showing the catalogue while workflow is down; routing resumes when it is back', async () => {
    await suite.crash('workflow');
    const receipt = await submit(birthRegistration('Trần Văn Nam'));
    expect(receipt.status).toBe(201);
    expect((await intake('/api/v1/catalogue/procedures')).status).toBe(200);
    const refused = await submit({
      ...birthRegistration('Trần Văn Nam'),
      receivingAgencyCode: ward,
      applicant: { fullName: 'Trần Văn Nam', wardCode: '00001' },
    });
    expect(refused.body.code).toBe('DOSSIER.DESK_NOT_ALLOWED');

    await suite.restart('workflow');
    await eventually(async () => {
      const { body } = await intake(`/api/v1/dossiers/${receipt.body.code}`, { headers: { authorization: `Bearer ${receiver}` } });
      return body.nationalStatus === 4 ? body : undefined;
    }, 'the dossier routed once workflow is back');
  });

  it('stops receiving a deactivated procedure at every desk', async () => {
    const response = await fetch(`${suite.url('workflow')}/api/v1/procedures/1.001193/deactivate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    const refused = await eventually(async () => {
      const { status, body } = await submit(birthRegistration('Lê Thị Thu'));
      return status === 422 ? body : undefined;
    }, 'the refusal');
    expect(refused).toMatchObject({ code: 'DOSSIER.PROCEDURE_INACTIVE', errors: [expect.objectContaining({ field: 'procedureCode' })] });
    expect((await intake('/api/v1/catalogue/procedures')).body.items.map((p: any) => p.code)).not.toContain('1.001193');
  });

  it('fills an empty replica once workflow first comes up, asking until it does', async () => {
    // The very first start of a suite: intake runs with an empty replica, and workflow has never run (no queue).
    await suite.crash('workflow');
    await suite.crash('intake');
    await intakeDb.query(`TRUNCATE catalogue_replica`);
    await withBrokerChannel((channel) => channel.deleteQueue(inboxQueueName(suite.prefix, 'workflow')));
    await suite.restart('intake', { waitUntilReady: false });

    const notReady = await eventually(async () => {
      const response = await fetch(`${suite.url('intake')}/health/ready`).catch(() => undefined);
      return response?.status === 503 ? response : undefined;
    }, 'intake answering, not ready');
    expect(notReady.status).toBe(503);
    const early = await submit(birthRegistration('Phạm Thị Hà'));
    expect(early).toMatchObject({ status: 503, body: { code: 'CATALOGUE.NOT_READY' } });

    // workflow has no catalogue change of its own to announce at start: only intake's asking fills it
    await workflowDb.query(`UPDATE catalogue_revision SET snapshot_published = revision`);
    const resyncRequests = () => count(workflowDb, `SELECT count(*) AS n FROM inbox_message WHERE type = 'catalog.replica.resync-requested'`);
    const requestsBefore = await resyncRequests();
    await suite.restart('workflow');
    await eventually(async () => ((await fetch(`${suite.url('intake')}/health/ready`)).ok ? true : undefined), 'intake ready', 30_000);
    expect((await intake('/api/v1/catalogue/procedures/1.001193')).body.active).toBe(false);
    expect(await resyncRequests()).toBeGreaterThan(requestsBefore);
  });
});
