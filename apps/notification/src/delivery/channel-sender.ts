/**
 * The port every outside channel implements (email over SMTP, SMS through a brandname gateway, webhooks): one
 * message out, one outcome back. Adapters speak their party's real protocol; the dispatcher decides retries,
 * backoff, circuits and rate limits from the outcome alone, so an adapter never retries on its own.
 */
export type DeliveryChannel = 'email' | 'sms' | 'webhook';

/** One message as an adapter sends it. */
export interface OutgoingMessage {
  /**
   * The notification's id: the idempotency key every attempt of this message carries to the provider (the SMS
   * gateway's client request id, the webhook's delivery id, the email's Message-ID), so a resend after a crash
   * between the provider's acceptance and our commit is recognised as the same message.
   */
  readonly notificationId: string;
  readonly channel: DeliveryChannel;
  /** An email address, a phone number (as the applicant gave it), or a webhook subscription's id. */
  readonly recipient: string;
  readonly subject: string;
  /** Plain text, Vietnamese with diacritics (an adapter may convert it, e.g. SMS to GSM-7). */
  readonly body: string;
  readonly dossierCode: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

/**
 * What the provider answered. `accepted`: it took the message (delivery may still be reported later, by
 * `providerMessageId`); `transient`: try again later (timeouts, 5xx, 429, a throttle), optionally not before
 * `retryAfterMs`; `permanent`: it will never go (an invalid address or phone number), fail it at once.
 * `response` is what the provider said, kept in the attempt's record for operators.
 */
export type SendOutcome =
  | { readonly kind: 'accepted'; readonly providerMessageId?: string; readonly response: string; readonly duplicate?: boolean }
  | {
      readonly kind: 'transient';
      readonly error: string;
      readonly retryAfterMs?: number;
      /**
       * The failure is the recipient's own (one webhook receiver down), not the provider's: it does not count toward
       * the channel's circuit, so one failing receiver never holds back the others.
       */
      readonly recipientOnly?: boolean;
    }
  | { readonly kind: 'permanent'; readonly error: string };

export interface ChannelSender {
  readonly channel: DeliveryChannel;
  send(message: OutgoingMessage): Promise<SendOutcome>;
}

/** The Nest injection token under which every channel adapter registers itself (a multi-provider list). */
export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');
