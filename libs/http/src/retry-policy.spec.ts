import { nextAttemptDelay } from './retry-policy';

const policy = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 5 };

describe('nextAttemptDelay', () => {
  it('draws up to an exponential ceiling (full jitter)', () => {
    expect(nextAttemptDelay(policy, 1, () => 1)).toBe(1_000);
    expect(nextAttemptDelay(policy, 2, () => 1)).toBe(2_000);
    expect(nextAttemptDelay(policy, 4, () => 1)).toBe(8_000);
    expect(nextAttemptDelay(policy, 3, () => 0.5)).toBe(2_000);
    expect(nextAttemptDelay(policy, 3, () => 0)).toBe(0);
  });

  it('never waits longer than the maximum', () => {
    expect(nextAttemptDelay({ ...policy, maxAttempts: 50 }, 30, () => 1)).toBe(60_000);
  });

  it('gives up when the attempts are spent', () => {
    expect(nextAttemptDelay(policy, 4, () => 1)).not.toBeNull();
    expect(nextAttemptDelay(policy, 5, () => 1)).toBeNull();
  });

  it("takes a provider's Retry-After as a floor", () => {
    expect(nextAttemptDelay(policy, 1, () => 0.1, 30_000)).toBe(30_000);
    expect(nextAttemptDelay(policy, 1, () => 1, 10)).toBe(1_000);
  });
});
