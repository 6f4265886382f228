import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ObservabilityModule } from '@motcua/observability';
import { configureHttpApp } from './http-app';
import { createHttpAdapter } from './http-server';

/** A handler that holds its request until the test lets it go. */
const held: (() => void)[] = [];
let handled = 0;

@Controller('api/v1/slow')
class SlowController {
  @Get()
  async slow(): Promise<{ handled: number }> {
    await new Promise<void>((resolve) => held.push(resolve));
    return { handled: ++handled };
  }
}

@Module({ imports: [ObservabilityModule.forService({ service: 'intake' })], controllers: [SlowController] })
class SlowModule {}

/** Resolves when `n` requests are being handled (held). */
async function heldCount(n: number): Promise<void> {
  for (let i = 0; i < 400 && held.length < n; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(held.length).toBe(n);
}

describe('the front door under overload', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SlowModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bufferLogs: true });
    await configureHttpApp(app, { service: 'intake', title: 'Intake', admission: { maxInFlight: 2, maxQueueMs: 300 } });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    for (const release of held.splice(0)) release();
    await app?.close();
  });

  it('handles the limit at once, queues the next in order, and turns away one that waited past the bound: 503, Retry-After, a problem, nothing done', async () => {
    const first = fetch(`${url}/api/v1/slow`);
    const second = fetch(`${url}/api/v1/slow`);
    await heldCount(2);
    const queued = fetch(`${url}/api/v1/slow`);
    const started = Date.now();
    const refused = await queued;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('x-correlation-id')).toBeTruthy();
    expect(await refused.json()).toEqual(expect.objectContaining({ status: 503, code: 'SERVICE.OVERLOADED', instance: '/api/v1/slow' }));
    expect(held.length).toBe(2); // the refused request never reached its handler

    // probes are never queued behind requests
    const live = await fetch(`${url}/health/live`);
    expect(live.status).toBe(200);

    // a place given back goes to the one waiting
    const waiting = fetch(`${url}/api/v1/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.shift()!();
    expect((await first).status).toBe(200);
    await heldCount(2);
    for (const release of held.splice(0)) release();
    expect((await second).status).toBe(200);
    expect((await waiting).status).toBe(200);
    expect(handled).toBe(3);
  });

  it('gives a place back when the client goes away mid-request', async () => {
    const controller = new AbortController();
    const abandoned = fetch(`${url}/api/v1/slow`, { signal: controller.signal }).catch(() => 'aborted');
    const kept = fetch(`${url}/api/v1/slow`);
    await heldCount(2);
    controller.abort();
    await abandoned;
    await new Promise((resolve) => setTimeout(resolve, 50));
    // the abandoned request's place is free again: a third is taken at once, not turned away
    const third = fetch(`${url}/api/v1/slow`);
    await heldCount(3);
    for (const release of held.splice(0)) release();
    expect((await kept).status).toBe(200);
    expect((await third).status).toBe(200);
  });

  it('gives a place back when the client went away while its request was waiting for its turn', async () => {
    const first = fetch(`${url}/api/v1/slow`);
    const second = fetch(`${url}/api/v1/slow`);
    await heldCount(2);
    const controller = new AbortController();
    const abandoned = fetch(`${url}/api/v1/slow`, { signal: controller.signal }).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(); // still queued: it never reached its handler
    await abandoned;
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.shift()!(); // its turn comes, and goes back at once
    expect((await first).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held.length).toBe(1);
    // both places are usable again: two more are taken at once
    const third = fetch(`${url}/api/v1/slow`);
    const fourth = fetch(`${url}/api/v1/slow`);
    held.shift()!();
    expect((await second).status).toBe(200);
    await heldCount(2);
    for (const release of held.splice(0)) release();
    expect((await third).status).toBe(200);
    expect((await fourth).status).toBe(200);
  });
});
