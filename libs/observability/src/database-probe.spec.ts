import { DatabaseProbe } from './database-probe';

/** A stand-in for pg's Client: connects and answers as the test says, counting what it is asked. */
class FakeClient {
  static created = 0;
  static pings = 0;
  static behaviour: 'ok' | 'refuse' | 'hang' = 'ok';
  ended = false;
  constructor() {
    FakeClient.created += 1;
  }
  on() {
    return this;
  }
  connect(): Promise<void> {
    if (FakeClient.behaviour === 'refuse') return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' }));
    if (FakeClient.behaviour === 'hang') return new Promise(() => undefined);
    return Promise.resolve();
  }
  query(): Promise<unknown> {
    FakeClient.pings += 1;
    return FakeClient.behaviour === 'hang' ? new Promise(() => undefined) : Promise.resolve({ rows: [{ '?column?': 1 }] });
  }
  end(): Promise<void> {
    this.ended = true;
    return Promise.resolve();
  }
}

describe('readiness’s database probe', () => {
  let clock = 0;
  const probe = () =>
    new DatabaseProbe(
      () => new FakeClient() as never,
      { timeoutMs: 100, freshForMs: 1000 },
      () => clock,
    );

  beforeEach(() => {
    FakeClient.created = 0;
    FakeClient.pings = 0;
    FakeClient.behaviour = 'ok';
    clock = 0;
  });

  it('answers a storm of probes with one ping, on one connection it keeps', async () => {
    const p = probe();
    const answers = await Promise.all(Array.from({ length: 200 }, () => p.check()));
    expect(answers.every((a) => a.up)).toBe(true);
    expect(FakeClient.pings).toBe(1);
    await p.check();
    expect(FakeClient.pings).toBe(1); // still fresh
    clock += 1000;
    await p.check();
    expect(FakeClient.pings).toBe(2);
    expect(FakeClient.created).toBe(1);
  });

  it('says down, naming the failure but not the address, when the database refuses, and connects again once it is back', async () => {
    const p = probe();
    FakeClient.behaviour = 'refuse';
    const down = await p.check();
    expect(down).toEqual({ up: false, details: { message: 'ECONNREFUSED' } });
    expect(JSON.stringify(down)).not.toContain('10.0.0.7');
    FakeClient.behaviour = 'ok';
    expect((await p.check()).up).toBe(false); // the answer holds for a moment
    clock += 1000;
    expect((await p.check()).up).toBe(true);
    expect(FakeClient.created).toBe(2);
  });

  it('says down within its timeout when the database does not answer, and drops that connection', async () => {
    const p = probe();
    FakeClient.behaviour = 'hang';
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 50 }, () => p.check()));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answers.every((a) => !a.up && a.details.message === 'no answer within 100 ms')).toBe(true);
    FakeClient.behaviour = 'ok';
    clock += 1000;
    expect((await p.check()).up).toBe(true);
    expect(FakeClient.created).toBe(2);
  });
});
