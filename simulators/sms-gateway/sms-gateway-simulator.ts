import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a Vietnamese SMS-brandname gateway, speaking its protocol over plain HTTP (no framework, nothing of
 * the services imported: it is the other party, and checks what we send as that party would):
 *
 * - `POST /api/v1/sms` with `X-Api-Key` and `{ brandname, phone, message, requestId }`: `{ code, message, messageId?,
 *   segments? }`. 00 accepted; 01 the request id was accepted before (answered with the first message's id, not sent
 *   again); 10 bad key (401); 11 brandname not registered (403); 20 invalid phone (400); 21 phone blocked (422);
 *   22 content refused (422); 23 malformed request (400); 30 throttled (429, `Retry-After`); 99 failure (503).
 * - Delivery reports: `reportDelayMs` after accepting, `POST <callbackUrl>` with `{ requestId, messageId, status, at,
 *   errorCode? }` signed `X-Signature: sha256=<hex HMAC-SHA256 of the body>`, retried three times if not answered 2xx.
 * - Steering, for tests and operators: `POST /_control` (mode ok | fail | slow | drop | throttle, for `count`
 *   requests or until changed; the reports' status; blocked numbers; the callback URL), `GET /_messages[?phone=]`,
 *   `POST /_reset`, `GET /_health`.
 */

export interface SmsGatewaySimulatorOptions {
  /** 0 (default): any free port. */
  readonly port?: number;
  readonly host?: string;
  readonly apiKey: string;
  /** The brandname registered for the key; default MOTCUA. */
  readonly brandname?: string;
  /** Where delivery reports go; none are sent without one. */
  readonly callbackUrl?: string;
  readonly callbackSecret: string;
  /** How long after accepting a message its delivery report is posted; default 200 ms. */
  readonly reportDelayMs?: number;
  /** Longer messages are refused (code 22); default 6 segments. */
  readonly maxSegments?: number;
}

export type SimulatorMode = 'ok' | 'fail' | 'slow' | 'drop' | 'throttle';

/** How the simulator behaves; `POST /_control` changes any part of it. */
export interface SimulatorControl {
  readonly mode: SimulatorMode;
  /** slow: how long each send waits before it is answered. */
  readonly delayMs: number;
  /** throttle: the `Retry-After` answered, in seconds. */
  readonly retryAfterSeconds: number;
  /** How many sends the mode lasts before it returns to ok; null: until changed. */
  readonly count: number | null;
  /** The status the delivery reports carry, or none sent. */
  readonly report: 'DELIVERED' | 'FAILED' | 'none';
  /** Numbers (84…) answered 21, blocked. */
  readonly blocked: readonly string[];
  readonly callbackUrl: string | null;
}

/** A message the gateway accepted, as `GET /_messages` lists it. */
export interface AcceptedSms {
  readonly requestId: string;
  readonly messageId: string;
  readonly brandname: string;
  readonly phone: string;
  readonly text: string;
  readonly segments: number;
  readonly acceptedAt: string;
  /** How many times its request id was sent again (answered 01, not counted as another message). */
  duplicates: number;
  report: { status: string; attempts: number; answeredWith: number | null; error: string | null; reportedAt: string | null } | null;
}

export interface RunningSmsGatewaySimulator {
  readonly url: string;
  close(): Promise<void>;
  /** What it accepted, oldest first; only to `phone` (84… or 0…) when given. */
  messages(phone?: string): AcceptedSms[];
  /** Changes the control as `POST /_control` does (throws on a bad value); the control now. */
  control(change: Partial<SimulatorControl>): SimulatorControl;
  reset(): void;
}

const SEND_PATH = '/api/v1/sms';
const MODES: readonly SimulatorMode[] = ['ok', 'fail', 'slow', 'drop', 'throttle'];
/** GSM-7 (3GPP TS 23.038), the alphabet of a non-Unicode brandname account; the second row takes two septets. */
const GSM7 = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_ESCAPED = '\f^{}\\[~]|€';

const DEFAULT_CONTROL = (callbackUrl: string | null): SimulatorControl => ({
  mode: 'ok',
  delayMs: 2_000,
  retryAfterSeconds: 1,
  count: null,
  report: 'DELIVERED',
  blocked: [],
  callbackUrl,
});

/** Septets and billed segments of a GSM-7 text, or null when a character is outside GSM-7. */
function septetsOf(text: string): { septets: number; segments: number } | null {
  let septets = 0;
  for (const char of text) {
    if (GSM7.includes(char)) septets += 1;
    else if (GSM7_ESCAPED.includes(char)) septets += 2;
    else return null;
  }
  return { septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

/** A change of the control as it arrives over HTTP: checked by `problemWith` before it is applied. */
type ControlChange = Readonly<Partial<Record<keyof SimulatorControl, unknown>>>;

const isCount = (value: unknown, least: number) => Number.isInteger(value) && (value as number) >= least;

/** What is wrong with a change of the control (it comes over HTTP), or null. */
function problemWith(change: ControlChange): string | null {
  if (change.mode !== undefined && !MODES.includes(change.mode as SimulatorMode)) return `mode must be one of ${MODES.join(', ')}`;
  if (change.delayMs !== undefined && !isCount(change.delayMs, 0)) return 'delayMs must be a whole number of milliseconds';
  if (change.retryAfterSeconds !== undefined && !isCount(change.retryAfterSeconds, 0)) return 'retryAfterSeconds must be a whole number of seconds';
  if (change.count !== undefined && change.count !== null && !isCount(change.count, 1)) return 'count must be a positive whole number, or null';
  if (change.report !== undefined && !['DELIVERED', 'FAILED', 'none'].includes(change.report as string)) return 'report must be DELIVERED, FAILED or none';
  if (change.blocked !== undefined && !(Array.isArray(change.blocked) && change.blocked.every((p) => typeof p === 'string'))) {
    return 'blocked must be a list of phone numbers';
  }
  if (change.callbackUrl !== undefined && change.callbackUrl !== null && typeof change.callbackUrl !== 'string') return 'callbackUrl must be a URL, or null';
  return null;
}

/** 0912… as 84912…, for the `?phone=` filter. */
const international = (phone: string) => (phone.startsWith('0') ? `84${phone.slice(1)}` : phone.replace(/^\+/, ''));

/** Answers, unless the client has gone (it timed out): what the answer stood for is done all the same. */
function answer(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.socket?.destroyed !== false) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parsed(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function startSmsGatewaySimulator(options: SmsGatewaySimulatorOptions): Promise<RunningSmsGatewaySimulator> {
  const brandname = options.brandname ?? 'MOTCUA';
  const reportDelayMs = options.reportDelayMs ?? 200;
  const maxSegments = options.maxSegments ?? 6;
  let control = DEFAULT_CONTROL(options.callbackUrl ?? null);
  let accepted: AcceptedSms[] = [];
  let byRequestId = new Map<string, AcceptedSms>();
  let sequence = 0;
  const timers = new Set<NodeJS.Timeout>();
  /** Requests held without an answer (drop, slow): let go on reset and close. */
  const held = new Set<ServerResponse>();

  const later = (ms: number, work: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };

  const report = (sms: AcceptedSms, callbackUrl: string, status: 'DELIVERED' | 'FAILED', attempt: number) => {
    const body = JSON.stringify({
      requestId: sms.requestId,
      messageId: sms.messageId,
      status,
      at: new Date().toISOString(),
      ...(status === 'FAILED' ? { errorCode: 'ABSENT_SUBSCRIBER' } : {}),
    });
    const signature = `sha256=${createHmac('sha256', options.callbackSecret).update(body).digest('hex')}`;
    const state = { status, attempts: attempt, answeredWith: null as number | null, error: null as string | null, reportedAt: null as string | null };
    sms.report = state;
    fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body, signal: AbortSignal.timeout(5_000) })
      .then(async (response) => {
        state.answeredWith = response.status;
        await response.arrayBuffer();
        if (response.ok) state.reportedAt = new Date().toISOString();
        else throw new Error(`answered ${response.status}`);
      })
      .catch((error: unknown) => {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        state.error = `${error instanceof Error ? error.message : String(error)}${cause ? `: ${cause}` : ''}`;
        if (attempt < 4) later(reportDelayMs * 2 ** attempt, () => report(sms, callbackUrl, status, attempt + 1));
      });
  };

  /** The mode for this send; a mode given for `count` sends returns to ok after them. */
  const modeForThisSend = (): SimulatorControl => {
    const current = control;
    if (current.count !== null) control = current.count <= 1 ? { ...current, mode: 'ok', count: null } : { ...current, count: current.count - 1 };
    return current;
  };

  const send = async (request: IncomingMessage, response: ServerResponse) => {
    const mode = modeForThisSend();
    if (mode.mode === 'drop') {
      held.add(response); // read, never answered: the client times out
      request.resume();
      return;
    }
    if (mode.mode === 'fail') return answer(response, 503, { code: '99', message: 'simulated gateway failure' });
    if (mode.mode === 'throttle') {
      return answer(response, 429, { code: '30', message: 'too many requests' }, { 'retry-after': String(mode.retryAfterSeconds) });
    }
    const text = await bodyOf(request);
    if (mode.mode === 'slow') {
      // a client that stops waiting does not stop the gateway: the message is taken all the same (a retry is a 01)
      held.add(response);
      await new Promise<void>((resolve) => later(mode.delayMs, resolve));
      held.delete(response);
    }
    if (request.headers['x-api-key'] !== options.apiKey) return answer(response, 401, { code: '10', message: 'invalid API key' });
    const body = parsed(text);
    if (!body || typeof body.requestId !== 'string' || !/^[\w-]{1,64}$/.test(body.requestId)) {
      return answer(response, 400, { code: '23', message: 'malformed request: a JSON object with a requestId (1 to 64 letters, digits, - or _)' });
    }
    const first = byRequestId.get(body.requestId);
    if (first) {
      first.duplicates++;
      return answer(response, 200, { code: '01', message: 'duplicate requestId', messageId: first.messageId, segments: first.segments });
    }
    if (body.brandname !== brandname) return answer(response, 403, { code: '11', message: `brandname ${String(body.brandname)} is not registered` });
    if (typeof body.phone !== 'string' || !/^84[35789]\d{8}$/.test(body.phone)) {
      return answer(response, 400, { code: '20', message: 'invalid phone: 84 and a 9-digit mobile number' });
    }
    if (mode.blocked.includes(body.phone)) return answer(response, 422, { code: '21', message: 'phone number blocked' });
    if (typeof body.message !== 'string' || body.message.trim() === '') return answer(response, 422, { code: '22', message: 'empty message' });
    const length = septetsOf(body.message);
    if (!length) return answer(response, 422, { code: '22', message: 'non-GSM-7 characters on a non-Unicode account' });
    if (length.segments > maxSegments) return answer(response, 422, { code: '22', message: `longer than ${maxSegments} segments` });
    const sms: AcceptedSms = {
      requestId: body.requestId,
      messageId: `SIM-${String(++sequence).padStart(6, '0')}`,
      brandname,
      phone: body.phone,
      text: body.message,
      segments: length.segments,
      acceptedAt: new Date().toISOString(),
      duplicates: 0,
      report: null,
    };
    accepted.push(sms);
    byRequestId.set(sms.requestId, sms);
    const { callbackUrl, report: status } = control;
    if (callbackUrl && status !== 'none') later(reportDelayMs, () => report(sms, callbackUrl, status, 1));
    answer(response, 200, { code: '00', message: 'accepted', messageId: sms.messageId, segments: sms.segments });
  };

  const messages = (phone?: string) => (phone ? accepted.filter((m) => m.phone === international(phone)) : [...accepted]);

  const changeControl = (change: ControlChange): SimulatorControl => {
    const problem = problemWith(change);
    if (problem) throw new Error(problem);
    const known = Object.fromEntries(Object.entries(change).filter(([key]) => key in control));
    // checked above, key by key
    const blocked = (change.blocked as readonly string[] | undefined) ?? control.blocked;
    control = { ...control, ...(known as Partial<SimulatorControl>), blocked: blocked.map(international) };
    return control;
  };

  const reset = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const response of held) response.destroy();
    held.clear();
    accepted = [];
    byRequestId = new Map();
    control = DEFAULT_CONTROL(options.callbackUrl ?? null);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const route = `${request.method} ${url.pathname}`;
    const handled = (async () => {
      if (route === `POST ${SEND_PATH}`) return send(request, response);
      if (route === 'GET /_messages') return answer(response, 200, messages(url.searchParams.get('phone') ?? undefined));
      if (route === 'GET /_health') return answer(response, 200, { status: 'ok' });
      if (route === 'POST /_reset') {
        reset();
        return answer(response, 200, { reset: true });
      }
      if (route === 'POST /_control') {
        const change = parsed(await bodyOf(request));
        if (!change) return answer(response, 400, { message: 'a JSON object of the control to change' });
        try {
          return answer(response, 200, changeControl(change));
        } catch (error) {
          return answer(response, 400, { message: error instanceof Error ? error.message : String(error) });
        }
      }
      answer(response, 404, { code: '23', message: `no ${route}` });
    })();
    handled.catch((error: unknown) => {
      if (!response.headersSent) answer(response, 500, { code: '99', message: error instanceof Error ? error.message : String(error) });
    });
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    messages,
    control: changeControl,
    reset,
    async close() {
      reset();
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
