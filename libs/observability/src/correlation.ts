import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { RequestContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/** What a caller may send as a correlation id: anything else (too long, odd characters) is replaced. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const resolved = Symbol('motcua.correlationId');

type WithCorrelation = IncomingMessage & { [resolved]?: string; id?: unknown };

/**
 * The correlation id of an HTTP request: the caller's `x-correlation-id` when it is acceptable, else a new
 * uuid. Idempotent, so the logger (pino-http `genReqId`) and the middleware agree whichever runs first; the
 * id is echoed in the response header.
 */
export function correlationIdFor(req: IncomingMessage, res: ServerResponse): string {
  const r = req as WithCorrelation;
  const known = r[resolved];
  if (known) return known;
  const header = req.headers[CORRELATION_HEADER];
  const offered = Array.isArray(header) ? header[0] : header;
  const id = offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  r[resolved] = id;
  if (!res.headersSent) res.setHeader(CORRELATION_HEADER, id);
  return id;
}

/** Runs the rest of the request inside RequestContext, so handlers, logs and outbox rows see the id. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const correlationId = correlationIdFor(req, res);
    RequestContext.run({ correlationId }, () => next());
  }
}
