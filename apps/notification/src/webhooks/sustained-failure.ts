/** The current run of failed deliveries to one subscription: how many in a row, and since when. */
export interface FailureStreak {
  readonly consecutiveFailures: number;
  readonly failingSince: Date;
}

export interface DisableSettings {
  /** WEBHOOK_DISABLE_AFTER_FAILURES */
  readonly afterFailures: number;
  /** WEBHOOK_DISABLE_AFTER_HOURS */
  readonly afterHours: number;
}

/**
 * Whether a subscription has failed long enough to be disabled: many failures in a row *and* over a long time.
 * Both, because either alone misjudges: a burst of events during a receiver's five-minute deploy makes many failures
 * quickly, and one event a day failing for days is few. Any success ends the streak.
 */
export function sustainedFailure(streak: FailureStreak, now: Date, settings: DisableSettings): boolean {
  return streak.consecutiveFailures >= settings.afterFailures && now.getTime() - streak.failingSince.getTime() >= settings.afterHours * 3_600_000;
}

/** A failed delivery, as the sender saw it. */
export interface Failure {
  readonly error: string;
  /** The receiver answered 410 Gone: it says the endpoint is gone for good. */
  readonly gone: boolean;
}

/**
 * After a failed delivery, why the subscription is to be disabled now (in Vietnamese, as administrators read it
 * over GET, with the receiver's last answer), or null while it may still recover. A 410 Gone disables at once: the
 * receiver asked for it.
 */
export function disableReason(failure: Failure, streak: FailureStreak, now: Date, settings: DisableSettings): string | null {
  if (failure.gone) return `Bên nhận cho biết địa chỉ không còn nhận sự kiện; lần cuối: ${failure.error}`;
  if (!sustainedFailure(streak, now, settings)) return null;
  return `Tạm ngừng gửi sau ${streak.consecutiveFailures} lần gửi liên tiếp không thành công kể từ ${streak.failingSince.toISOString()}; lần cuối: ${failure.error}`;
}
