import { RateLimit } from './rate-limit';

describe('RateLimit', () => {
  it("allows a second's worth at once, then refills at the rate", () => {
    const limit = new RateLimit(100);
    expect(limit.available(0)).toBe(100);
    limit.spend(100);
    expect(limit.available(0)).toBe(0);
    expect(limit.available(100)).toBe(10);
    expect(limit.available(1_000)).toBe(100);
  });

  it('never holds more than one second of tokens', () => {
    const limit = new RateLimit(50);
    expect(limit.available(0)).toBe(50);
    expect(limit.available(60_000)).toBe(50);
  });

  it('keeps the average at the rate over a long run', () => {
    const limit = new RateLimit(200);
    let sent = 0;
    for (let now = 0; now <= 10_000; now += 7) {
      const n = limit.available(now);
      limit.spend(n);
      sent += n;
    }
    expect(sent).toBeGreaterThanOrEqual(2_000);
    expect(sent).toBeLessThanOrEqual(2_200); // 10 s at 200/s, plus the first second's burst
  });
});
