import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How an outside party's calls to us are authenticated when it has no token of ours (the SMS gateway's delivery
 * reports, the carrier's callbacks): `X-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with a shared secret>`.
 */
export const SIGNATURE_HEADER = 'x-signature';

/** The signature header's value for `body`. */
export function signatureOf(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether `header` is the signature of exactly these bytes (compared in constant time). */
export function isSignedBy(secret: string, body: Buffer | undefined, header: string | undefined): boolean {
  if (body === undefined || header === undefined) return false;
  const expected = Buffer.from(signatureOf(secret, body));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
