import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/auth';
import { aDeliveryAddress, aSubmission, eventually, useSuite } from '@motcua/testing';

/**
 * The spine's first walk: a birth registration received at the Trúc Bạch ward desk goes from the POST to
 * national status 4, a task in the ward committee's queue, and the applicant's "received" notification, through
 * all four services running as processes on the real broker and databases.
 */
describe('a dossier’s first walk through the suite', () => {
  const ward = '004.01.20.H26'; // Ủy ban nhân dân phường Trúc Bạch (seed code)
  const fixture = useSuite('first-walk');
  const { suite, auth } = fixture;
  let receiver: string;

  const birthRegistration = (overrides: Record<string, unknown> = {}) => ({
    ...aSubmission({
      desk: ward,
      wardCode: '00004',
      fullName: 'Nguyễn Thị Lan',
      applicant: {
        idNumber: '001190012345',
        email: 'lan.nguyen@example.vn',
        phone: '0912345678',
        address: 'Số 12 phố Phó Đức Chính, phường Trúc Bạch, quận Ba Đình, Hà Nội',
      },
    }),
    ...overrides,
  });

  const submit = (body: unknown, token: string, idempotencyKey?: string) =>
    fetch(`${suite.url('intake')}/api/v1/dossiers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });

  const get = async (url: string, token: string) => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    receiver = await auth.token({ subject: 'can-bo-mot-cua-01', roles: [Role.Receiver], agencies: [ward] });
  });

  it('is received with a code, then shows in progress with its first task queued and the applicant told', async () => {
    const response = await submit(birthRegistration(), receiver);
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as any;
    expect(receipt.code).toMatch(/^004\.01\.20\.H26-\d{6}-0001$/);
    expect(receipt).toMatchObject({ nationalStatus: 2, coordinatorId: 'can-bo-mot-cua-01', procedureCode: '1.001193' });
    expect(receipt.receivedAt).toMatch(/\+07:00$/);

    // intake's public record follows workflow: in progress, at the ward committee's first step
    const record = await eventually(async () => {
      const { body } = await get(`${suite.url('intake')}/api/v1/dossiers/${receipt.code}`, receiver);
      return body.nationalStatus === 4 && body.currentStep ? body : undefined;
    }, 'status 4 on the public record');
    expect(record.history.map((h: any) => h.nationalStatus)).toEqual([2, 4]);
    expect(record.currentStep).toEqual({ name: expect.stringContaining('hộ tịch'), agencyCode: ward, agencyName: 'Ủy ban nhân dân phường Trúc Bạch' });
    expect(record.processVersion).toBe(1);

    // the first task waits, unowned, in the ward committee's queue
    const specialist = await auth.token({ subject: `${ward}.specialist.1`, roles: [Role.Specialist], agencies: [ward] });
    const queue = await get(`${suite.url('workflow')}/api/v1/tasks?agency=${ward}`, specialist);
    expect(queue.status).toBe(200);
    const task = queue.body.items.find((t: any) => t.dossierCode === receipt.code);
    expect(task).toMatchObject({ stepNumber: 1, role: 'specialist', ownerId: null, status: 'open', agencyCode: ward });

    // paging parameters are checked, the field named
    const badPage = await get(`${suite.url('workflow')}/api/v1/tasks?limit=0&cursor=bm90LWEtY3Vyc29y`, specialist);
    expect(badPage.status).toBe(400);
    expect(badPage.body.errors.map((e: any) => e.field)).toContain('limit');
    const badCursor = await get(`${suite.url('workflow')}/api/v1/tasks?cursor=bm90LWEtY3Vyc29y`, specialist);
    expect(badCursor).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID_CURSOR' } });

    // an officer of another ward sees neither the task nor the dossier
    const stranger = await auth.token({ subject: 'can-bo-phuc-xa', roles: [Role.Specialist, Role.Receiver], agencies: ['001.01.20.H26'] });
    const strangersQueue = await get(`${suite.url('workflow')}/api/v1/tasks`, stranger);
    expect(strangersQueue.body.items.some((t: any) => t.dossierCode === receipt.code)).toBe(false);
    expect((await get(`${suite.url('intake')}/api/v1/dossiers/${receipt.code}`, stranger)).status).toBe(404);

    // notification recorded the applicant's "received" message, in Vietnamese
    const notifications = await eventually(async () => {
      const { body } = await get(`${suite.url('notification')}/api/v1/notifications?dossierCode=${receipt.code}`, receiver);
      return body.items?.length ? body.items : undefined;
    }, 'the dossier-received notification');
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ templateKey: 'dossier.received', recipient: 'lan.nguyen@example.vn' });
    expect(notifications[0].subject).toContain(receipt.code);
    expect(notifications[0].subject).toContain('tiếp nhận');
    // …which an officer of another ward does not see
    const strangersLog = await get(`${suite.url('notification')}/api/v1/notifications?dossierCode=${receipt.code}`, stranger);
    expect(strangersLog).toEqual({ status: 200, body: { items: [], nextCursor: null } });

    // postal-delivery consumed the accepted dossier once (a desk return: no delivery order)
    const consumed = await eventually(async () => {
      const { rows } = await fixture
        .db('postal-delivery')
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_message WHERE type = 'intake.dossier.accepted'`);
      return rows[0].n >= 1 ? rows[0].n : undefined;
    }, 'postal-delivery to consume the accepted dossier');
    expect(consumed).toBe(1);
  });

  it('gives the same receipt for a retried submission and refuses a reused key with another body', async () => {
    const key = randomUUID();
    const first = await submit(birthRegistration(), receiver, key);
    const again = await submit(birthRegistration(), receiver, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [(await first.json()) as any, (await again.json()) as any];
    expect(b.code).toBe(a.code);

    const other = await submit(birthRegistration({ returnMethod: 'post', deliveryAddress: aDeliveryAddress({ recipient: 'Nguyễn Thị Lan' }) }), receiver, key);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(((await other.json()) as any).code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('refuses bad input with the field named, and callers who may not submit', async () => {
    const bad = await submit(birthRegistration({ applicant: { fullName: '', wardCode: '4' } }), receiver);
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as any;
    expect(problem.code).toBe('REQUEST.INVALID');
    expect(problem.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['applicant.fullName', 'applicant.wardCode']));

    expect((await submit(birthRegistration(), '')).status).toBe(401);
    const specialist = await auth.token({ subject: 'cong-chuc', roles: [Role.Specialist], agencies: [ward] });
    expect((await submit(birthRegistration(), specialist)).status).toBe(403);
    const otherDesk = await auth.token({ subject: 'mot-cua-phuc-xa', roles: [Role.Receiver], agencies: ['001.01.20.H26'] });
    const refused = await submit(birthRegistration(), otherDesk);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).code).toBe('DOSSIER.DESK_NOT_YOURS');
  });
});
