import type { SendOutcome } from '../delivery/channel-sender';

/** How much of a receiver's answer is kept with the attempt (and shown as a subscription's last error). */
const RESPONSE_KEPT = 300;

/**
 * What a receiver's HTTP answer means for the delivery. 2xx: accepted (the receiver dedupes by X-MotCua-Delivery,
 * so a second copy after a lost answer is harmless). 429 and 5xx: transient, retried, not before a Retry-After it
 * gave. 3xx: permanent (a signed POST is not followed elsewhere: the subscription's URL is the one an administrator
 * checked). 410 Gone: permanent, the receiver says the endpoint is gone for good. Any other 4xx: permanent, the
 * receiver refuses this request as it is and would refuse it again.
 */
export function outcomeOfResponse(status: number, retryAfter: string | null, body: string, now: Date): SendOutcome {
  const said = `HTTP ${status}${body ? `: ${body.slice(0, RESPONSE_KEPT)}` : ''}`;
  if (status >= 200 && status < 300) return { kind: 'accepted', response: said };
  if (status === 429 || status >= 500) {
    const retryAfterMs = retryAfterDelay(retryAfter, now);
    // each receiver is its own party: its failures are its own, not the channel's (see SendOutcome's recipientOnly)
    return retryAfterMs === undefined
      ? { kind: 'transient', error: said, recipientOnly: true }
      : { kind: 'transient', error: said, retryAfterMs, recipientOnly: true };
  }
  if (status === 410) return { kind: 'permanent', error: `${said} (the receiver says the endpoint is gone)` };
  return { kind: 'permanent', error: said };
}

/** A Retry-After header (delay-seconds or an HTTP-date) as milliseconds from `now`; undefined when absent or malformed. */
export function retryAfterDelay(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** A request that got no HTTP answer (refused, reset, unresolvable, timed out): transient, with what happened. */
export function outcomeOfNetworkError(error: unknown): SendOutcome {
  return { kind: 'transient', error: `no answer: ${describeNetworkError(error)}`, recipientOnly: true };
}

/** By shape, not `instanceof`: fetch's errors (a DOMException on a timeout) may come from another realm. */
function describeNetworkError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { name, message, cause } = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return 'timed out';
  // fetch's TypeError('fetch failed') says what failed in its cause (ECONNREFUSED, ENOTFOUND, a TLS error…)
  return cause?.code ?? cause?.message ?? message ?? String(error);
}
