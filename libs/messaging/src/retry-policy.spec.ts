import { attemptOf, decideAfterFailure, parseRetryDelays } from './retry-policy';

describe('retry policy', () => {
  const delays = [1000, 5000, 30000];

  it('sends attempt n to tier n with that tier’s delay', () => {
    expect(decideAfterFailure(1, 4, delays)).toEqual({ action: 'retry', tier: 1, delayMs: 1000, nextAttempt: 2 });
    expect(decideAfterFailure(2, 4, delays)).toEqual({ action: 'retry', tier: 2, delayMs: 5000, nextAttempt: 3 });
    expect(decideAfterFailure(3, 4, delays)).toEqual({ action: 'retry', tier: 3, delayMs: 30000, nextAttempt: 4 });
  });

  it('parks the message after the last allowed attempt', () => {
    expect(decideAfterFailure(4, 4, delays)).toEqual({ action: 'park' });
    expect(decideAfterFailure(9, 4, delays)).toEqual({ action: 'park' });
  });

  it('reuses the last tier when more retries are allowed than there are tiers', () => {
    expect(decideAfterFailure(5, 8, delays)).toEqual({ action: 'retry', tier: 3, delayMs: 30000, nextAttempt: 6 });
  });

  it('parks at once when retries are switched off', () => {
    expect(decideAfterFailure(1, 1, delays)).toEqual({ action: 'park' });
    expect(decideAfterFailure(1, 4, [])).toEqual({ action: 'park' });
  });

  it('treats a missing or nonsense attempt as the first', () => {
    expect(decideAfterFailure(0, 4, delays)).toMatchObject({ tier: 1, nextAttempt: 2 });
    expect(attemptOf(undefined)).toBe(1);
    expect(attemptOf({ 'x-attempt': 3 })).toBe(3);
    expect(attemptOf({ 'x-attempt': '2' })).toBe(2);
    expect(attemptOf({ 'x-attempt': 'x' })).toBe(1);
  });

  it('parses the delay list and names a bad entry', () => {
    expect(parseRetryDelays('1000, 5000,30000')).toEqual([1000, 5000, 30000]);
    expect(parseRetryDelays('')).toEqual([]);
    expect(() => parseRetryDelays('1000,soon')).toThrow(/"soon"/);
    expect(() => parseRetryDelays('0')).toThrow(RangeError);
  });
});
