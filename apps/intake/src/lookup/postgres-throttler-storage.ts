import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

/** How often each replica deletes the counters whose window and block are over (replicas may overlap: harmless). */
const CLEAN_UP_EVERY_MS = 60_000;
const CLEAN_UP_CHUNK = 5_000;

/** What the guard is told of a key after an attempt (the package does not export the type by name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One attempt, counted in one statement (the row's lock orders concurrent attempts from every replica). A fixed
 * window of `ttl` from the first attempt; the attempt past the limit blocks the key for `blockDuration` (for `ttl`
 * when that is 0). While blocked, attempts are refused without being counted, so hammering a blocked key does not
 * make the block longer; once the block is over, counting starts again from one. The rules of @nestjs/throttler's
 * in-memory storage, shared through the database. An attempt happens at the start of its statement (`now()`), even
 * when it then waits for another's lock on the row.
 *   $1 throttler name, $2 key, $3 ttl (ms), $4 limit, $5 block duration (ms)
 */
const INCREMENT = `
  WITH p AS (
    SELECT now() + $3::float8 * interval '1 millisecond' AS window_ends_at, $4::int AS lim,
           now() + (CASE WHEN $5::float8 > 0 THEN $5::float8 ELSE $3::float8 END) * interval '1 millisecond' AS blocked_until)
  INSERT INTO lookup_attempt_counter AS c (throttler, key, hits, window_ends_at, blocked_until, expires_at)
  SELECT $1, $2, 1, p.window_ends_at, b.blocked_until, GREATEST(p.window_ends_at, b.blocked_until)
    FROM p, LATERAL (SELECT CASE WHEN 1 > p.lim THEN p.blocked_until END AS blocked_until) b
  ON CONFLICT (throttler, key) DO UPDATE SET (hits, window_ends_at, blocked_until, expires_at) = (
    SELECT s.hits, s.window_ends_at, s.blocked_until, GREATEST(s.window_ends_at, s.blocked_until)
      FROM (SELECT n.hits, n.window_ends_at,
                   CASE WHEN n.blocked THEN c.blocked_until WHEN n.hits > p.lim THEN p.blocked_until END AS blocked_until
              FROM p, LATERAL (
                SELECT COALESCE(c.blocked_until > now(), false) AS blocked,
                       CASE WHEN c.blocked_until > now() THEN c.hits
                            WHEN c.window_ends_at <= now() OR c.blocked_until IS NOT NULL THEN 1
                            ELSE c.hits + 1 END AS hits,
                       CASE WHEN c.blocked_until > now() THEN c.window_ends_at
                            WHEN c.window_ends_at <= now() OR c.blocked_until IS NOT NULL THEN p.window_ends_at
                            ELSE c.window_ends_at END AS window_ends_at) n) s)
  RETURNING hits AS "totalHits",
            COALESCE(blocked_until > now(), false) AS "isBlocked",
            -- from the moment of the answer: now() is when the statement began, maybe before another set the window
            GREATEST(ceil(extract(epoch FROM window_ends_at - clock_timestamp())), 0)::int AS "timeToExpire",
            GREATEST(ceil(extract(epoch FROM blocked_until - clock_timestamp())), 0)::int AS "timeToBlockExpire"`;

/**
 * @nestjs/throttler's storage in intake's own database, so that every replica counts the same attempts (the
 * in-memory storage would give each replica, and each restart, its own budget).
 */
@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PostgresThrottlerStorage.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [record] = (await this.dataSource.query(INCREMENT, [throttlerName, key, ttl, limit, blockDuration])) as ThrottlerStorageRecord[];
    return record;
  }

  /** Deletes the counters whose window and block are over, a chunk at a time (short locks); returns how many went. */
  async removeExpired(): Promise<number> {
    let removed = 0;
    for (;;) {
      const [, affected] = (await this.dataSource.query(
        `DELETE FROM lookup_attempt_counter WHERE (throttler, key) IN (
           SELECT throttler, key FROM lookup_attempt_counter WHERE expires_at <= now() LIMIT ${CLEAN_UP_CHUNK})`,
      )) as [unknown, number];
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
