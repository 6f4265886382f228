import { GATEWAY_CODES, outcomeOf, retryAfterOf } from './sms-gateway.protocol';

const NOW = Date.parse('2026-12-07T02:00:00Z');
const reply = (status: number, body: object | string, retryAfter: string | null = null) => ({
  status,
  retryAfter,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe("outcomeOf: what the gateway's answer means for the message", () => {
  it('takes 00 as accepted, with the gateway message id and what it said', () => {
    const outcome = outcomeOf(reply(200, { code: '00', message: 'accepted', messageId: 'GW-1', segments: 2 }), NOW);
    expect(outcome).toEqual({
      kind: 'accepted',
      providerMessageId: 'GW-1',
      response: 'HTTP 200 {"code":"00","message":"accepted","messageId":"GW-1","segments":2}',
    });
  });

  it('takes 01 (the request id seen before) as accepted, a duplicate, with the first message id', () => {
    expect(outcomeOf(reply(200, { code: '01', message: 'duplicate requestId', messageId: 'GW-1' }), NOW)).toMatchObject({
      kind: 'accepted',
      providerMessageId: 'GW-1',
      duplicate: true,
    });
  });

  it('accepts without a message id when the gateway gives none', () => {
    expect(outcomeOf(reply(200, { code: '00' }), NOW)).toMatchObject({ kind: 'accepted', providerMessageId: undefined });
  });

  it.each([
    ['20', 400, 'invalid phone number'],
    ['21', 422, 'phone number blocked'],
    ['22', 422, 'content refused'],
    ['23', 400, 'malformed request'],
  ])('fails the message at once on %s (HTTP %i): %s', (code, status, meaning) => {
    const outcome = outcomeOf(reply(status, { code, message: 'as the gateway says it' }), NOW);
    expect(outcome.kind).toBe('permanent');
    expect(outcome.kind !== 'accepted' && outcome.error).toContain(`${meaning}`);
    expect(outcome.kind !== 'accepted' && outcome.error).toContain(`code ${code}: as the gateway says it`);
  });

  it('decides by the code whatever the status says', () => {
    expect(outcomeOf(reply(200, { code: '20' }), NOW).kind).toBe('permanent');
    expect(outcomeOf(reply(400, { code: '99' }), NOW).kind).toBe('transient');
  });

  it.each([
    ['10', 401],
    ['11', 403],
  ])('retries when the gateway refuses our account (%s, HTTP %i): every message would fail alike, the circuit holds them', (code, status) => {
    expect(outcomeOf(reply(status, { code }), NOW).kind).toBe('transient');
  });

  it('retries a throttle (429 or code 30) no sooner than Retry-After says', () => {
    expect(outcomeOf(reply(429, { code: '30', message: 'too many requests' }, '7'), NOW)).toMatchObject({ kind: 'transient', retryAfterMs: 7_000 });
    expect(outcomeOf(reply(429, 'Too Many Requests', 'Mon, 07 Dec 2026 02:00:30 GMT'), NOW)).toMatchObject({ kind: 'transient', retryAfterMs: 30_000 });
    expect(outcomeOf(reply(200, { code: '30' }, '2'), NOW)).toMatchObject({ kind: 'transient', retryAfterMs: 2_000 });
    expect(outcomeOf(reply(429, { code: '30' }), NOW)).toEqual({ kind: 'transient', error: expect.stringContaining('too many requests') });
  });

  it('retries a gateway in trouble (5xx, with or without a body) and a request timeout (408)', () => {
    expect(outcomeOf(reply(503, { code: '99', message: 'maintenance' }), NOW)).toMatchObject({
      kind: 'transient',
      error: expect.stringContaining('maintenance'),
    });
    expect(outcomeOf(reply(502, '<html>Bad Gateway</html>'), NOW)).toEqual({ kind: 'transient', error: 'HTTP 502 <html>Bad Gateway</html>' });
    expect(outcomeOf(reply(500, ''), NOW)).toEqual({ kind: 'transient', error: 'HTTP 500' });
    expect(outcomeOf(reply(408, ''), NOW).kind).toBe('transient');
  });

  it('fails a request refused for a reason the protocol does not name (another 4xx): the same request would be refused again', () => {
    expect(outcomeOf(reply(404, 'Not Found'), NOW)).toEqual({ kind: 'permanent', error: 'HTTP 404 Not Found' });
    expect(outcomeOf(reply(400, { code: '77', message: 'new rule' }), NOW).kind).toBe('permanent');
  });

  it('retries a 2xx it cannot read: under the same request id the gateway answers 01 if it took it', () => {
    expect(outcomeOf(reply(200, 'OK'), NOW)).toEqual({ kind: 'transient', error: 'unexpected answer: HTTP 200 OK' });
    expect(outcomeOf(reply(200, { code: '77' }), NOW).kind).toBe('transient');
    expect(outcomeOf(reply(200, { code: 0 }), NOW).kind).toBe('transient');
    expect(outcomeOf(reply(200, '["00"]'), NOW).kind).toBe('transient');
  });

  it('does not take an inherited property for a code', () => {
    expect(outcomeOf(reply(200, { code: 'constructor' }), NOW).kind).toBe('transient');
  });

  it('keeps at most 300 characters of what the gateway said', () => {
    const outcome = outcomeOf(reply(503, 'x'.repeat(10_000)), NOW);
    expect(outcome.kind !== 'accepted' && outcome.error.length).toBeLessThanOrEqual(320);
  });

  it('names the codes of the protocol, each with its meaning', () => {
    expect(Object.keys(GATEWAY_CODES).sort()).toEqual(['00', '01', '10', '11', '20', '21', '22', '23', '30', '99']);
    expect(Object.values(GATEWAY_CODES).every(({ meaning }) => meaning.length > 0)).toBe(true);
  });
});

describe('retryAfterOf', () => {
  it('reads seconds and HTTP dates, never a negative wait', () => {
    expect(retryAfterOf('0', NOW)).toBe(0);
    expect(retryAfterOf(' 120 ', NOW)).toBe(120_000);
    expect(retryAfterOf('Mon, 07 Dec 2026 02:01:00 GMT', NOW)).toBe(60_000);
    expect(retryAfterOf('Mon, 07 Dec 2026 01:00:00 GMT', NOW)).toBe(0);
  });

  it('gives nothing for a header absent or unreadable', () => {
    expect(retryAfterOf(null, NOW)).toBeUndefined();
    expect(retryAfterOf('', NOW)).toBeUndefined();
    expect(retryAfterOf('soon', NOW)).toBeUndefined();
    expect(retryAfterOf('-5', NOW)).toBeUndefined();
  });
});
