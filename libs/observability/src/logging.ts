import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { type DestinationStream, destination as pinoDestination, symbols } from 'pino';
import { correlationIdFor } from './correlation';
import { RequestContext } from './request-context';

/**
 * nestjs-pino parameters: JSON lines with `service` and `correlationId` on every line. Inside an HTTP request
 * the request logger carries the id; anywhere else (a consumed message, a scheduler tick) the mixin adds it
 * from RequestContext. Credentials are never logged.
 *
 * nestjs-pino keeps one pino-http instance per process: the first app's parameters win (one app per process
 * in production; in tests, one app per test file).
 */
export function loggerParams(o: { service: string; level: string; destination?: DestinationStream }): Params {
  const options: Options = {
    level: o.level,
    base: { service: o.service, pid: process.pid },
    genReqId: (req: IncomingMessage) => correlationIdFor(req),
    // Lines logged while handling a request carry just the id; the request itself is logged once, on completion.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    mixin: (_merge, _level, logger) => {
      const correlationId = RequestContext.current()?.correlationId;
      if (!correlationId) return {};
      const bound = (logger as unknown as Record<symbol, string | undefined>)[symbols.chindingsSym] ?? '';
      return bound.includes('"correlationId"') ? {} : { correlationId };
    },
    // One lean line per request: method, path, status and time. No headers are logged at all, so credentials
    // (Authorization, cookies, lookup secrets) cannot leak, and a busy desk's log costs little.
    wrapSerializers: false, // the standard serializers would copy every header first
    serializers: {
      req: (req: { method?: string; originalUrl?: string; url?: string }) => ({ method: req.method, url: req.originalUrl ?? req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // The path as requested: a middleware's `req.url` is what is left of it after the middleware's own path.
    autoLogging: { ignore: (req) => isProbe((req as { originalUrl?: string }).originalUrl ?? req.url ?? '') },
  };
  // Standard output, written asynchronously: a busy service does not stop for every log line, and lines that
  // pile up while a write is in flight go out together. pino flushes what is pending when the process exits.
  return {
    pinoHttp: [options, o.destination ?? pinoDestination({ dest: 1, sync: false })],
    // Every path (path-to-regexp v8), in the form Fastify's middleware matcher accepts; no global prefix is used.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  };
}

/** Scrapes and probes, asked every few seconds: not worth a log line each. */
function isProbe(path: string): boolean {
  return path === '/metrics' || path.startsWith('/health/');
}
