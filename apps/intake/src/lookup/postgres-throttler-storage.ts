import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { LookupAttemptStore } from './lookup-attempt.store';

/** How often each replica deletes the counters whose window and block are over (replicas may overlap: harmless). */
const CLEAN_UP_EVERY_MS = 60_000;
const CLEAN_UP_CHUNK = 5_000;

/** What the guard is told of a key after an attempt (the package does not export the type by name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage in intake's own database (`LookupAttemptStore`), so that every replica counts the
 * same attempts (the in-memory storage would give each replica, and each restart, its own budget).
 */
@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PostgresThrottlerStorage.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly attempts: LookupAttemptStore) {}

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return this.attempts.countAttempt({ throttler: throttlerName, key, ttl, limit, blockDuration });
  }

  /** Deletes the counters whose window and block are over, a chunk at a time (short locks); returns how many went. */
  async removeExpired(): Promise<number> {
    let removed = 0;
    for (;;) {
      const affected = await this.attempts.removeExpired(CLEAN_UP_CHUNK);
      removed += affected;
      if (affected < CLEAN_UP_CHUNK) return removed;
    }
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.removeExpired().catch((error: unknown) => this.logger.warn(`lookup counters clean-up failed: ${String(error)}`));
    }, CLEAN_UP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
