import { IsInt, Max, Min } from 'class-validator';

/**
 * How far the citizen's lookup by the receipt's secret may go (`X-Lookup-Secret`, or no credentials at all).
 * Every such attempt counts, right or wrong, because it is counted before the secret is compared: a blocked key
 * refuses even the right secret, so a block never confirms a guess. An honest applicant looks a few times a day;
 * the defaults leave them far from the limits.
 */
export class LookupLimitsEnvironment {
  /** Attempts on one dossier from anyone within the window: guessing one receipt's secret from many addresses. */
  @IsInt()
  @Min(1)
  @Max(1000)
  LOOKUP_ATTEMPTS_PER_DOSSIER: number = 10;

  /** Attempts from one client (one address; one /64 for IPv6) within the window: walking many dossiers' codes. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOOKUP_ATTEMPTS_PER_CLIENT: number = 30;

  /**
   * The window, and how long a key stays blocked once past its limit. The block is not made longer by attempts
   * during it, so an applicant whose dossier someone else tried to guess waits at most this long after the
   * guessing stops (and not at all when they sign in with their citizen token, which is never limited).
   */
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOOKUP_WINDOW_SECONDS: number = 300;
}

/** The two limits, by the name the throttler, the counters' table and the metric's `limit` label know them. */
export const LookupLimit = { Dossier: 'dossier', Client: 'client' } as const;
export type LookupLimit = (typeof LookupLimit)[keyof typeof LookupLimit];
