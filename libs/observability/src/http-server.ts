import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { CORRELATION_HEADER, correlationIdFor } from './correlation';
import { HttpMetrics } from './metrics';
import { RequestContext } from './request-context';
import type { TrustProxy } from './trust-proxy';

export interface HttpAdapterOptions {
  /** Proxies whose `X-Forwarded-For` gives `request.ip` (the gateway's); none by default (`TRUST_PROXY`). */
  trustProxy?: TrustProxy;
}

/**
 * The HTTP server of every service: Nest on Fastify (ADR 001). Fastify's request id is the correlation id, so
 * Fastify, pino-http and the problem details agree on it; `/tasks/` is `/tasks`, as frontends expect; a request
 * still being sent after 5 minutes is dropped (Node's default, which Fastify turns off); `request.ip` is the
 * client's address as the trusted proxies report it (the peer of the connection when none is trusted).
 */
export function createHttpAdapter(options: HttpAdapterOptions = {}): FastifyAdapter {
  const adapter = new FastifyAdapter({
    genReqId: correlationIdFor,
    routerOptions: { ignoreTrailingSlash: true },
    requestTimeout: 300_000,
    trustProxy: options.trustProxy ?? false,
  });
  // A JSON request with an empty body (a client that sets the content type on every call) is a request with no
  // body, as it was on Express: the DTO then names the missing fields, and a command without a body still runs.
  // Anything else is parsed by Fastify's own JSON parser (prototype poisoning refused).
  const json = adapter.getInstance().getDefaultJsonParser('error', 'error');
  adapter.useBodyParser('application/json', false, {}, (request, body, done) =>
    body.length === 0 ? done(null, undefined) : json(request, body.toString('utf8'), done),
  );
  return adapter;
}

/**
 * What every request goes through, on Fastify's own lifecycle: its correlation id is echoed at once (so a
 * rejected request has it too) and carried into the handler (logs, outbox rows), and its duration is observed
 * by route pattern (`/api/v1/dossiers/:code`, never the raw URL; `unmatched` for an unknown path).
 */
export function observeRequests(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { duration } = app.get(HttpMetrics);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_HEADER, request.id);
    done();
  });
  // After the body is read: the handler, Nest's guards and pipes run inside `done`, so inside this context.
  fastify.addHook('preHandler', (request, _reply, done) => RequestContext.run({ correlationId: request.id }, done));
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
