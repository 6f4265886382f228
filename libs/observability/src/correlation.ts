import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

/** What a caller may send as a correlation id: anything else (too long, odd characters) is replaced. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const resolved = Symbol('motcua.correlationId');

type WithCorrelation = IncomingMessage & { [resolved]?: string };

/**
 * The correlation id of an HTTP request: the caller's `x-correlation-id` when it is acceptable, else a new
 * uuid. Idempotent, so Fastify's request id and the logger (pino-http `genReqId`) agree whichever asks first.
 */
export function correlationIdFor(req: IncomingMessage): string {
  const r = req as WithCorrelation;
  const known = r[resolved];
  if (known) return known;
  const header = req.headers[CORRELATION_HEADER];
  const offered = Array.isArray(header) ? header[0] : header;
  const id = offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  r[resolved] = id;
  return id;
}
