import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ObservabilityModule } from '@motcua/observability';
import { configureHttpApp } from './http-app';
import { createHttpAdapter } from './http-server';

const DESK = 'https://motcua.hanoi.gov.vn';
const STRANGER = 'https://motcua-hanoi.example.com';
let handled = 0;

@Controller('api/v1/dossiers')
class DossiersController {
  @Get()
  list(): { items: string[] } {
    handled++;
    return { items: ['000.00.01.H26-260105-0001'] };
  }

  @Post()
  receive(@Body() body: unknown): unknown {
    handled++;
    return body;
  }
}

@Module({ imports: [ObservabilityModule.forService({ service: 'intake' })], controllers: [DossiersController] })
class DeskModule {}

async function serve(origins: string[]): Promise<{ app: NestFastifyApplication; url: string }> {
  const moduleRef = await Test.createTestingModule({ imports: [DeskModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bufferLogs: true });
  // four places at the door and none to wait: twenty preflights at once that took places would be turned away
  await configureHttpApp(app, { service: 'intake', title: 'Intake', admission: { maxInFlight: 4, maxQueueMs: 0 }, browsers: { corsOrigins: origins } });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

const preflight = (url: string, origin: string) =>
  fetch(`${url}/api/v1/dossiers`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
  });

describe('a browser calling the API', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => ({ app, url } = await serve([DESK, 'http://localhost:5173'])));
  afterAll(async () => app?.close());

  it('answers a preflight from an allowed origin 204: that origin, the methods, the headers the API takes, a max-age; nothing handled', async () => {
    const before = handled;
    const response = await preflight(url, DESK);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(DESK);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Idempotency-Key, X-Lookup-Secret, X-Correlation-Id');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(await response.text()).toBe('');
    expect(handled).toBe(before);
  });

  it('lets the allowed page read the answer and the headers it needs: the origin, the exposed headers', async () => {
    const response = await fetch(`${url}/api/v1/dossiers`, { headers: { origin: 'http://localhost:5173' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After, Idempotent-Replayed, ETag, X-Correlation-Id, Location, WWW-Authenticate');
  });

  it('gives another origin no CORS header, and refuses its preflight 403 CORS.ORIGIN_NOT_ALLOWED, saying why', async () => {
    const response = await fetch(`${url}/api/v1/dossiers`, { headers: { origin: STRANGER } });
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const refused = await preflight(url, STRANGER);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await refused.json()).toEqual(
      expect.objectContaining({ status: 403, code: 'CORS.ORIGIN_NOT_ALLOWED', detail: expect.stringContaining(STRANGER), instance: '/api/v1/dossiers' }),
    );
  });

  it('takes no place at the door for preflights: many at once, then a request is still let in at once', async () => {
    const answers = await Promise.all([...Array(20).keys()].map((i) => preflight(url, i % 2 ? DESK : STRANGER)));
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(10).fill(204), ...Array(10).fill(403)]);
    expect((await fetch(`${url}/api/v1/dossiers`)).status).toBe(200);
  });

  it('sends the security headers on the API: a strict CSP, no framing, no sniffing, no referrer; no HSTS unless configured', async () => {
    for (const response of [await fetch(`${url}/api/v1/dossiers`), await fetch(`${url}/api/v1/unknown`)]) {
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-correlation-id')).toBeTruthy();
    }
  });

  it('still serves Swagger UI at /docs, under a CSP that lets its own scripts, styles and images run', async () => {
    const page = await fetch(`${url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    // the page runs no inline script: every script is one of its own files, each served
    expect(html).not.toMatch(/<script>/);
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const src of scripts) {
      const script = await fetch(new URL(src, `${url}/docs`));
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
      await script.arrayBuffer();
    }
    const styles = [...html.matchAll(/<link rel="stylesheet" type="text\/css" href="([^"]+)"/g)].map((m) => m[1]);
    expect(styles.length).toBeGreaterThanOrEqual(1);
    // every body read: one left unread holds its response open, and the app's close waits for it (a 60 s hang)
    for (const href of styles) {
      const style = await fetch(new URL(href, `${url}/docs`));
      expect(style.status).toBe(200);
      await style.arrayBuffer();
    }
    const openapi = await fetch(`${url}/docs-json`);
    expect(openapi.status).toBe(200);
    await openapi.arrayBuffer();
  });
});

describe('a service with no CORS_ORIGINS', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => ({ app, url } = await serve([])));
  afterAll(async () => app?.close());

  it('allows no origin: no header on a request, every preflight refused', async () => {
    const response = await fetch(`${url}/api/v1/dossiers`, { headers: { origin: DESK } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(url, DESK)).status).toBe(403);
  });
});
