import type { SendOutcome } from '../delivery/channel-sender';

/**
 * The brandname gateway's HTTP protocol, as the common Vietnamese SMS-brandname APIs shape it: one JSON POST a
 * message, the client's request id as the idempotency key, a result code in the body, delivery reports posted back
 * signed. The local simulator (simulators/sms-gateway) speaks it too.
 */

/** Where a message is posted, under SMS_GATEWAY_URL. */
export const SEND_PATH = '/api/v1/sms';
/** The header that carries SMS_GATEWAY_API_KEY. */
export const API_KEY_HEADER = 'x-api-key';

/** The body of a send. */
export interface SmsGatewayRequest {
  /** The registered sender name. */
  readonly brandname: string;
  /** `84` and the nine digits (`toGatewayPhone`). */
  readonly phone: string;
  /** GSM-7 text within the segments allowed (`toGsm7`, `fitSms`). */
  readonly message: string;
  /** Our notification id: the gateway answers a repeat with code 01 and the first message's id, sending nothing. */
  readonly requestId: string;
}

/** The gateway's answer body (any status). */
export interface SmsGatewayAnswer {
  readonly code: string;
  readonly message?: string;
  /** The gateway's id of the message (codes 00 and 01): what its delivery report names. */
  readonly messageId?: string;
  readonly segments?: number;
}

/**
 * The result codes and what each means for the message. A refusal of the message itself (its number, its text) is
 * permanent; a refusal of our account (key, brandname) is transient: every message would fail alike, so the
 * circuit opens and the queue waits for an operator to fix the configuration, instead of failing them all.
 */
export const GATEWAY_CODES = {
  '00': { meaning: 'accepted', outcome: 'accepted' },
  '01': { meaning: 'duplicate request id: accepted before, not sent again', outcome: 'accepted' },
  '10': { meaning: 'API key refused', outcome: 'transient' },
  '11': { meaning: 'brandname not registered for this account', outcome: 'transient' },
  '20': { meaning: 'invalid phone number', outcome: 'permanent' },
  '21': { meaning: 'phone number blocked (opted out or blacklisted)', outcome: 'permanent' },
  '22': { meaning: 'content refused', outcome: 'permanent' },
  '23': { meaning: 'malformed request', outcome: 'permanent' },
  '30': { meaning: 'too many requests', outcome: 'transient' },
  '99': { meaning: 'gateway error', outcome: 'transient' },
} as const satisfies Record<string, { meaning: string; outcome: SendOutcome['kind'] }>;

export type GatewayCode = keyof typeof GATEWAY_CODES;

/** What came back over HTTP, before any reading of it. */
export interface GatewayReply {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: string;
}

/** At most this much of an answer is kept in the attempt's record. */
const KEPT = 300;

/**
 * What the gateway's reply means for the message. The code decides where there is one the protocol knows; else the
 * status: 429 and 408 are "later", 5xx a gateway in trouble, another 4xx a refusal the same request would meet
 * again. A 2xx without a code we know may or may not have been taken: asked again under the same request id, the
 * gateway answers 01 if it was, so it is transient.
 */
export function outcomeOf(reply: GatewayReply, now: number): SendOutcome {
  const answer = answerIn(reply.body);
  const known = answer && Object.hasOwn(GATEWAY_CODES, answer.code) ? GATEWAY_CODES[answer.code as GatewayCode] : undefined;
  const said = `HTTP ${reply.status} ${reply.body.trim().slice(0, KEPT)}`.trim();
  const why = answer && known ? `${known.meaning} (code ${answer.code}${answer.message ? `: ${answer.message}` : ''}); ${said}` : said;
  if (known?.outcome === 'accepted') {
    return { kind: 'accepted', providerMessageId: answer?.messageId, response: said, ...(answer?.code === '01' ? { duplicate: true } : {}) };
  }
  if (reply.status === 429 || reply.status === 408 || answer?.code === '30') {
    const retryAfterMs = retryAfterOf(reply.retryAfter, now);
    return { kind: 'transient', error: why, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (known) return known.outcome === 'permanent' ? { kind: 'permanent', error: why } : { kind: 'transient', error: why };
  if (reply.status >= 400 && reply.status < 500) return { kind: 'permanent', error: why };
  return { kind: 'transient', error: reply.status >= 500 ? why : `unexpected answer: ${why}` };
}

/** The answer body when it is one (JSON with a string `code`), else undefined. */
function answerIn(body: string): SmsGatewayAnswer | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { code?: unknown }).code !== 'string') return undefined;
    const { code, message, messageId, segments } = parsed as Record<string, unknown>;
    return {
      code: code as string,
      message: typeof message === 'string' ? message : undefined,
      messageId: typeof messageId === 'string' && messageId !== '' ? messageId : undefined,
      segments: typeof segments === 'number' ? segments : undefined,
    };
  } catch {
    return undefined;
  }
}

/** `Retry-After` in milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterOf(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // an HTTP date names its day and month (`Mon, 07 Dec 2026 02:00:30 GMT`); a bare "-5" would parse as a year
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
