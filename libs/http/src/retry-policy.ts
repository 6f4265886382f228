/** How a failed attempt is retried: exponential backoff with full jitter, up to a number of attempts. */
export interface RetryPolicy {
  /** The first retry waits up to this long. */
  readonly baseDelayMs: number;
  /** No retry waits longer than this. */
  readonly maxDelayMs: number;
  /** After this many attempts a transient failure fails the message. */
  readonly maxAttempts: number;
}

/**
 * When to try again after attempt `attempt` (1-based) failed for a transient reason, or null when the attempts are
 * spent. Full jitter (a uniform draw up to the exponential ceiling) spreads the retries of a provider's outage so
 * they do not return as one wave; a provider's Retry-After is honoured as a floor.
 */
export function nextAttemptDelay(policy: RetryPolicy, attempt: number, random: () => number, retryAfterMs = 0): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(retryAfterMs, Math.round(random() * ceiling));
}
