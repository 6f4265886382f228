import { Refusal } from '@motcua/errors';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

/** Hosts a development machine may receive webhooks on over plain HTTP (with WEBHOOK_ALLOW_LOCAL_HTTP=true). */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/**
 * Where a subscription may send: an absolute https URL (the body holds applicants' personal data and the secret's
 * signatures; plain HTTP would hand both to anyone on the path). Plain http only to this machine, and only where
 * `allowLocalHttp` (development) says so. No user:password in the URL: it would be stored and shown in clear.
 */
export function checkWebhookUrl(url: string, allowLocalHttp: boolean): Refusal | null {
  const refuse = (why: string) => Refusal.ofField('WEBHOOK.URL_INVALID', 'url', why);
  if (url.length > WEBHOOK_URL_MAX_LENGTH) return refuse(`at most ${WEBHOOK_URL_MAX_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('an absolute https URL, e.g. https://doi-tac.example.vn/motcua/webhook');
  }
  if (parsed.username || parsed.password) return refuse('no user name or password in the URL: the signature authenticates us');
  if (parsed.hash) return refuse('no #fragment');
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname)) {
    return allowLocalHttp ? null : refuse('https is required (plain http to this machine only where WEBHOOK_ALLOW_LOCAL_HTTP=true, in development)');
  }
  return refuse('https is required');
}

/** The event types asked for must be offered; none (or an empty list) asks for every one. */
export function checkEventTypes(events: readonly string[]): Refusal | null {
  const index = events.findIndex((type) => !WEBHOOK_EVENT_TYPES.includes(type));
  if (index === -1) return null;
  return Refusal.ofField('WEBHOOK.EVENT_UNKNOWN', `events[${index}]`, `${events[index]} is not offered; one of: ${WEBHOOK_EVENT_TYPES.join(', ')}`);
}

/** A new subscription's URL, then its events: the first refusal, or null. */
export function checkSubscription(request: { url: string; events: readonly string[] }, allowLocalHttp: boolean): Refusal | null {
  return checkWebhookUrl(request.url, allowLocalHttp) ?? checkEventTypes(request.events);
}
