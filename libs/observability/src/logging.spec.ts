import { accessLogLevel } from './logging';

describe('accessLogLevel', () => {
  const policy = { sample: 0.1, slowMs: 1000 };

  it('logs every failure, whatever the sample', () => {
    expect(accessLogLevel(500, 3, { ...policy, sample: 0 }, () => 0.99)).toBe('error');
    expect(accessLogLevel(404, 3, { ...policy, sample: 0 }, () => 0.99)).toBe('warn');
    expect(accessLogLevel(422, 3, { ...policy, sample: 0 }, () => 0.99)).toBe('warn');
  });

  it('samples the 503s (shed or outage), at warn', () => {
    expect(accessLogLevel(503, 1000, policy, () => 0.05)).toBe('warn');
    expect(accessLogLevel(503, 1000, policy, () => 0.5)).toBeNull();
    expect(accessLogLevel(503, 5000, { ...policy, sample: 0 }, () => 0)).toBeNull();
  });

  it('logs a slow success, and a sampled share of the others', () => {
    expect(accessLogLevel(201, 1500, policy, () => 0.99)).toBe('info');
    expect(accessLogLevel(201, 20, policy, () => 0.05)).toBe('info');
    expect(accessLogLevel(201, 20, policy, () => 0.5)).toBeNull();
  });

  it('logs every request with a sample of 1 and none of the successes with 0', () => {
    expect(accessLogLevel(200, 1, { ...policy, sample: 1 }, () => 0.999999)).toBe('info');
    expect(accessLogLevel(200, 1, { ...policy, sample: 0 }, () => 0)).toBeNull();
  });
});
