import { outcomeOfNetworkError, outcomeOfResponse, retryAfterDelay } from './webhook-response';

describe("a receiver's answer", () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it('2xx: accepted, with what it said', () => {
    expect(outcomeOfResponse(200, null, 'ok', now)).toEqual({ kind: 'accepted', response: 'HTTP 200: ok' });
    expect(outcomeOfResponse(204, null, '', now)).toEqual({ kind: 'accepted', response: 'HTTP 204' });
  });

  it('5xx and 429: transient, honouring Retry-After', () => {
    expect(outcomeOfResponse(500, null, 'boom', now)).toEqual({ kind: 'transient', error: 'HTTP 500: boom', recipientOnly: true });
    expect(outcomeOfResponse(503, '120', '', now)).toEqual({ kind: 'transient', error: 'HTTP 503', retryAfterMs: 120_000, recipientOnly: true });
    expect(outcomeOfResponse(429, 'Mon, 07 Dec 2026 10:00:30 GMT', '', now)).toEqual({
      kind: 'transient',
      error: 'HTTP 429',
      retryAfterMs: 30_000,
      recipientOnly: true,
    });
  });

  it('410 Gone: permanent, saying so', () => {
    expect(outcomeOfResponse(410, null, '', now)).toEqual({ kind: 'permanent', error: 'HTTP 410 (the receiver says the endpoint is gone)' });
  });

  it('any other 4xx, and a redirect: permanent with the status', () => {
    for (const status of [400, 401, 403, 404, 413, 422])
      expect(outcomeOfResponse(status, '10', 'no', now)).toEqual({ kind: 'permanent', error: `HTTP ${status}: no` });
    expect(outcomeOfResponse(301, null, '', now)).toEqual({ kind: 'permanent', error: 'HTTP 301' });
  });

  it('keeps only the start of a long answer', () => {
    const outcome = outcomeOfResponse(500, null, 'x'.repeat(10_000), now);
    expect(outcome.kind === 'transient' && outcome.error.length).toBe('HTTP 500: '.length + 300);
  });

  it('no answer at all (refused, timed out): transient', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(outcomeOfNetworkError(refused)).toEqual({ kind: 'transient', error: 'no answer: ECONNREFUSED', recipientOnly: true });
    expect(outcomeOfNetworkError(new DOMException('The operation timed out.', 'TimeoutError'))).toEqual({
      kind: 'transient',
      error: 'no answer: timed out',
      recipientOnly: true,
    });
  });

  it('reads Retry-After as seconds or a date, never as a negative wait', () => {
    expect(retryAfterDelay(null, now)).toBeUndefined();
    expect(retryAfterDelay('soon', now)).toBeUndefined();
    expect(retryAfterDelay(' 5 ', now)).toBe(5000);
    expect(retryAfterDelay('Mon, 07 Dec 2026 09:00:00 GMT', now)).toBe(0);
  });
});
