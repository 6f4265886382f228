import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, type NestInterceptor, UseInterceptors, applyDecorators } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IS_PUBLIC_KEY } from '@motcua/observability';
import type { Observable } from 'rxjs';

export interface CacheableOptions {
  /** How long a browser (and, for a public read, a shared cache) may use the answer before it asks again. */
  readonly maxAgeSeconds: number;
}

/** The `Cache-Control` of each cacheable read in flight, by its request: set by the interceptor, read by the hook. */
const cacheControlOf = new WeakMap<object, string>();

/**
 * Marks the request of a cacheable read with its `Cache-Control`: `public` when the route needs no token (anyone
 * may be given the same bytes, a shared cache too), `private` otherwise (the browser's own cache only: a shared
 * cache must not hand one caller's answer to another who might not see it).
 */
class CacheableRead implements NestInterceptor {
  constructor(private readonly options: CacheableOptions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const isPublic = [context.getHandler(), context.getClass()].some((target) => Reflect.getMetadata(IS_PUBLIC_KEY, target) === true);
    const scope = isPublic ? 'public' : 'private';
    cacheControlOf.set(context.switchToHttp().getRequest<object>(), `${scope}, max-age=${this.options.maxAgeSeconds}, must-revalidate`);
    return next.handle();
  }
}

/**
 * A read frontends poll (the catalogue: procedures, agencies, areas, templates): its 200 carries a strong `ETag`
 * (a hash of the exact bytes) and `Cache-Control: public|private, max-age=N, must-revalidate`; a request whose
 * `If-None-Match` names the current tag is answered 304 with no body. Never on anything personal or that changes
 * per dossier. The 304 and the `If-None-Match` header are in the operation's document.
 */
export const Cacheable = (options: CacheableOptions): MethodDecorator =>
  applyDecorators(
    UseInterceptors(new CacheableRead(options)),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The `ETag` of the answer the client has: when it is still the current one, the answer is 304 with no body.',
      schema: { type: 'string', example: '"Zk0pX1n2c3VwZXJ0YWc="' },
    }),
    ApiResponse({
      status: 304,
      description: `Not modified: the client's copy (its \`If-None-Match\`) is current; use it for another ${options.maxAgeSeconds} s.`,
      headers: {
        ETag: { description: 'The tag of the current answer', schema: { type: 'string' } },
        'Cache-Control': { description: 'How long the copy may be used before asking again', schema: { type: 'string' } },
      },
    }),
  );

/** RFC 9110 §13.1.2: `*`, or a list of tags, each compared weakly (`W/"x"` matches `"x"`). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Finishes the 200 of a `@Cacheable` read: its `ETag` and `Cache-Control`, and 304 when the client's copy is
 * current. An `onSend` hook, added before the response check's (`checkResponses`), which so sees the final status.
 */
export function answerConditionalReads(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const cacheControl = cacheControlOf.get(request);
      if (cacheControl === undefined || reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
      const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag).header('cache-control', cacheControl);
      if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return payload;
      reply.code(304).removeHeader('content-type').removeHeader('content-length');
      return '';
    });
}
