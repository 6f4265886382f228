import { isSignedBy, signatureOf } from './signature';

const SECRET = 'a-secret-of-sixteen-or-more';
const body = Buffer.from('{"requestId":"0193b1f4-5c6e-7a8b-9c0d-1e2f3a4b5c6d","messageId":"GW-1","status":"DELIVERED","at":"2026-12-07T02:00:05Z"}');

describe('the signature of a call from an outside party', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    expect(signatureOf('key', 'The quick brown fox jumps over the lazy dog')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('holds for exactly the bytes signed', () => {
    expect(isSignedBy(SECRET, body, signatureOf(SECRET, body))).toBe(true);
    expect(isSignedBy(SECRET, body, signatureOf(SECRET, body).toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
    // the same JSON re-encoded is other bytes
    const reencoded = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(isSignedBy(SECRET, reencoded, signatureOf(SECRET, body))).toBe(false);
  });

  it('fails with another secret, a missing or malformed header, or no body', () => {
    expect(isSignedBy(SECRET, body, signatureOf('another-secret-entirely', body))).toBe(false);
    expect(isSignedBy(SECRET, body, undefined)).toBe(false);
    expect(isSignedBy(SECRET, body, '')).toBe(false);
    expect(isSignedBy(SECRET, body, signatureOf(SECRET, body).slice(7))).toBe(false);
    expect(isSignedBy(SECRET, undefined, signatureOf(SECRET, ''))).toBe(false);
  });
});
