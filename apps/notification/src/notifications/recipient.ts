/**
 * How a notification reaches its person. 'officer': an officer of the suite, by their id (their work inbox);
 * 'webhook': an agency's subscribed system, by the subscription's id; 'none': the applicant left neither an email
 * nor a phone number.
 */
export type Channel = 'email' | 'sms' | 'webhook' | 'officer' | 'none';

export interface Recipient {
  readonly channel: Channel;
  /** The email address or phone number; null when the channel is 'none'. */
  readonly address: string | null;
}

export interface Contact {
  readonly email?: string | null;
  readonly phone?: string | null;
}

/**
 * Email first: it is free, carries the whole letter and leaves a record the applicant can keep; SMS is the
 * fallback because many applicants (especially at the desk) give only a phone number, and it carries each
 * template's short form. One channel per message, never both: the applicant hears each milestone once.
 */
export function recipientOf(contact: Contact): Recipient {
  const email = contact.email?.trim();
  if (email) return { channel: 'email', address: email };
  const phone = contact.phone?.trim();
  if (phone) return { channel: 'sms', address: phone };
  return { channel: 'none', address: null };
}
