/**
 * A circuit per channel: after `failureThreshold` transient failures in a row the provider is taken to be down and
 * nothing is sent to it for `openMs` (doubling, up to `maxOpenMs`, while it stays down); then one batch probes it
 * (half-open): a success closes the circuit, a failure opens it again. Pure: time is passed in.
 */
export interface CircuitSettings {
  readonly failureThreshold: number;
  readonly openMs: number;
  readonly maxOpenMs: number;
}

export type CircuitState = 'closed' | 'open' | 'half_open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private currentOpenMs: number;

  constructor(private readonly settings: CircuitSettings) {
    this.currentOpenMs = settings.openMs;
  }

  state(now: number): CircuitState {
    if (this.openedAt === null) return 'closed';
    return now - this.openedAt >= this.currentOpenMs ? 'half_open' : 'open';
  }

  /** Whether messages may be sent now (closed, or half-open: a probe). */
  allows(now: number): boolean {
    return this.state(now) !== 'open';
  }

  /** When the circuit will let a probe through (null when it is not open). */
  reopensAt(): number | null {
    return this.openedAt === null ? null : this.openedAt + this.currentOpenMs;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.currentOpenMs = this.settings.openMs;
  }

  failed(now: number): void {
    const probing = this.state(now) === 'half_open';
    this.failures += 1;
    if (probing) {
      this.currentOpenMs = Math.min(this.settings.maxOpenMs, this.currentOpenMs * 2);
      this.openedAt = now;
    } else if (this.openedAt === null && this.failures >= this.settings.failureThreshold) {
      this.openedAt = now;
    }
  }
}
