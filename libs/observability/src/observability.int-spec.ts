import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Body, Controller, Get, Injectable, Logger, Module, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import { Client } from 'pg';
import request from 'supertest';
import { PersistenceModule } from '@motcua/persistence';
import { ProblemDetailsException } from '@motcua/errors';
import { configureHttpApp, createHttpAdapter } from '@motcua/http';
import { ReadinessCheck } from './health';
import { ObservabilityModule } from './observability.module';
import { RequestContext } from './request-context';

class ApplicantDto {
  @IsString()
  @IsNotEmpty()
  fullName: string;
}

class SubmitDossierDto {
  @IsString()
  procedureCode: string;

  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;
}

@Controller('api/v1/dossiers')
class DossiersController {
  private readonly logger = new Logger('Dossiers');

  @Post()
  submit(@Body() dto: SubmitDossierDto) {
    this.logger.log(`received ${dto.procedureCode}`);
    return { correlationId: RequestContext.current()?.correlationId };
  }

  @Get(':code')
  find(@Param('code') code: string) {
    if (code === 'boom') throw new Error('connection string postgres://secret@db leaked?');
    throw new ProblemDetailsException({ status: 404, code: 'DOSSIER.NOT_FOUND', detail: code });
  }
}

/** Stands in for libs/messaging's broker check. */
@Injectable()
class BrokerReadiness extends ReadinessCheck {
  readonly name = 'broker';
  up = true;
  async check() {
    return { up: this.up, details: { connected: this.up } };
  }
}

@Module({ providers: [BrokerReadiness], exports: [BrokerReadiness] })
class MessagingStandIn {}

const server = `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const admin = async (sql: string) => {
  const client = new Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(sql).finally(() => client.end());
};

describe('observability over HTTP', () => {
  const database = `motcua_t_obs_${randomBytes(4).toString('hex')}`;
  const lines: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    process.env.DATABASE_URL = `${server}/${database}`;
    process.env.ACCESS_LOG_SAMPLE = '1'; // every request's line, to read it here
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forService({ service: 'intake', readinessChecks: [BrokerReadiness], logDestination: logStream }),
        PersistenceModule.forService({ service: 'intake', entities: [], migrations: [] }),
        MessagingStandIn,
      ],
      controllers: [DossiersController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bufferLogs: true });
    await configureHttpApp(app, { service: 'intake', title: 'Intake' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('answers a validation failure with 400 problem details naming the nested field', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/dossiers')
      .send({ procedureCode: '1.001193', applicant: { fullName: '' }, secretField: 1 })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://motcua.vn/problems/request-invalid',
      status: 400,
      code: 'REQUEST.INVALID',
      instance: '/api/v1/dossiers',
    });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'applicant.fullName', code: 'isNotEmpty' }),
        expect.objectContaining({ field: 'secretField', code: 'whitelistValidation' }),
      ]),
    );
    expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/nothing-here?x=1').set('x-correlation-id', 'corr-404').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-correlation-id']).toBe('corr-404');
    expect(res.body).toMatchObject({
      status: 404,
      code: 'HTTP.NOT_FOUND',
      title: 'Không tìm thấy',
      instance: '/api/v1/nothing-here',
      correlationId: 'corr-404',
    });
  });

  it('renders a domain problem as thrown', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/dossiers/H26-0001').expect(404);
    expect(res.body).toMatchObject({
      type: 'https://motcua.vn/problems/dossier-not-found',
      title: 'Không tìm thấy hồ sơ',
      code: 'DOSSIER.NOT_FOUND',
      detail: 'H26-0001',
    });
  });

  it('hides an unexpected error behind a 500 INTERNAL problem and logs it with the correlation id', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/dossiers/boom').set('x-correlation-id', 'corr-boom').expect(500);
    expect(res.body).toMatchObject({ status: 500, code: 'INTERNAL', title: 'Lỗi hệ thống', correlationId: 'corr-boom' });
    expect(JSON.stringify(res.body)).not.toContain('secret');
    expect(lines.some((l) => l.correlationId === 'corr-boom' && l.level === 50 && JSON.stringify(l).includes('leaked'))).toBe(true);
  });

  it('echoes x-correlation-id, exposes it to the handler, and stamps it on every log line of the request', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/dossiers')
      .set('x-correlation-id', 'corr-42')
      .set('authorization', 'Bearer do-not-log-me')
      .send({ procedureCode: '1.001193', applicant: { fullName: 'Nguyễn Văn A' } })
      .expect(201);
    expect(res.headers['x-correlation-id']).toBe('corr-42');
    expect(res.body).toEqual({ correlationId: 'corr-42' });

    const ours = lines.filter((l) => l.correlationId === 'corr-42');
    expect(ours.map((l) => l.msg)).toEqual(expect.arrayContaining(['received 1.001193', 'request completed']));
    expect(ours.every((l) => l.service === 'intake')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('do-not-log-me');
  });

  it('makes up a correlation id when the caller sends none (or an unusable one)', async () => {
    const fresh = await request(app.getHttpServer())
      .post('/api/v1/dossiers')
      .send({ procedureCode: 'x', applicant: { fullName: 'B' } });
    expect(fresh.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.body.correlationId).toBe(fresh.headers['x-correlation-id']);
    const odd = await request(app.getHttpServer())
      .post('/api/v1/dossiers')
      .set('x-correlation-id', 'a b<script>')
      .send({ procedureCode: 'x', applicant: { fullName: 'B' } });
    expect(odd.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is live, and ready while the database and every readiness check are up', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, broker: { status: 'up' } } });
  });

  it('is not ready (503) when a readiness check reports down', async () => {
    const broker = app.get(BrokerReadiness);
    broker.up = false;
    try {
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({ status: 'error', error: { broker: { status: 'down' } }, info: { database: { status: 'up' } } });
    } finally {
      broker.up = true;
    }
  });

  it('serves Prometheus metrics with the request duration histogram by route', async () => {
    await request(app.getHttpServer()).get('/api/v1/dossiers/H26-0002');
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{[^}]*method="GET"[^}]*route="\/api\/v1\/dossiers\/:code"[^}]*status="404"/);
    await request(app.getHttpServer()).get('/api/v1/no-such-route/42');
    const after = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(after.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="unmatched"[^}]*status="404"/);
    expect(after.text).not.toContain('no-such-route');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('answers a body it cannot read with problem details, and changes nothing', async () => {
    const probe = async (send: (r: request.Test) => request.Test) => {
      const res = await send(request(app.getHttpServer()).post('/api/v1/dossiers').set('x-correlation-id', 'corr-body'));
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: res.status, instance: '/api/v1/dossiers', correlationId: 'corr-body' });
      return res;
    };
    const malformed = await probe((r) => r.set('content-type', 'application/json').send('{"procedureCode": '));
    expect(malformed.status).toBe(400);
    const poisoned = await probe((r) => r.set('content-type', 'application/json').send('{"procedureCode": "x", "__proto__": {"admin": true}}'));
    expect(poisoned.status).toBe(400);
    // A client that sets the JSON content type on every call, body or not: no body, so the DTO names what is missing.
    const empty = await probe((r) => r.set('content-type', 'application/json'));
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'REQUEST.INVALID', errors: expect.arrayContaining([expect.objectContaining({ field: 'procedureCode' })]) });
    const unsupported = await probe((r) => r.set('content-type', 'application/xml').send('<dossier/>'));
    expect(unsupported.status).toBe(415);
    const huge = await probe((r) => r.send({ procedureCode: 'too-big', applicant: { fullName: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect(lines.some((l) => l.msg === 'received too-big')).toBe(false);
  });

  it('answers what the HTTP layer refuses before any handler with a stable REQUEST code, in Vietnamese', async () => {
    const post = () => request(app.getHttpServer()).post('/api/v1/dossiers').set('x-correlation-id', 'corr-framework');
    const cases: [string, Promise<request.Response>, number, string][] = [
      ['malformed JSON', post().set('content-type', 'application/json').send('{"procedureCode": '), 400, 'REQUEST.MALFORMED_JSON'],
      // text/plain used to be read as one string, reported as every field missing
      ['text/plain', post().set('content-type', 'text/plain').send('{"procedureCode": "1.001193"}'), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
      ['a form', post().type('form').send({ procedureCode: '1.001193' }), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
      ['XML', post().set('content-type', 'application/xml').send('<dossier/>'), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
      ['a body over 1 MiB', post().send({ procedureCode: 'x'.repeat(1024 * 1024) }), 413, 'REQUEST.BODY_TOO_LARGE'],
      ['a path segment over 100 characters', request(app.getHttpServer()).get(`/api/v1/dossiers/${'A'.repeat(101)}`), 414, 'REQUEST.URI_TOO_LONG'],
      ['a path that is not UTF-8', request(app.getHttpServer()).get('/api/v1/dossiers/%E0%A4%A'), 400, 'REQUEST.MALFORMED_URL'],
    ];
    for (const [what, sent, status, code] of cases) {
      const res = await sent;
      expect([what, res.status, res.headers['content-type']]).toEqual([what, status, expect.stringMatching(/^application\/problem\+json/)]);
      expect(res.body).toMatchObject({ status, code, type: `https://motcua.vn/problems/${code.toLowerCase().replace(/[._]/g, '-')}` });
      expect(res.body.title).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ]/);
      expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    }
    expect(lines.some((l) => l.correlationId === 'corr-framework' && typeof l.msg === 'string' && l.msg.startsWith('received'))).toBe(false);
  });

  it('answers a request line or headers too long for Node with a problem too (414, 431)', async () => {
    const longPath = await request(app.getHttpServer()).get(`/api/v1/${'a'.repeat(20_000)}`);
    expect(longPath.status).toBe(414);
    expect(longPath.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(longPath.body).toMatchObject({ status: 414, code: 'REQUEST.URI_TOO_LONG' });
    const longHeaders = await request(app.getHttpServer()).get('/api/v1/dossiers/H26-0005').set('x-padding', 'a'.repeat(20_000));
    expect(longHeaders.status).toBe(431);
    expect(longHeaders.body).toMatchObject({ status: 431, code: 'REQUEST.HEADERS_TOO_LARGE' });
  });

  it('refuses what no request may carry, naming the field, before the handler runs', async () => {
    const post = (raw: string) =>
      request(app.getHttpServer()).post('/api/v1/dossiers').set('content-type', 'application/json').set('x-correlation-id', 'corr-input').send(raw);
    const expectRefused = (res: request.Response, field: string, code: string) => {
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', errors: expect.arrayContaining([expect.objectContaining({ field, code })]) });
    };
    expectRefused(await post('{"procedureCode": "1.001193", "applicant": {"fullName": "Lan\\u0000"}}'), 'applicant.fullName', 'noNulCharacter');
    expectRefused(await post('{"procedureCode": "1.001193", "applicant": {"fullName": "Lan\\ud800"}}'), 'applicant.fullName', 'wellFormedText');
    // was "Body is not valid JSON", naming nothing
    expectRefused(
      await post('{"procedureCode": "1.001193", "applicant": {"fullName": "Lan", "__proto__": {"admin": true}}}'),
      'applicant.__proto__',
      'forbiddenKey',
    );
    // was a 500: class-transformer recursed until "Maximum call stack size exceeded"
    const deep = `{"procedureCode": "1.001193", "applicant": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expectRefused(await post(deep), `applicant${'.a'.repeat(31)}`, 'maxDepth');
    expectRefused(await post('['.repeat(5000) + ']'.repeat(5000)), Array(32).fill('0').join('.'), 'maxDepth');
    // a path parameter is checked as a body is
    const param = await request(app.getHttpServer()).get('/api/v1/dossiers/H26%00-0001');
    expectRefused(param, 'code', 'noNulCharacter');
    expect(lines.some((l) => l.correlationId === 'corr-input' && typeof l.msg === 'string' && l.msg.startsWith('received'))).toBe(false);
  });

  it('logs each request once, on completion, with its path as requested', async () => {
    await request(app.getHttpServer()).get('/api/v1/dossiers/H26-0003?x=1').set('x-correlation-id', 'corr-line').expect(404);
    const done = lines.filter((l) => l.correlationId === 'corr-line' && l.msg === 'request completed');
    expect(done).toEqual([expect.objectContaining({ req: { method: 'GET', url: '/api/v1/dossiers/H26-0003?x=1' }, res: { statusCode: 404 } })]);
    await request(app.getHttpServer()).get('/health/live').set('x-correlation-id', 'corr-probe').expect(200);
    expect(lines.some((l) => l.correlationId === 'corr-probe')).toBe(false);
  });

  it('routes a path with a trailing slash like the path without it', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/dossiers/H26-0004/').expect(404);
    expect(res.body).toMatchObject({ code: 'DOSSIER.NOT_FOUND', detail: 'H26-0004' });
  });

  it('serves the OpenAPI document with bearer auth declared', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(res.body.info.title).toBe('Intake');
    expect(res.body.paths['/api/v1/dossiers']).toBeDefined();
    expect(res.body.paths['/health/ready']).toBeUndefined();
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    await request(app.getHttpServer()).get('/docs').expect(200);
  });
});
