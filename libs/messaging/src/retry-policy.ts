/**
 * What happens to a message whose handler failed. Pure, so the schedule is tested without a broker.
 *
 * `attempt` is the 1-based number of the attempt that just failed (the `x-attempt` header). Attempt n (< max)
 * goes to retry tier n; when there are fewer tiers than retries, the last tier is reused. After the last
 * allowed attempt the message is parked: a human looks at it, nothing loops.
 */
export type FailureDecision =
  { readonly action: 'retry'; readonly tier: number; readonly delayMs: number; readonly nextAttempt: number } | { readonly action: 'park' };

export function decideAfterFailure(attempt: number, maxAttempts: number, retryDelaysMs: readonly number[]): FailureDecision {
  if (!Number.isInteger(attempt) || attempt < 1) attempt = 1;
  if (attempt >= maxAttempts || retryDelaysMs.length === 0) return { action: 'park' };
  const tier = Math.min(attempt, retryDelaysMs.length);
  return { action: 'retry', tier, delayMs: retryDelaysMs[tier - 1], nextAttempt: attempt + 1 };
}

/** Parses `MESSAGING_RETRY_DELAYS_MS` ("1000,5000,30000"): positive integers, in order of use. */
export function parseRetryDelays(value: string): number[] {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  return trimmed.split(',').map((part) => {
    const delay = Number(part.trim());
    if (!Number.isInteger(delay) || delay <= 0) {
      throw new RangeError(`MESSAGING_RETRY_DELAYS_MS: "${part.trim()}" is not a positive whole number of milliseconds`);
    }
    return delay;
  });
}

/** Reads the attempt number from the `x-attempt` header; a message from a foreign producer starts at 1. */
export function attemptOf(headers: Record<string, unknown> | undefined): number {
  const raw = headers?.['x-attempt'];
  const attempt = typeof raw === 'number' ? raw : Number(raw);
  return Number.isInteger(attempt) && attempt >= 1 ? attempt : 1;
}
