import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ObservabilityModule } from '@motcua/observability';
import { configureHttpApp, createHttpAdapter } from '@motcua/http';
import { createTestAuth, type TestAuth } from '../../testing/src/auth';
import { AuthModule } from './auth.module';
import { BearerAuthGuard } from './bearer-auth.guard';
import { CurrentPrincipal, Public, Roles, Scopes } from './decorators';
import { type Principal, Role } from './principal';

@Controller('api/v1')
class ProbeController {
  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles(Role.Receiver, Role.HeadOfDesk)
  @Get('desk/queue')
  queue() {
    return { items: [] };
  }

  @Scopes('dossiers:changes')
  @Get('changes')
  changes() {
    return { items: [] };
  }

  @Public()
  @Get('lookup')
  lookup(@CurrentPrincipal() principal: Principal | undefined) {
    return { caller: principal?.subject ?? null };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('bearer-token authentication over HTTP', () => {
  let auth: TestAuth;
  let app: NestFastifyApplication;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    auth = createTestAuth();
    Object.assign(process.env, auth.env, { LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({
      imports: [ObservabilityModule.forService({ service: 'workflow' }), AuthModule.forRoot(), ProbeModule],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bufferLogs: true });
    await configureHttpApp(app, { service: 'workflow', title: 'Workflow' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    auth?.cleanup();
    process.env = savedEnv;
  });

  const http = () => request(app.getHttpServer());

  it('answers a request without a token with 401 problem details and a Bearer challenge', async () => {
    const res = await http().get('/api/v1/me').expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toMatchObject({ status: 401, code: 'AUTH.TOKEN_MISSING', instance: '/api/v1/me' });
  });

  it('answers a bad token with 401', async () => {
    const res = await http().get('/api/v1/me').set('authorization', 'Bearer not.a.token').expect(401);
    expect(res.body).toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    const expired = await auth.token({ subject: 'officer-1', expiresIn: '-1m' });
    await http().get('/api/v1/me').set('authorization', `Bearer ${expired}`).expect(401);
  });

  it('accepts a good token and hands the principal to the handler', async () => {
    const token = await auth.token({ subject: 'officer-1', roles: [Role.Specialist], agencies: ['000.00.01.H26'] });
    const res = await http().get('/api/v1/me').set('authorization', `Bearer ${token}`).expect(200);
    expect(res.body).toEqual({
      subject: 'officer-1',
      kind: 'officer',
      roles: [Role.Specialist],
      agencies: ['000.00.01.H26'],
      scopes: [],
    });
  });

  it('refuses with 403 when the caller lacks every required role', async () => {
    const specialist = await auth.token({ subject: 'officer-2', roles: [Role.Specialist] });
    const res = await http().get('/api/v1/desk/queue').set('authorization', `Bearer ${specialist}`).expect(403);
    expect(res.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    const receiver = await auth.token({ subject: 'officer-3', roles: [Role.Receiver] });
    await http().get('/api/v1/desk/queue').set('authorization', `Bearer ${receiver}`).expect(200);
  });

  it('checks scopes for machine clients', async () => {
    const portal = await auth.token({ subject: 'national-portal', kind: 'machine', scopes: ['dossiers:changes'] });
    await http().get('/api/v1/changes').set('authorization', `Bearer ${portal}`).expect(200);
    const carrier = await auth.token({ subject: 'vnpost', kind: 'machine', scopes: ['shipments:webhook'] });
    await http().get('/api/v1/changes').set('authorization', `Bearer ${carrier}`).expect(403);
  });

  it('leaves @Public routes, health, metrics and docs open', async () => {
    await http().get('/api/v1/lookup').expect(200, { caller: null });
    const token = await auth.token({ subject: 'citizen-9', kind: 'citizen' });
    await http().get('/api/v1/lookup').set('authorization', `Bearer ${token}`).expect(200, { caller: 'citizen-9' });
    await http().get('/health/live').expect(200);
    await http().get('/metrics').expect(200);
    await http().get('/docs-json').expect(200);
  });

  it('refuses an expired or forged token on a @Public route too, rather than answering as to nobody', async () => {
    const expired = await auth.token({ subject: 'officer-1', roles: [Role.Receiver], expiresIn: '-1m' });
    for (const token of ['garbage', expired]) {
      const res = await http().get('/api/v1/lookup').set('authorization', `Bearer ${token}`).expect(401);
      expect(res.body).toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
      expect(res.headers['www-authenticate']).toContain('invalid_token');
    }
  });

  it('does not stand in the way of message handlers', async () => {
    const guard = app.get(BearerAuthGuard);
    const rpc = { getType: () => 'rpc' } as unknown as Parameters<BearerAuthGuard['canActivate']>[0];
    await expect(guard.canActivate(rpc)).resolves.toBe(true);
  });
});
