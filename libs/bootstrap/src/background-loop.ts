import { Logger } from '@nestjs/common';

/**
 * The rounds of a service's background loop (a dispatcher, a poller): runs `round` until stopped, waiting between
 * rounds as long as the round asks. Stopping cuts the wait short: a loop that waits half a minute between pulls,
 * or a circuit's minute, must not keep a stopping service from exiting (an orchestrator's SIGKILL comes after
 * 10 s). The round in progress finishes; `stop` resolves when it has. A round that throws (its database away) is
 * logged, under the loop's name, and the next comes `afterFailureMs` later: a loop never dies of a failure, and what a
 * round had taken under a lease comes due again by itself.
 */
export class BackgroundLoop {
  private static readonly logger = new Logger('BackgroundLoop');
  private readonly stopping = new AbortController();
  private loop: Promise<void> = Promise.resolve();
  private started = false;

  /** `round` returns how long to wait before the next one, in ms (0: at once). */
  constructor(
    private readonly name: string,
    private readonly round: () => Promise<number>,
    private readonly afterFailureMs = 1_000,
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  /** Waits `ms`, or until the loop is stopped, whichever comes first. */
  pause(ms: number): Promise<void> {
    const signal = this.stopping.signal;
    if (signal.aborted || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      let wait: number;
      try {
        wait = await this.round();
      } catch (error) {
        BackgroundLoop.logger.warn(`${this.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        wait = this.afterFailureMs;
      }
      await this.pause(wait);
    }
  }
}
