/** A webhook subscription as stored: one agency's system, where it receives the agency's dossier events. */
export interface WebhookSubscriptionRecord {
  readonly id: string;
  readonly agencyCode: string;
  readonly url: string;
  /** The HMAC key: read by the sender only; never in a view. */
  readonly secret: string;
  /** The event types it wants; empty: every type offered. */
  readonly events: string[];
  /** False once an administrator deleted (deactivated) it. */
  readonly active: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly consecutiveFailures: number;
  readonly failingSince: Date | null;
  readonly lastFailureAt: Date | null;
  readonly lastError: string | null;
  /** Set when the sender gave up on it (sustained failure, or 410 Gone); cleared by enabling it again. */
  readonly disabledAt: Date | null;
  readonly disabledReason: string | null;
}

export type WebhookSubscriptionStatus = 'active' | 'disabled' | 'deactivated';

/** An administrator's delete (deactivated) is shown before the sender's giving up (disabled): enabling undoes both. */
export function subscriptionStatus(s: Pick<WebhookSubscriptionRecord, 'active' | 'disabledAt'>): WebhookSubscriptionStatus {
  if (!s.active) return 'deactivated';
  return s.disabledAt ? 'disabled' : 'active';
}
