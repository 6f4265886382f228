/**
 * A token bucket per channel: at most `perSecond` messages a second on average, bursts up to one second's worth
 * (e.g. an SMS brandname's quota). Pure: time is passed in. Each dispatcher process keeps its own bucket, so with
 * N replicas set the rate to the quota divided by N.
 */
export class RateLimit {
  private tokens: number;
  private at: number | null = null;

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  /** How many messages may go now (whole tokens); take them with `spend`. */
  available(now: number): number {
    this.refill(now);
    return Math.floor(this.tokens);
  }

  spend(count: number): void {
    this.tokens -= count;
  }

  private refill(now: number): void {
    if (this.at !== null) this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
  }
}
