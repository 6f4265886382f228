import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyHelmet from '@fastify/helmet';
import { type ValidationOptions, registerDecorator } from 'class-validator';
import { answerProblem } from './http-server';

/** The request headers a browser may send the API (the preflight's `Access-Control-Allow-Headers`). */
export const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Lookup-Secret', 'X-Correlation-Id'] as const;
/** The response headers a page's script may read beside the safelisted ones (`Access-Control-Expose-Headers`). */
export const CORS_EXPOSED_HEADERS = ['Retry-After', 'Idempotent-Replayed', 'ETag', 'X-Correlation-Id', 'Location', 'WWW-Authenticate'] as const;
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** How long a browser keeps a preflight's answer (seconds): Chromium caps it at 2 hours, 10 minutes is plenty. */
export const CORS_MAX_AGE_SECONDS = 600;

export interface BrowserAccessOptions {
  /** The exact origins (`https://motcua.hanoi.gov.vn`) whose pages may call the API (`CORS_ORIGINS`); none by default. */
  readonly corsOrigins: readonly string[];
  /** `Strict-Transport-Security`'s max-age; none when 0 (the default: TLS ends at the gateway, which says it). */
  readonly hstsMaxAgeSeconds?: number;
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

/**
 * `CORS_ORIGINS` as a list of origins, or undefined when an entry is not an exact origin (a scheme, a host in lower
 * case, maybe a port; no path, no trailing slash, no wildcard): a browser sends its origin exactly so, and a
 * pattern would let a look-alike host in.
 */
export function parseCorsOrigins(value: string): string[] | undefined {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.every((entry) => ORIGIN.test(entry)) ? entries : undefined;
}

/** Validates an environment variable with `parseCorsOrigins`, so a bad value stops the service at start, named. */
export function IsCorsOrigins(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCorsOrigins',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be comma-separated origins (https://motcua.hanoi.gov.vn,http://localhost:5173)`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseCorsOrigins(value) !== undefined },
    });
}

/**
 * Cross-origin access for the allowed origins only (ADR 020). Their preflights are answered 204 by `@fastify/cors`
 * in the adapter's first request hook, before the correlation id, the front door and the JSON-only body rules: a
 * preflight takes no place in the queue and changes nothing. Their requests get `Access-Control-Allow-Origin` (their
 * origin, with `Vary: Origin`) and the exposed headers. Any other origin gets no CORS header at all, and its
 * preflight a 403 `CORS.ORIGIN_NOT_ALLOWED` problem: the browser refuses the call either way, and the developer
 * who opens the network tab reads why (a bare 404 or 204 would say nothing).
 * Call it before `admitRequests`, so that a refused preflight does not queue either.
 */
export function allowBrowserOrigins(app: NestFastifyApplication, origins: readonly string[]): void {
  const allowed = new Set(origins);
  if (allowed.size > 0) {
    app.enableCors({
      // `false` leaves the request alone: no header, and a preflight goes on to the refusal below
      origin: (origin: string | undefined, callback: (error: Error | null, allow: string | false) => void) =>
        callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
      methods: [...CORS_METHODS],
      allowedHeaders: [...CORS_REQUEST_HEADERS],
      exposedHeaders: [...CORS_EXPOSED_HEADERS],
      maxAge: CORS_MAX_AGE_SECONDS,
      // an OPTIONS with an allowed Origin but no Access-Control-Request-Method is answered like a preflight, not 400 text/plain
      strictPreflight: false,
    });
  }
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const origin = request.headers.origin;
      if (request.method !== 'OPTIONS' || !origin || !request.headers['access-control-request-method'] || allowed.has(origin)) return done();
      answerProblem(
        request,
        reply,
        'CORS.ORIGIN_NOT_ALLOWED',
        `Pages from ${origin} may not call this API from a browser: the origin is not in the service's CORS_ORIGINS`,
      );
    });
}

/** What a page needs to run: Swagger UI's own scripts and styles (it sets inline styles), its data-URI images, the document. */
const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** A JSON API loads nothing and is framed by nothing: should a response ever be rendered as a page, it runs nothing. */
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/**
 * Security headers on every response (`@fastify/helmet`): `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`
 * and CSP `frame-ancestors 'none'` (nothing frames the API or its docs), `Referrer-Policy: no-referrer`, the
 * cross-origin isolation headers, and a Content-Security-Policy: `default-src 'none'` for the API, and what Swagger UI
 * needs under /docs (its HTML, init script and assets are served from the service itself). HSTS only when
 * configured: the services speak plain HTTP behind the gateway, which ends TLS.
 * Call it before `SwaggerModule.setup`: the docs routes take their policy as they are added.
 */
export async function sendSecurityHeaders(app: NestFastifyApplication, options: { hstsMaxAgeSeconds?: number } = {}): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (route.url === '/docs' || route.url.startsWith('/docs/')) {
      Object.assign(route, { helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } } });
    }
  });
  const hsts = options.hstsMaxAgeSeconds ?? 0;
  await app.register(fastifyHelmet as Parameters<NestFastifyApplication['register']>[0], {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: hsts > 0 ? { maxAge: hsts, includeSubDomains: true } : false,
  });
}
