import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/auth';
import { NationalStatus, SupplementRequested, TaskCreated, event } from '@motcua/contracts';
import { eventually, publishEvent, receiveDossier, useSuite } from '@motcua/testing';

/**
 * Tra cứu hồ sơ: the applicant reads their own dossier with the secret on the receipt or their citizen token, in
 * the citizen's view; guessing a secret is limited per dossier and per client, across intake's replicas.
 */
describe('the citizen’s own lookup of a dossier', () => {
  const desk = '004.01.20.H26'; // Ủy ban nhân dân phường Trúc Bạch (seed code)
  const PER_DOSSIER = 4;
  const PER_CLIENT = 6;
  // Behind the gateway: the test is the gateway, on loopback, and says who each client is (X-Forwarded-For).
  const running = useSuite('citizen-lookup', ['intake', 'workflow'], {
    TRUST_PROXY: 'loopback',
    LOOKUP_ATTEMPTS_PER_DOSSIER: String(PER_DOSSIER),
    LOOKUP_ATTEMPTS_PER_CLIENT: String(PER_CLIENT),
  });
  const { suite, auth } = running;
  let receiver: string;
  let idNumbers = 0;

  beforeAll(async () => {
    // Workflow filled intake's catalogue replica (intake is ready only then); this test plays workflow's part.
    await suite.crash('workflow');
    receiver = await running.anOfficer(desk, Role.Receiver);
  });

  interface Receipt {
    code: string;
    lookupSecret: string;
    idNumber: string;
  }

  async function receive(): Promise<Receipt> {
    idNumbers += 1;
    const idNumber = `0011900${String(idNumbers).padStart(5, '0')}`;
    const { status, body } = await receiveDossier(
      running,
      {
        desk,
        wardCode: '00004',
        fullName: 'Trần Thị Mai',
        applicant: { idNumber, phone: '0912345678', email: 'mai.tran@example.vn', address: 'Số 5 phố Trúc Bạch' },
      },
      receiver,
    );
    expect(status).toBe(201);
    const { code, lookupSecret } = body as { code: string; lookupSecret: string };
    return { code, lookupSecret, idNumber };
  }

  /** A request as the gateway passes it on: from `client`, with the secret and the token given. */
  async function lookUp(code: string, o: { client: string; secret?: string; token?: string; url?: string }) {
    const headers: Record<string, string> = { 'x-forwarded-for': o.client };
    if (o.secret !== undefined) headers['x-lookup-secret'] = o.secret;
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const response = await fetch(`${o.url ?? suite.url('intake')}/api/v1/dossiers/${code}`, { headers });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  }

  async function supply(code: string, o: { client: string; secret: string }) {
    const response = await fetch(`${suite.url('intake')}/api/v1/dossiers/${code}/supplements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': o.client, 'x-lookup-secret': o.secret },
      body: JSON.stringify({ documents: [{ code: 'GCS', name: 'Giấy chứng sinh' }] }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  }

  const limitedCount = async (url: string, limit: 'dossier' | 'client') => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('lookup_attempts_limited_total{') && l.includes(`limit="${limit}"`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  /** The fields only an officer's view has. */
  const OFFICER_ONLY = ['coordinatorId', 'applicant', 'documents', 'currentStep', 'receivingAgencyCode', 'processVersion', 'channel', 'extensionCount'];

  it('shows the applicant with the receipt’s secret the citizen’s view, and nothing of the officer’s', async () => {
    const receipt = await receive();
    const { status, body } = await lookUp(receipt.code, { client: '192.0.2.1', secret: receipt.lookupSecret });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: receipt.code,
      procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
      nationalStatus: 2,
      nationalStatusKey: 'Accepted',
      nationalStatusName: 'Đã tiếp nhận',
      supplementRequest: null,
      result: {
        method: 'desk',
        desk: { name: 'Ủy ban nhân dân phường Trúc Bạch', address: 'Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội' },
      },
      history: [
        {
          nationalStatus: 2,
          nationalStatusName: 'Đã tiếp nhận',
          description: 'Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch đã tiếp nhận hồ sơ',
          agency: 'Ủy ban nhân dân phường Trúc Bạch',
        },
      ],
    });
    expect(body.receivedAt).toMatch(/\+07:00$/);
    expect(body.appointment.original).toMatch(/\+07:00$/);
    expect(body.appointment.current).toBe(body.appointment.original);
    for (const field of OFFICER_ONLY) expect([field, body[field]]).toEqual([field, undefined]);
    const shown = JSON.stringify(body);
    for (const secret of [receipt.idNumber, '0912345678', 'mai.tran@example.vn', 'Trần Thị Mai', `${desk}.receiver.1`]) expect(shown).not.toContain(secret);
  });

  it('shows the applicant with their citizen token the same view, another citizen nothing, and an officer the officer’s view', async () => {
    const receipt = await receive();
    const applicant = await auth.token({ subject: receipt.idNumber, kind: 'citizen', roles: [] });
    const mine = await lookUp(receipt.code, { client: '192.0.2.2', token: applicant });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual((await lookUp(receipt.code, { client: '192.0.2.2', secret: receipt.lookupSecret })).body);

    const stranger = await auth.token({ subject: '001190099999', kind: 'citizen', roles: [] });
    expect((await lookUp(receipt.code, { client: '192.0.2.2', token: stranger })).body).toMatchObject({ status: 404, code: 'DOSSIER.NOT_FOUND' });

    const officer = await lookUp(receipt.code, { client: '192.0.2.2', token: receiver });
    expect(officer.status).toBe(200);
    expect(officer.body).toMatchObject({
      code: receipt.code,
      coordinatorId: `${desk}.receiver.1`,
      receivingAgencyCode: desk,
      nationalStatusKey: 'Accepted',
      nationalStatusName: 'Đã tiếp nhận',
    });
    expect(officer.body.applicant).toMatchObject({ idNumber: receipt.idNumber });
    // an officer's token of the desk that gives no role reads nothing
    const roleless = await auth.token({ subject: `${desk}.receiver.1`, roles: [], agencies: [desk] });
    expect((await lookUp(receipt.code, { client: '192.0.2.2', token: roleless })).body).toMatchObject({ status: 404, code: 'DOSSIER.NOT_FOUND' });
  });

  it('tells what is missing and why while a supplement is awaited, with the agency by name and no step’s name', async () => {
    const receipt = await receive();
    const step = 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch';
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    await publishEvent(
      suite.prefix,
      event(TaskCreated, {
        dossierCode: receipt.code,
        nationalStatus: NationalStatus.InProgress,
        sequence: 2,
        occurredAt: at(1),
        taskId: randomUUID(),
        caseId: randomUUID(),
        stepNumber: 1,
        stepName: step,
        agencyCode: desk,
        role: 'specialist',
        processVersion: 1,
      }),
    );
    await publishEvent(
      suite.prefix,
      event(SupplementRequested, {
        dossierCode: receipt.code,
        nationalStatus: NationalStatus.SupplementRequested,
        sequence: 3,
        occurredAt: at(2),
        caseId: randomUUID(),
        stepNumber: 1,
        agencyCode: desk,
        requestedBy: `${desk}.specialist.1`,
        reason: 'Giấy chứng sinh là bản sao không có chứng thực',
        missing: [{ code: 'GCS', name: 'Giấy chứng sinh (bản chính)' }],
        round: 1,
        coordinatorId: `${desk}.receiver.1`,
      }),
    );
    const view = await eventually(async () => {
      const { body } = await lookUp(receipt.code, { client: '192.0.2.3', secret: receipt.lookupSecret });
      return body.nationalStatus === 5 && body.history.length === 3 ? body : undefined;
    }, 'the supplement request to reach the record');
    expect(view).toMatchObject({
      nationalStatusKey: 'SupplementRequested',
      nationalStatusName: 'Yêu cầu bổ sung hồ sơ',
      supplementRequest: {
        round: 1,
        reason: 'Giấy chứng sinh là bản sao không có chứng thực',
        missing: [{ code: 'GCS', name: 'Giấy chứng sinh (bản chính)' }],
        requestedBy: 'Ủy ban nhân dân phường Trúc Bạch',
      },
    });
    expect(view.supplementRequest.requestedAt).toMatch(/\+07:00$/);
    expect(view.history.map((h: any) => [h.nationalStatusName, h.description])).toEqual([
      ['Đã tiếp nhận', 'Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch đã tiếp nhận hồ sơ'],
      ['Đang xử lý', 'Hồ sơ được chuyển đến Ủy ban nhân dân phường Trúc Bạch để giải quyết'],
      ['Yêu cầu bổ sung hồ sơ', 'Yêu cầu bổ sung hồ sơ (lần 1): Giấy chứng sinh là bản sao không có chứng thực'],
    ]);
    const shown = JSON.stringify(view);
    for (const internal of [step, `${desk}.specialist.1`, `${desk}.receiver.1`]) expect(shown).not.toContain(internal);
  });

  it('answers a wrong or missing secret exactly as a dossier that does not exist', async () => {
    const receipt = await receive();
    const missingCode = receipt.code.replace(/-\d{4}$/, '-9999');
    const wrong = await lookUp(receipt.code, { client: '192.0.2.4', secret: 'not-the-secret' });
    const none = await lookUp(receipt.code, { client: '192.0.2.4' });
    const nothing = await lookUp(missingCode, { client: '192.0.2.4', secret: 'not-the-secret' });
    const shape = ({ status, headers, body }: Awaited<ReturnType<typeof lookUp>>, code: string) => ({
      status,
      contentType: headers.get('content-type'),
      body: { ...body, detail: body.detail.replace(code, '<code>'), instance: body.instance.replace(code, '<code>'), correlationId: '<id>' },
    });
    expect(shape(wrong, receipt.code)).toEqual(shape(nothing, missingCode));
    expect(shape(none, receipt.code)).toEqual(shape(nothing, missingCode));
    expect(wrong.body).toMatchObject({ status: 404, code: 'DOSSIER.NOT_FOUND' });
  });

  it('refuses a code no dossier can have (a NUL, megabytes) as bad input on both routes, before and after the limit counts it', async () => {
    for (const code of ['%00abc', `${'A'.repeat(90)}%00`]) {
      for (const attempt of [
        await lookUp(code, { client: '192.0.2.7', secret: 'x' }),
        await lookUp(code, { client: '192.0.2.7' }),
        await supply(code, { client: '192.0.2.7', secret: 'x' }),
      ]) {
        expect(attempt.status).toBe(400);
        expect(attempt.headers.get('content-type')).toContain('application/problem+json');
        expect(attempt.body).toMatchObject({ code: 'REQUEST.INVALID', errors: [expect.objectContaining({ field: 'code' })] });
      }
    }
  });

  it('limits wrong secrets for one dossier from many clients, on every route that takes the secret, without locking out the citizen’s token', async () => {
    const receipt = await receive();
    const before = await limitedCount(suite.url('intake'), 'dossier');
    // attempts on reading and on supplying count together: each from another client, so only the dossier's limit is met
    for (let i = 1; i <= PER_DOSSIER; i += 1) {
      const attempt =
        i % 2
          ? await lookUp(receipt.code, { client: `198.51.100.${i}`, secret: `guess-${i}` })
          : await supply(receipt.code, { client: `198.51.100.${i}`, secret: `guess-${i}` });
      expect([i, attempt.status]).toEqual([i, 404]);
    }
    const limited = await lookUp(receipt.code, { client: '198.51.100.99', secret: 'guess-99' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(300);
    expect(limited.body).toMatchObject({
      status: 429,
      code: 'LOOKUP.TOO_MANY_ATTEMPTS',
      title: 'Quá nhiều lần thử tra cứu hồ sơ',
      errors: [expect.objectContaining({ field: 'code' })],
    });
    expect((await supply(receipt.code, { client: '198.51.100.98', secret: 'guess-98' })).status).toBe(429);
    // while the dossier is blocked, even the right secret is refused: a block never confirms a guess
    expect((await lookUp(receipt.code, { client: '198.51.100.97', secret: receipt.lookupSecret })).status).toBe(429);
    // the applicant signed in with their citizen token is not guessing, and is not limited
    const applicant = await auth.token({ subject: receipt.idNumber, kind: 'citizen', roles: [] });
    expect((await lookUp(receipt.code, { client: '198.51.100.97', token: applicant })).status).toBe(200);
    // neither is the desk
    expect((await lookUp(receipt.code, { client: '198.51.100.97', token: receiver })).status).toBe(200);
    expect(await limitedCount(suite.url('intake'), 'dossier')).toBe(before + 3);
  });

  it('limits one client walking many dossiers’ codes, and only that client', async () => {
    const receipt = await receive();
    const before = await limitedCount(suite.url('intake'), 'client');
    for (let i = 1; i <= PER_CLIENT; i += 1) {
      const code = receipt.code.replace(/-\d{4}$/, `-${String(9000 + i)}`);
      expect([i, (await lookUp(code, { client: '203.0.113.7', secret: 'guess' })).status]).toEqual([i, 404]);
    }
    const limited = await lookUp(receipt.code, { client: '203.0.113.7', secret: receipt.lookupSecret });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ code: 'LOOKUP.TOO_MANY_ATTEMPTS', errors: [expect.objectContaining({ field: 'X-Lookup-Secret' })] });
    // another client (as the gateway reports it) is not limited by that one
    expect((await lookUp(receipt.code, { client: '203.0.113.8', secret: receipt.lookupSecret })).status).toBe(200);
    expect(await limitedCount(suite.url('intake'), 'client')).toBe(before + 1);
  });

  it('shares the limit between two intake processes on one database', async () => {
    const receipt = await receive();
    const replica = await suite.startReplica('intake');
    const urls = [suite.url('intake'), replica.url];
    // alternating between the replicas: with a counter per process, each would allow the limit on its own
    for (let i = 1; i <= PER_DOSSIER; i += 1) {
      expect([i, (await lookUp(receipt.code, { client: `198.51.100.${100 + i}`, secret: 'guess', url: urls[i % 2] })).status]).toEqual([i, 404]);
    }
    for (const url of urls) expect((await lookUp(receipt.code, { client: '198.51.100.200', secret: 'guess', url })).status).toBe(429);
    expect(await limitedCount(replica.url, 'dossier')).toBe(1);
  }, 90_000);
});
