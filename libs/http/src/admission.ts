/**
 * The front door's admission: at most `limit` requests are handled at once; the next ones wait their turn in order
 * of arrival, each for at most `maxWaitMs`. A request that could not start in that time is turned away (the caller
 * answers 503 with `Retry-After`) instead of joining a queue that only grows: under overload a desk gets a quick
 * "try again in a second" rather than a receipt after ten seconds, and the requests that are taken keep their
 * latency. The limit sits below the database pool's size, so the service's own consumer always finds a
 * connection (its transactions never queue behind a crowd of requests).
 *
 * Pure bookkeeping, no framework: `enter()` answers at once when it can (`true`: room; `false`: full and no wait
 * allowed), else with a promise settled `true` when admitted or `false` when the wait ran out; every admitted request calls `leave()` exactly once.
 */
export class Admission {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private head = 0;
  /** Requests turned away since start (metrics, tests). */
  turnedAway = 0;

  constructor(
    readonly limit: number,
    readonly maxWaitMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly schedule: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms).unref(),
  ) {
    if (!(limit >= 1)) throw new RangeError('the admission limit must be at least 1');
  }

  /** Requests being handled now. */
  get inFlight(): number {
    return this.running;
  }

  /** Requests waiting for their turn now. */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  enter(): boolean | Promise<boolean> {
    if (this.running < this.limit && this.queued === 0) {
      this.running++;
      return true;
    }
    if (this.maxWaitMs <= 0) return this.refuse();
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = { resolve, deadline: this.now() + this.maxWaitMs, settled: false };
      this.waiting.push(waiter);
      this.schedule(() => this.expire(waiter), this.maxWaitMs);
    });
  }

  leave(): void {
    if (this.running === 0) throw new Error('leave() without enter()');
    this.running--;
    this.admitNext();
  }

  private admitNext(): void {
    while (this.running < this.limit && this.head < this.waiting.length) {
      const waiter = this.waiting[this.head++];
      if (waiter.settled) continue;
      waiter.settled = true;
      if (this.now() > waiter.deadline) {
        this.turnedAway++;
        waiter.resolve(false);
        continue;
      }
      this.running++;
      waiter.resolve(true);
    }
    this.compact();
  }

  private expire(waiter: Waiter): void {
    if (waiter.settled) return;
    waiter.settled = true;
    this.turnedAway++;
    waiter.resolve(false);
    // the queue's head may now be a run of settled waiters: skip them
    while (this.head < this.waiting.length && this.waiting[this.head].settled) this.head++;
    this.compact();
  }

  /** Drops the settled prefix now and then, so the queue's array does not grow for ever. */
  private compact(): void {
    if (this.head === this.waiting.length) {
      this.waiting.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
  }

  private refuse(): false {
    this.turnedAway++;
    return false;
  }
}

interface Waiter {
  readonly resolve: (admitted: boolean) => void;
  readonly deadline: number;
  settled: boolean;
}
