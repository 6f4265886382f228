import { Role } from '@motcua/auth';
import { TcpProxy, aSubmission, eventually, useSuite } from '@motcua/testing';

// The project-level testTimeout is not applied by jest 30 (it is a global option): these start processes and cut them off.
jest.setTimeout(180_000);

/**
 * Faults as clients see them: intake's database or broker out of reach (through TCP proxies: the shared servers
 * are never stopped). While the database is away every request is answered, within seconds, 503 with `Retry-After`
 * and a problem body that says nothing of the fault, and readiness says so within about a second however many
 * requests wait; once it is back, requests succeed and nothing was half-written. While the broker is away, receipts
 * are still taken (the outbox keeps their events) and readiness names the broker.
 */
describe('intake while its database or its broker is out of reach', () => {
  const desk = '013.01.20.H26'; // Ủy ban nhân dân phường Quán Thánh (seed code)
  const running = useSuite('outage', ['intake', 'workflow']);
  const { suite } = running;
  const db = running.db('intake');
  const postgres = new TcpProxy();
  const broker = new TcpProxy();
  let receiver: string;
  let people = 0;

  beforeAll(async () => {
    // Workflow filled intake's catalogue replica (intake is ready only then); no part of this test needs it again.
    await suite.crash('workflow');
    const database = new URL(suite.services.intake.database.url);
    const amqp = new URL(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
    database.port = String(await postgres.start(database.hostname, Number(database.port || 5432)));
    const brokerPort = await broker.start(amqp.hostname, Number(amqp.port || 5672));
    amqp.port = String(brokerPort);
    // The same intake, on the same database and topology, reaching both through the proxies.
    await suite.crash('intake');
    await suite.restart('intake', { env: { DATABASE_URL: database.toString(), AMQP_URL: amqp.toString() } });
    receiver = await running.anOfficer(desk, Role.Receiver);
  }, 120_000);

  afterEach(() => {
    postgres.restore();
    broker.restore();
  });

  afterAll(async () => {
    await postgres.close();
    await broker.close();
  });

  const url = (path: string) => `${suite.url('intake')}${path}`;

  /** A receipt at the desk, timed: its status, headers, body. */
  async function receive() {
    people += 1;
    const started = Date.now();
    const response = await fetch(url('/api/v1/dossiers'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${receiver}` },
      body: JSON.stringify(aSubmission({ desk, wardCode: '00013', fullName: `Phạm Minh Đức ${people}` })),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown>, ms: Date.now() - started };
  }

  async function get(path: string, headers: Record<string, string> = {}) {
    const started = Date.now();
    const response = await fetch(url(path), { headers });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown>, ms: Date.now() - started };
  }

  const ready = () => get('/health/ready');

  /**
   * A 503 as every client should get one while the database is away: `SERVICE.UNAVAILABLE`, or, for a request that
   * waited its turn at the front door past its bound behind those waiting for the database, `SERVICE.OVERLOADED`.
   */
  function expectUnavailable(
    answer: { status: number; headers: Headers; body: Record<string, unknown>; ms: number },
    withinMs: number,
    codes: readonly string[] = ['SERVICE.UNAVAILABLE'],
  ) {
    expect(answer.status).toBe(503);
    expect(codes).toContain(answer.body.code);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(answer.body).toMatchObject({ status: 503, title: expect.any(String), type: expect.stringMatching(/service-(unavailable|overloaded)$/) });
    // nothing of the fault itself (the correlation id is a random UUID: it may well hold a 5432)
    const { correlationId: _correlationId, ...told } = answer.body;
    expect(JSON.stringify(told)).not.toMatch(/ECONN|terminated|timeout exceeded|postgres|127\.0\.0\.1|5432|QueryFailed|SELECT|INSERT/i);
    expect(answer.ms).toBeLessThan(withinMs);
  }

  async function counts() {
    const { rows } = await db.query<{ dossiers: string; counter: number | null; events: string }>(
      `SELECT (SELECT count(*) FROM dossier) AS dossiers,
              (SELECT last_number FROM dossier_code_counter WHERE agency_code = $1) AS counter,
              (SELECT count(*) FROM outbox_message WHERE type = 'intake.dossier.accepted') AS events`,
      [desk],
    );
    return { dossiers: Number(rows[0].dossiers), counter: rows[0].counter ?? 0, events: Number(rows[0].events) };
  }

  it('answers 503 with Retry-After within seconds while the database refuses, then serves again with nothing half-written', async () => {
    const first = await receive();
    expect(first.status).toBe(201);
    const { code, lookupSecret } = first.body as { code: string; lookupSecret: string };
    expect((await ready()).status).toBe(200);
    const before = await counts();

    postgres.cut();
    expectUnavailable(await receive(), 3_000);
    expectUnavailable(await get(`/api/v1/dossiers/${code}`, { authorization: `Bearer ${receiver}` }), 3_000);
    // the citizen's lookup counts attempts in the database: no 500 from its guard either
    expectUnavailable(await get(`/api/v1/dossiers/${code}`, { 'x-lookup-secret': lookupSecret }), 3_000);
    const probe = await eventually(async () => {
      const answer = await ready();
      return answer.status === 503 ? answer : undefined;
    }, 'readiness to report the database down');
    expect(probe.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    expect(probe.ms).toBeLessThan(2_000);

    postgres.restore();
    await eventually(async () => (await ready()).status === 200, 'readiness once the database is back', 30_000);
    // the pool tries the database again half a second after its last failed connection at most
    await eventually(async () => (await receive()).status === 201, 'a receipt once the database is back', 10_000);
    expect((await get(`/api/v1/dossiers/${code}`, { authorization: `Bearer ${receiver}` })).status).toBe(200);
    // every receipt is whole (its dossier, its number, its event) or absent: the refused ones left nothing
    expect(await counts()).toEqual({ dossiers: before.dossiers + 1, counter: before.counter + 1, events: before.events + 1 });
  });

  it('answers within seconds, not when TCP gives up, while the database takes connections and never answers; readiness within 2 s under 200 requests', async () => {
    await eventually(async () => (await receive()).status === 201, 'a receipt', 10_000);
    const before = await counts();

    postgres.hang();
    const started = Date.now();
    const storm = Array.from({ length: 200 }, () => receive());
    // the requests the front door lets in (HTTP_MAX_IN_FLIGHT, 16) each hold a connection waiting for an answer
    // that never comes; the rest of the 200 wait their turn at the door
    await eventually(() => postgres.openConnections >= 16, 'the pool to be taken by the waiting requests', 30_000);
    // readiness notices (its last answer holds for a second), and still answers quickly: it neither queues behind
    // the waiting requests nor waits for the database
    await eventually(async () => (await ready()).status === 503, 'readiness to report the database down', 10_000);
    for (let i = 0; i < 5; i++) {
      const probe = await ready();
      expect(probe.status).toBe(503);
      expect(probe.body).toMatchObject({ error: { database: { status: 'down' } } });
      expect(probe.ms).toBeLessThan(2_000);
    }
    const answers = await Promise.all(storm);
    // a client waits about one connection timeout (2 s), not its turn in the queue (10 s), nor as long as TCP does
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(503));
    for (const answer of answers) expectUnavailable(answer, 7_000, ['SERVICE.UNAVAILABLE', 'SERVICE.OVERLOADED']);
    // those let in heard of the database itself
    expect(answers.filter((a) => a.body.code === 'SERVICE.UNAVAILABLE').length).toBeGreaterThanOrEqual(16);
    expect(Date.now() - started).toBeLessThan(9_000);

    postgres.restore();
    await eventually(async () => (await ready()).status === 200, 'readiness once the database answers again', 30_000);
    await eventually(async () => (await receive()).status === 201, 'a receipt once the database answers again', 10_000);
    expect(await counts()).toEqual({ dossiers: before.dossiers + 1, counter: before.counter + 1, events: before.events + 1 });
  });

  it('keeps taking receipts while the broker is away (the outbox holds their events), readiness naming the broker, and sends them once it is back', async () => {
    await eventually(async () => (await ready()).status === 200, 'intake ready', 30_000);
    await eventually(async () => (await receive()).status === 201, 'a receipt', 10_000);
    broker.cut();
    const down = await eventually(async () => {
      const answer = await ready();
      return answer.status === 503 ? answer : undefined;
    }, 'readiness to report the broker down');
    expect(down.body).toMatchObject({ error: { broker: { status: 'down', connected: false } }, info: { database: { status: 'up' } } });
    expect(down.ms).toBeLessThan(2_000);

    const receipts = await Promise.all(Array.from({ length: 5 }, () => receive()));
    expect(receipts.map((r) => r.status)).toEqual(Array(5).fill(201));
    const codes = receipts.map((r) => (r.body as { code: string }).code);
    const unsent = async () =>
      Number(
        (
          await db.query<{ n: string }>(
            `SELECT count(*) AS n FROM outbox_message WHERE sent_at IS NULL AND type = 'intake.dossier.accepted' AND payload->>'dossierCode' = ANY($1)`,
            [codes],
          )
        ).rows[0].n,
      );
    expect(await unsent()).toBe(5);

    broker.restore();
    await eventually(async () => (await ready()).status === 200, 'readiness once the broker is back', 60_000);
    await eventually(async () => (await unsent()) === 0, 'the receipts’ events sent', 60_000);
  });
});
