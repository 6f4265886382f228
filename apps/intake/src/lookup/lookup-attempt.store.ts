import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@motcua/persistence';

/** One attempt on a key under one of the lookup's limits, with that limit's rules (durations in milliseconds). */
export interface LookupAttempt {
  throttler: string;
  key: string;
  ttl: number;
  limit: number;
  blockDuration: number;
}

/** A key's counter after an attempt, as the throttler's guard reads it (the times in whole seconds from now). */
export interface LookupAttemptCount {
  totalHits: number;
  isBlocked: boolean;
  timeToExpire: number;
  timeToBlockExpire: number;
}

/**
 * One attempt, counted in one statement (the row's lock orders concurrent attempts from every replica). A fixed
 * window of `ttl` from the first attempt; the attempt past the limit blocks the key for `blockDuration` (for `ttl`
 * when that is 0). While blocked, attempts are refused without being counted, so hammering a blocked key does not
 * make the block longer; once the block is over, counting starts again from one. The rules of @nestjs/throttler's
 * in-memory storage, shared through the database. An attempt happens at the start of its statement (`now()`), even
 * when it then waits for another's lock on the row.
 *   $1 throttler name, $2 key, $3 ttl (ms), $4 limit, $5 block duration (ms)
 */
const COUNT_ATTEMPT = `
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
 * The counters of the citizen's lookup limits (`lookup_attempt_counter`, per limit and key), in intake's own
 * database so that every replica counts the same attempts. Each statement is atomic on its own and runs alone on
 * a connection of its own, outside any transaction: a counter needs nothing more, and BEGIN and COMMIT would be two
 * more round trips on every lookup.
 */
@Injectable()
export class LookupAttemptStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one attempt on the key (unless it is blocked) and says where the key stands. */
  async countAttempt(attempt: LookupAttempt): Promise<LookupAttemptCount> {
    const [count] = await queryPrepared<LookupAttemptCount>(this.dataSource.manager, 'intake.count-lookup-attempt', COUNT_ATTEMPT, [
      attempt.throttler,
      attempt.key,
      attempt.ttl,
      attempt.limit,
      attempt.blockDuration,
    ]);
    return count;
  }

  /** Deletes up to `chunk` counters whose window and block are over; returns how many went. */
  async removeExpired(chunk: number): Promise<number> {
    const [{ removed }] = await queryPrepared<{ removed: number }>(
      this.dataSource.manager,
      'intake.remove-expired-lookup-attempts',
      `WITH gone AS (
           DELETE FROM lookup_attempt_counter WHERE (throttler, key) IN (
             SELECT throttler, key FROM lookup_attempt_counter WHERE expires_at <= now() LIMIT $1)
           RETURNING 1)
         SELECT count(*)::int AS removed FROM gone`,
      [chunk],
    );
    return removed;
  }
}
