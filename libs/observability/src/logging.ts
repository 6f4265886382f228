import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { type DestinationStream, destination as pinoDestination } from 'pino';
import { RequestContext } from './request-context';

/**
 * nestjs-pino parameters: JSON lines with `service` and `correlationId` on every line, the id taken from
 * RequestContext (an HTTP request's, a consumed message's) by the mixin. Credentials are never logged.
 *
 * No per-request logger middleware (pino-http's) runs: on a busy service, a child logger and a middleware pass per
 * request cost more than the request's own logging. The request itself is logged once, on completion, by
 * `accessLogLevel`'s policy from the HTTP server's own hook.
 *
 * nestjs-pino keeps one pino instance per process: the first app's parameters win (one app per process in
 * production; in tests, one app per test file).
 */
export function loggerParams(o: { service: string; level: string; destination?: DestinationStream }): Params {
  const options: Options = {
    level: o.level,
    base: { service: o.service, pid: process.pid },
    mixin: (merged) => {
      if ('correlationId' in merged) return {};
      const correlationId = RequestContext.current()?.correlationId;
      return correlationId ? { correlationId } : {};
    },
    // the request line is logged as given (method, path, status): pino-http's standard serializers would read
    // what is not there, and copy every header if it were
    wrapSerializers: false,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  // Standard output, written asynchronously: a busy service does not stop for every log line, and lines that
  // pile up while a write is in flight go out together. pino flushes what is pending when the process exits.
  return { pinoHttp: [options, o.destination ?? pinoDestination({ dest: 1, sync: false })], forRoutes: [] };
}

/** Which completed requests are logged (`ACCESS_LOG_SAMPLE`, `ACCESS_LOG_SLOW_MS`). */
export interface AccessLogPolicy {
  /** The share of successful requests logged, 0 to 1 (1: every one). */
  readonly sample: number;
  /** A request slower than this is logged whatever its status. */
  readonly slowMs: number;
}

/**
 * The level a completed request is logged at, or null when it is not: every failure (5xx `error`, 4xx `warn`) but a
 * 503, every slow request, and a sample of the rest (`info`; 503s `warn`). At a thousand receipts a second, one line
 * each would be a log nobody reads and a tenth of the service's work; an operator turns the sample up to 1 to see
 * every request.
 */
export function accessLogLevel(
  status: number,
  elapsedMs: number,
  policy: AccessLogPolicy,
  random: () => number = Math.random,
): 'error' | 'warn' | 'info' | null {
  if (status >= 500 && status !== 503) return 'error';
  if (status >= 400 && status !== 503) return 'warn';
  const sampled = policy.sample >= 1 || random() < policy.sample;
  // 503: a request shed under overload or refused in an outage, already told by its cause: under a retry storm a
  // line each would be most of the work, so they are sampled too (the metrics count every one)
  if (status === 503) return sampled ? 'warn' : null;
  if (elapsedMs >= policy.slowMs) return 'info';
  return sampled ? 'info' : null;
}

/** Scrapes and probes, asked every few seconds: not worth a log line each, never queued behind requests. */
export function isProbe(path: string): boolean {
  return path === '/metrics' || path.startsWith('/health/');
}
