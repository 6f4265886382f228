import { Controller, Get, Module, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { Public } from '@motcua/auth';
import { ApiProblems, Refusal } from '@motcua/errors';
import { ObservabilityModule } from '@motcua/observability';
import { Cacheable, matchesIfNoneMatch } from './cacheable';
import { configureHttpApp, openApiDocumentOf, responseContractViolations } from './http-app';
import { createHttpAdapter } from './http-server';

class ProcedureView {
  @ApiProperty({ example: '1.001193' })
  code: string;

  @ApiProperty({ example: 'Đăng ký khai sinh' })
  name: string;
}

let name = 'Đăng ký khai sinh';

@Controller('api/v1/catalogue')
class CatalogueController {
  @Get('procedures/:code')
  @Public()
  @Cacheable({ maxAgeSeconds: 60 })
  @ApiOkResponse({ type: ProcedureView })
  @ApiProblems('CATALOGUE.PROCEDURE_NOT_FOUND')
  procedure(@Param('code') code: string): ProcedureView {
    if (code !== '1.001193') throw new Refusal('CATALOGUE.PROCEDURE_NOT_FOUND', `No procedure ${code}`);
    return { code, name };
  }

  @Get('agencies')
  @Cacheable({ maxAgeSeconds: 300 })
  @ApiOkResponse({ type: [ProcedureView] })
  agencies(): ProcedureView[] {
    return [{ code: '004.01.20.H26', name: 'Ủy ban nhân dân phường Trúc Bạch' }];
  }
}

@Module({ imports: [ObservabilityModule.forService({ service: 'workflow' })], controllers: [CatalogueController] })
class CatalogueModule {}

describe('a catalogue read a frontend polls', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CatalogueModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bufferLogs: true });
    await configureHttpApp(app, { service: 'workflow', title: 'Workflow', checkResponses: true });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    const violations = responseContractViolations(app);
    await app?.close();
    expect(violations).toEqual([]);
  });

  it('answers with a strong ETag and a short Cache-Control, public when no token is needed, private otherwise', async () => {
    const first = await fetch(`${url}/api/v1/catalogue/procedures/1.001193`);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(await first.json()).toEqual({ code: '1.001193', name: 'Đăng ký khai sinh' });

    const agencies = await fetch(`${url}/api/v1/catalogue/agencies`);
    expect(agencies.headers.get('cache-control')).toBe('private, max-age=300, must-revalidate');
  });

  it('answers 304 with no body while the client’s copy is current, and the new answer with a new tag once it changed', async () => {
    const { headers } = await fetch(`${url}/api/v1/catalogue/procedures/1.001193`);
    const etag = headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await fetch(`${url}/api/v1/catalogue/procedures/1.001193`, { headers: { 'if-none-match': ifNoneMatch } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
      expect(await again.text()).toBe('');
    }
    name = 'Đăng ký khai sinh (thủ tục liên thông)';
    const changed = await fetch(`${url}/api/v1/catalogue/procedures/1.001193`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as ProcedureView).name).toBe(name);
  });

  it('caches no error: a 404 carries neither tag nor Cache-Control', async () => {
    const missing = await fetch(`${url}/api/v1/catalogue/procedures/9.999999`, { headers: { 'if-none-match': '*' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    expect(missing.headers.get('cache-control')).toBeNull();
  });

  it('documents the 304 and If-None-Match on the operation', () => {
    const operation = openApiDocumentOf(app).paths['/api/v1/catalogue/procedures/{code}'].get!;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '304']));
    expect(operation.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'If-None-Match', in: 'header' })]));
  });
});

describe('If-None-Match', () => {
  it('is compared weakly, as a list, with * for any', () => {
    expect(matchesIfNoneMatch('"a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('W/"a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('"b" , "a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('"b"', '"a"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"a"')).toBe(false);
  });
});
