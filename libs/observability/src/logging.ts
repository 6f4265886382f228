import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { type DestinationStream, symbols } from 'pino';
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
    genReqId: (req: IncomingMessage, res: ServerResponse) => correlationIdFor(req, res),
    // Lines logged while handling a request carry just the id; the request itself is logged once, on completion.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    mixin: (_merge, _level, logger) => {
      const correlationId = RequestContext.current()?.correlationId;
      if (!correlationId) return {};
      const bound = (logger as unknown as Record<symbol, string | undefined>)[symbols.chindingsSym] ?? '';
      return bound.includes('"correlationId"') ? {} : { correlationId };
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-lookup-secret"]', 'res.headers["set-cookie"]'],
      remove: true,
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/metrics' || req.url?.startsWith('/health/') === true },
  };
  return { pinoHttp: o.destination ? [options, o.destination] : options };
}
