import { Role } from '@motcua/auth';
import { type intake, newIdempotencyKey } from '@motcua/client';
import { BIRTH_REGISTRATION_DOCUMENTS, aDeliveryAddress, eventually, useSuite } from '@motcua/testing';

type ReceiptBody = intake.components['schemas']['SubmitDossierRequest'];

/**
 * The spine's first walk: a birth registration received at the Trúc Bạch ward desk goes from the POST to
 * national status 4, a task in the ward committee's queue, and the applicant's "received" notification, through
 * all four services running as processes on the real broker and databases.
 */
describe('a dossier’s first walk through the suite', () => {
  const ward = '004.01.20.H26'; // Ủy ban nhân dân phường Trúc Bạch (seed code)
  const fixture = useSuite('first-walk');
  const { auth } = fixture;
  let receiver: string;

  // the receipt's body, as the desk's web app sends it through the typed client (libs/client)
  const birthRegistration = (overrides: Partial<ReceiptBody> = {}): ReceiptBody => ({
    procedureCode: '1.001193',
    receivingAgencyCode: ward,
    channel: 1,
    applicant: {
      fullName: 'Nguyễn Thị Lan',
      idNumber: '001190012345',
      email: 'lan.nguyen@example.vn',
      phone: '0912345678',
      address: 'Số 12 phố Phó Đức Chính, phường Trúc Bạch, quận Ba Đình, Hà Nội',
      wardCode: '00004',
    },
    documents: BIRTH_REGISTRATION_DOCUMENTS.map((d) => ({ ...d })),
    returnMethod: 'desk',
    ...overrides,
  });

  const submit = (body: ReceiptBody, token: string, idempotencyKey?: string) =>
    fixture.client(token).intake.POST('/api/v1/dossiers', { params: { header: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} }, body });

  beforeAll(async () => {
    receiver = await auth.token({ subject: 'can-bo-mot-cua-01', roles: [Role.Receiver], agencies: [ward] });
  });

  it('is received with a code, then shows in progress with its first task queued and the applicant told', async () => {
    const { data: receipt, response } = await submit(birthRegistration(), receiver);
    expect(response.status).toBe(201);
    expect(receipt?.code).toMatch(/^004\.01\.20\.H26-\d{6}-0001$/);
    expect(receipt).toMatchObject({ nationalStatus: 2, coordinatorId: 'can-bo-mot-cua-01', procedureCode: '1.001193' });
    expect(receipt?.receivedAt).toMatch(/\+07:00$/);
    const code = receipt!.code;
    const desk = fixture.client(receiver);

    // intake's public record follows workflow: in progress, at the ward committee's first step
    const record = await eventually(async () => {
      const { data } = await desk.intake.GET('/api/v1/dossiers/{code}', { params: { path: { code } } });
      return data && 'currentStep' in data && data.nationalStatus === 4 && data.currentStep ? data : undefined;
    }, 'status 4 on the public record');
    expect(record.history?.map((h) => h.nationalStatus)).toEqual([2, 4]);
    expect(record.currentStep).toEqual({ name: expect.stringContaining('hộ tịch'), agencyCode: ward, agencyName: 'Ủy ban nhân dân phường Trúc Bạch' });
    expect(record.processVersion).toBe(1);

    // the first task waits, unowned, in the ward committee's queue
    const specialist = fixture.client(await auth.token({ subject: `${ward}.specialist.1`, roles: [Role.Specialist], agencies: [ward] }));
    const queue = await specialist.workflow.GET('/api/v1/tasks', { params: { query: { agency: ward } } });
    expect(queue.response.status).toBe(200);
    const task = queue.data?.items.find((t) => t.dossierCode === code);
    expect(task).toMatchObject({ stepNumber: 1, role: 'specialist', ownerId: null, status: 'open', agencyCode: ward });

    // paging parameters are checked, the field named
    const badPage = await specialist.workflow.GET('/api/v1/tasks', { params: { query: { limit: 0, cursor: 'bm90LWEtY3Vyc29y' } } });
    expect(badPage.response.status).toBe(400);
    expect(badPage.error?.errors?.map((e) => e.field)).toContain('limit');
    const badCursor = await specialist.workflow.GET('/api/v1/tasks', { params: { query: { cursor: 'bm90LWEtY3Vyc29y' } } });
    expect(badCursor.response.status).toBe(400);
    expect(badCursor.error?.code).toBe('REQUEST.INVALID_CURSOR');

    // an officer of another ward sees neither the task nor the dossier
    const stranger = fixture.client(await auth.token({ subject: 'can-bo-phuc-xa', roles: [Role.Specialist, Role.Receiver], agencies: ['001.01.20.H26'] }));
    const strangersQueue = await stranger.workflow.GET('/api/v1/tasks');
    expect(strangersQueue.data?.items.some((t) => t.dossierCode === code)).toBe(false);
    expect((await stranger.intake.GET('/api/v1/dossiers/{code}', { params: { path: { code } } })).response.status).toBe(404);

    // notification recorded the applicant's "received" message, in Vietnamese
    const notifications = await eventually(async () => {
      const { data } = await desk.notification.GET('/api/v1/notifications', { params: { query: { dossierCode: code } } });
      return data?.items.length ? data.items : undefined;
    }, 'the dossier-received notification');
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ templateKey: 'dossier.received', recipient: 'lan.nguyen@example.vn' });
    expect(notifications[0].subject).toContain(code);
    expect(notifications[0].subject).toContain('tiếp nhận');
    // …which an officer of another ward does not see
    const strangersLog = await stranger.notification.GET('/api/v1/notifications', { params: { query: { dossierCode: code } } });
    expect(strangersLog.response.status).toBe(200);
    expect(strangersLog.data).toEqual({ items: [], nextCursor: null });

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
    const key = newIdempotencyKey();
    const first = await submit(birthRegistration(), receiver, key);
    const again = await submit(birthRegistration(), receiver, key);
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data?.code).toBe(first.data?.code);

    const other = await submit(birthRegistration({ returnMethod: 'post', deliveryAddress: aDeliveryAddress({ recipient: 'Nguyễn Thị Lan' }) }), receiver, key);
    expect(other.response.status).toBe(422);
    expect(other.response.headers.get('content-type')).toContain('application/problem+json');
    expect(other.error?.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('refuses bad input with the field named, and callers who may not submit', async () => {
    const bad = await submit(birthRegistration({ applicant: { fullName: '', wardCode: '4' } }), receiver);
    expect(bad.response.status).toBe(400);
    expect(bad.error?.code).toBe('REQUEST.INVALID');
    expect(bad.error?.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['applicant.fullName', 'applicant.wardCode']));

    expect((await submit(birthRegistration(), '')).response.status).toBe(401);
    const specialist = await auth.token({ subject: 'cong-chuc', roles: [Role.Specialist], agencies: [ward] });
    expect((await submit(birthRegistration(), specialist)).response.status).toBe(403);
    const otherDesk = await auth.token({ subject: 'mot-cua-phuc-xa', roles: [Role.Receiver], agencies: ['001.01.20.H26'] });
    const refused = await submit(birthRegistration(), otherDesk);
    expect(refused.response.status).toBe(403);
    expect(refused.error?.code).toBe('DOSSIER.DESK_NOT_YOURS');
  });
});
