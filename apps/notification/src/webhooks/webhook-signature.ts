import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a webhook delivery is signed, and how a receiver checks it (docs/webhooks.md). Self-contained (only
 * node:crypto) so that a receiver can copy this file as it is.
 *
 * The signed text is `<timestamp>.<body>`: the timestamp (unix seconds, the X-MotCua-Timestamp header) is signed
 * with the body, so an old delivery replayed later fails the tolerance check and cannot be re-dated.
 */
export const SIGNATURE_PREFIX = 'sha256=';

/** The X-MotCua-Signature header's value: `sha256=` and the hex HMAC-SHA256, keyed with the secret, of `timestamp.body`. */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * Whether a delivery is genuine and fresh: the signature header is the one `signWebhook` gives for this secret,
 * timestamp and raw body (compared in constant time, so timing tells an attacker nothing about the right value), and
 * the timestamp is within `toleranceSeconds` of `now`, either way (clocks drift). Verify the raw body as received,
 * before parsing it: re-serialised JSON is not the same bytes.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | string[] | undefined | null,
  timestamp: string | number | string[] | undefined | null,
  body: string,
  toleranceSeconds = 300,
  now: Date = new Date(),
): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/.test(header)) return false;
  const stamp = typeof timestamp === 'number' ? String(timestamp) : timestamp;
  if (typeof stamp !== 'string' || !/^\d{1,12}$/.test(stamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(stamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, stamp, body), 'utf8');
  const given = Buffer.from(header, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
