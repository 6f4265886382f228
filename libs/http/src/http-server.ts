import type { Socket } from 'node:net';
import { STATUS_CODES, maxHeaderSize } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONNECTION_PROBLEMS,
  type FrameworkProblem,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  Refusal,
  problemOf,
  problemTitle,
  problemType,
} from '@motcua/errors';
import { readEnvironment } from '@motcua/config';
import { CORRELATION_HEADER, HttpMetrics, ObservabilityEnvironment, RequestContext, accessLogLevel, correlationIdFor, isProbe } from '@motcua/observability';
import { PinoLogger } from 'nestjs-pino';
import { Admission } from './admission';
import type { TrustProxy } from './trust-proxy';

export interface HttpAdapterOptions {
  /** Proxies whose `X-Forwarded-For` gives `request.ip` (the gateway's); none by default (`TRUST_PROXY`). */
  trustProxy?: TrustProxy;
}

/**
 * The HTTP server of every service: Nest on Fastify (ADR 001). Fastify's request id is the correlation id, so
 * Fastify, pino-http and the problem details agree on it; `/tasks/` is `/tasks`, as frontends expect; a request
 * still being sent after 5 minutes is dropped (Node's default, which Fastify turns off); `request.ip` is the
 * client's address as the trusted proxies report it (the peer of the connection when none is trusted). Whatever
 * the server refuses before a handler runs is problem details too, with a stable `REQUEST.*` code
 * (`framework-problems.ts`): a path Fastify cannot route (malformed, a segment too long), a request Node cannot
 * parse (headers or request line too long), a body it cannot read.
 */
export function createHttpAdapter(options: HttpAdapterOptions = {}): FastifyAdapter {
  const adapter = new JsonApiAdapter({
    genReqId: correlationIdFor,
    routerOptions: { ignoreTrailingSlash: true },
    requestTimeout: 300_000,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      reply.header(CORRELATION_HEADER, request.id);
      sendProblem(reply, { ...problemOf(error), instance: request.url.split('?')[0], correlationId: request.id });
    },
    clientErrorHandler: answerUnparsableRequest,
  });
  const fastify = adapter.getInstance();
  // The API takes JSON only: a text/plain body (Fastify reads it as one string) would reach the DTO as a string and
  // be reported as every field missing. Without a parser it is refused, 415 REQUEST.UNSUPPORTED_MEDIA_TYPE.
  fastify.removeContentTypeParser('text/plain');
  // A JSON request with an empty body (a client that sets the content type on every call) is a request with no
  // body, as it was on Express: the DTO then names the missing fields, and a command without a body still runs.
  // Anything else is plain JSON.parse, which keeps a `__proto__` key as an ordinary key (it sets no prototype):
  // the validation pipe refuses it naming the field, where Fastify's own check could only say "not valid JSON".
  // The bytes stay on the request (`rawBody`): a provider's callback is signed over them, not over any re-encoding.
  const json = fastify.getDefaultJsonParser('ignore', 'ignore');
  adapter.useBodyParser('application/json', true, {}, (request, body, done) =>
    body.length === 0 ? done(null, undefined) : json(request, body.toString('utf8'), done),
  );
  return adapter;
}

class JsonApiAdapter extends FastifyAdapter {
  /** Nest adds a form (application/x-www-form-urlencoded) parser at start: a JSON API refuses forms, 415. */
  override registerParserMiddleware(prefix?: string, rawBody?: boolean): void {
    super.registerParserMiddleware(prefix, rawBody);
    this.getInstance().removeContentTypeParser('application/x-www-form-urlencoded');
  }
}

function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  reply.code(problem.status).type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(problem);
}

/**
 * A problem answered from a Fastify hook, where Nest's filter does not run (the front door, a refused preflight):
 * its status and title from `PROBLEMS` by its code, as the filter would give them.
 */
export function answerProblem(request: FastifyRequest, reply: FastifyReply, code: string, detail: string): void {
  sendProblem(reply, { ...problemOf(new Refusal(code, detail)), instance: request.url.split('?')[0], correlationId: request.id });
}

/**
 * Node refuses a request it cannot parse before any request object exists (Fastify's `clientErrorHandler`), so the
 * answer is written to the socket as is. Node counts the request line with the headers (`maxHeaderSize`, 16 KiB):
 * when the request line alone (that is, the path) fills it, the answer is 414, else the headers were too large (431).
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let known: FrameworkProblem = CONNECTION_PROBLEMS.malformed;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') known = CONNECTION_PROBLEMS.timeout;
  else if (error.code === 'HPE_HEADER_OVERFLOW') {
    const read = Buffer.isBuffer(error.rawPacket) ? error.rawPacket : Buffer.alloc(0);
    const endOfLine = read.indexOf('\r\n');
    const requestLine = endOfLine === -1 ? read.length : endOfLine;
    known = requestLine >= maxHeaderSize ? CONNECTION_PROBLEMS.uriTooLong : CONNECTION_PROBLEMS.headersTooLarge;
  }
  const { status, code, detail } = known;
  const body = JSON.stringify({ type: problemType(code), title: problemTitle(code, status), status, detail, code } satisfies ProblemDetails);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * What every request goes through, on Fastify's own lifecycle: its correlation id is echoed at once (so a
 * rejected request has it too) and carried into the handler (logs, outbox rows); its duration is observed by
 * route pattern (`/api/v1/dossiers/:code`, never the raw URL; `unmatched` for an unknown path); and it is logged
 * once on completion (method, path as requested, status, time; no header, so no credential) when
 * `accessLogLevel` says so.
 */
export function observeRequests(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { duration } = app.get(HttpMetrics);
  const { ACCESS_LOG_SAMPLE: sample, ACCESS_LOG_SLOW_MS: slowMs } = readEnvironment(ObservabilityEnvironment);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_HEADER, request.id);
    done();
  });
  // After the body is read: the handler, Nest's guards and pipes run inside `done`, so inside this context.
  fastify.addHook('preHandler', (request, _reply, done) => RequestContext.run({ correlationId: request.id }, done));
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const route = request.routeOptions.url;
    duration.observe({ method: request.method, route: route ?? 'unmatched', status: String(status) }, reply.elapsedTime / 1000);
    const level = isProbe(request.url) ? null : accessLogLevel(status, reply.elapsedTime, { sample, slowMs });
    if (level) {
      PinoLogger.root[level](
        {
          correlationId: request.id,
          req: { method: request.method, url: request.url },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}

/** How many requests a service handles at once, and how long one may wait for its turn (`HTTP_MAX_IN_FLIGHT`, …). */
export interface AdmissionOptions {
  readonly maxInFlight: number;
  readonly maxQueueMs: number;
}

/**
 * The front door's bound (`Admission`): each request but the probes and scrapes takes a place before its body is
 * read and gives it back when its response is done (or the connection is gone); one that waited past the bound is
 * answered 503 `SERVICE.OVERLOADED` with `Retry-After`, having changed nothing.
 */
export function admitRequests(app: NestFastifyApplication, options: AdmissionOptions): Admission {
  const admission = new Admission(options.maxInFlight, options.maxQueueMs);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    if (isProbe(request.url)) return done();
    // The place is given back when the response is done or the connection is gone, whichever comes first, also
    // when the client went away while the request was still waiting for its turn ('close' has come and gone).
    let admitted = false;
    let gone = false;
    reply.raw.once('close', () => {
      gone = true;
      if (admitted) admission.leave();
    });
    const proceed = () => {
      admitted = true;
      if (gone) return admission.leave(); // nobody to answer: nothing is done
      done();
    };
    const turnAway = () => {
      if (gone) return;
      reply.header('Retry-After', '1');
      answerProblem(
        request,
        reply,
        'SERVICE.OVERLOADED',
        `More requests than the service takes at once waited over ${options.maxQueueMs} ms; nothing was done: retry after a second`,
      );
    };
    const entered = admission.enter();
    if (typeof entered === 'boolean') return entered ? proceed() : turnAway();
    void entered.then((ok) => (ok ? proceed() : turnAway()));
  });
  return admission;
}
