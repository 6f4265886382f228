import { Role } from '@motcua/auth';
import { type MotcuaClient, type ProblemDetails, createMotcuaClient, intakeClient, isProblem, newIdempotencyKey } from '@motcua/client';
import { eventually, useSuite } from '@motcua/testing';

/**
 * The typed client's README (libs/client/README.md), walked against the running suite: each example's code is here
 * as the README shows it, so a change of API that breaks a frontend breaks this test first.
 */
describe('the typed client, as its README shows it', () => {
  const ward = '004.01.20.H26'; // Ủy ban nhân dân phường Trúc Bạch (seed code)
  const fixture = useSuite('client');
  const { suite } = fixture;
  // as the README's createMotcuaClient, each service at its own URL here rather than behind the gateway
  const clientOf = (token: string): MotcuaClient => createMotcuaClient({ baseUrl: (service) => suite.url(service), token: () => token });
  let receipt: { code: string; lookupSecret: string };

  it('lets a desk receive a dossier, safe to retry with its Idempotency-Key', async () => {
    const motcua = clientOf(await fixture.anOfficer(ward, Role.Receiver));
    // README: a desk receives a dossier
    const key = newIdempotencyKey(); // one per receipt the officer means; the same again on a retry
    const receive = () =>
      motcua.intake.POST('/api/v1/dossiers', {
        params: { header: { 'Idempotency-Key': key } },
        body: {
          procedureCode: '1.001193', // Đăng ký khai sinh
          receivingAgencyCode: '004.01.20.H26', // Ủy ban nhân dân phường Trúc Bạch
          channel: 1,
          applicant: { fullName: 'Nguyễn Thị Lan', idNumber: '001190012345', phone: '0912345678', wardCode: '00004' },
          documents: [
            { code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', copies: 1 },
            { code: 'GCS', name: 'Giấy chứng sinh', copies: 1 },
            { code: 'GTTT', name: 'Căn cước của người đi đăng ký khai sinh (xuất trình)', copies: 1 },
          ],
          returnMethod: 'desk',
        },
      });
    const { data, error, response } = await receive();
    if (error) throw new Error(`${error.code}: ${error.detail ?? error.title}`);
    expect(response.status).toBe(201);
    expect(data.code).toMatch(/^004\.01\.20\.H26-\d{6}-\d{4}$/);
    receipt = { code: data.code, lookupSecret: data.lookupSecret };

    // the answer was lost: the same key again is the same receipt, nothing received twice
    const again = await receive();
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data?.code).toBe(data.code);
  });

  it('shows an officer the queue page by page, and refuses a cursor that was changed', async () => {
    const motcua = clientOf(await fixture.anOfficer(ward, Role.Specialist));
    await eventually(async () => {
      const { data } = await motcua.workflow.GET('/api/v1/tasks', { params: { query: { agency: ward, owner: 'none' } } });
      return data?.items.some((t) => t.dossierCode === receipt.code);
    }, 'the dossier’s task in the queue');
    // README: an officer's queue, page by page (one item a page here, to walk the cursor)
    const queue = [];
    let cursor: string | undefined;
    do {
      const { data: page, error } = await motcua.workflow.GET('/api/v1/tasks', {
        params: { query: { agency: '004.01.20.H26', owner: 'none', limit: 1, cursor } },
      });
      if (error) throw new Error(error.code);
      queue.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(queue.map((t) => t.dossierCode)).toContain(receipt.code);

    const { error } = await motcua.workflow.GET('/api/v1/tasks', { params: { query: { cursor: 'bm90LWEtY3Vyc29y' } } });
    expect(error?.code).toBe('REQUEST.INVALID_CURSOR');
  });

  it('tells the officer who claims too late why, with a 409 code to switch on', async () => {
    const first = clientOf(await fixture.anOfficer(ward, Role.Specialist, 1));
    const second = clientOf(await fixture.anOfficer(ward, Role.Specialist, 2));
    const { data: page } = await first.workflow.GET('/api/v1/tasks', { params: { query: { agency: ward, owner: 'none', limit: 100 } } });
    const task = page!.items.find((t) => t.dossierCode === receipt.code)!;

    const claim = async (motcua: MotcuaClient): Promise<string> => {
      // README: claiming a task, and the 409s
      const { data: claimed, error } = await motcua.workflow.POST('/api/v1/tasks/{id}/claim', {
        params: { path: { id: task.id } },
        body: { version: task.version },
      });
      if (error) {
        switch (error.code) {
          case 'TASK.ALREADY_OWNED': // another officer took it first: drop it from the queue
          case 'TASK.VERSION_CONFLICT': // it changed since the page read it: reload it
          case 'TASK.CLOSED': // it is done
            return `reload (${error.status} ${error.code})`;
          default:
            throw new Error(`${error.status} ${error.code}`);
        }
      }
      return `claimed, version ${claimed.version}`;
    };
    expect(await claim(first)).toBe(`claimed, version ${task.version + 1}`);
    expect(await claim(second)).toMatch(/^reload \(409 TASK\.(ALREADY_OWNED|VERSION_CONFLICT)\)$/);
  });

  it('lets the applicant look the dossier up with the secret on the receipt, and no one without it', async () => {
    const lookUp = async (code: string, secretFromTheReceipt: string) => {
      // README: a citizen looks their dossier up
      const intake = intakeClient({ baseUrl: suite.url('intake') });
      return intake.GET('/api/v1/dossiers/{code}', {
        params: { path: { code }, header: { 'X-Lookup-Secret': secretFromTheReceipt } },
      });
    };
    const { data: dossier, error } = await lookUp(receipt.code, receipt.lookupSecret);
    expect(error).toBeUndefined();
    expect(dossier).toEqual(expect.objectContaining({ code: receipt.code }));

    const wrong = await lookUp(receipt.code, 'AAAAAAAAAAAA');
    expect(wrong.response.status).toBe(404);
    expect(isProblem(wrong.error) && (wrong.error as ProblemDetails).code).toBe('DOSSIER.NOT_FOUND');
  });

  it('sends no token it was not given: a call without one is 401 AUTH.TOKEN_MISSING', async () => {
    const anonymous = createMotcuaClient({ baseUrl: (service) => suite.url(service) });
    const { error, response } = await anonymous.workflow.GET('/api/v1/tasks');
    expect(response.status).toBe(401);
    expect(error?.code).toBe('AUTH.TOKEN_MISSING');
  });
});
