import type { DynamicModule } from '@nestjs/common';
import { Logger, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import fc from 'fast-check';
import { Role } from '@motcua/auth';
import { BIRTH_REGISTRATION_DOCUMENTS, SERVICE_NAMES, type ServiceName, eventually, useSuite } from '@motcua/testing';

/**
 * Bad input is never a 500. Every write endpoint (POST, PUT, PATCH, DELETE) of every service, as its served OpenAPI
 * document lists it, gets thousands of arbitrary bodies and of near-valid ones (a body that passes validation with
 * one thing broken: a field removed, a wrong type, a NUL, a lone surrogate, nesting thousands deep, a `__proto__`
 * key, a huge string, another content type, a path parameter no one would send), from a caller whose roles pass
 * every role check so that validation is really reached. Each answer must be a 4xx problem (never a 5xx, always
 * `application/problem+json` with a stable code, the fields named when it is REQUEST.INVALID), and a refused request
 * must write nothing: no row in any table (the outbox included) of any service's database.
 *
 * The valid bodies each endpoint's mutations start from are refused at the very end, after validation and most of
 * the use case (a missing required document, a stale version, an agency that does not exist): so no request of a
 * batch is accepted, and the row counts of every table must be the same after the batch as before it. An endpoint
 * without a body of its own here gets one made from its OpenAPI schema, so a new endpoint is covered at once.
 *
 * Deterministic: FUZZ_SEED (default below) seeds fast-check, which prints the seed and the path of any failure;
 * FUZZ_RUNS sets the bodies per endpoint.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 300);
const ARBITRARY_SHARE = 0.3;

const DESK = '004.01.20.H26'; // phường Trúc Bạch's committee: its desk receives birth registrations from ward 00004
const UNKNOWN_AGENCY = '999.99.99.H26';
const UNKNOWN_PROCEDURE = '9.999999';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Endpoint {
  readonly service: ServiceName;
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document writes it: `/api/v1/tasks/{id}/claim`. */
  readonly path: string;
}

/** What is sent: a path (parameters filled in, percent-encoded), a body as bytes or text, and its content type. */
interface Probe {
  readonly params: Record<string, string>;
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  readonly idempotencyKey?: string;
}

/** A valid body for the endpoint and path parameters that make the use case refuse it at the end. */
interface Seed {
  readonly params: Record<string, string>;
  readonly body?: Json;
}

describe('bad input at every write endpoint', () => {
  // what writes on its own is off (the deadline watch, notification's dispatcher) while row counts are compared
  const fixture = useSuite('request-fuzz', SERVICE_NAMES, { WATCH_INTERVAL_MS: '0', DELIVERY_POLL_INTERVAL_MS: '0', LOG_LEVEL: 'warn' });
  const { suite, auth, db } = fixture;
  let token: string;
  const tables = new Map<ServiceName, string[]>();
  let dossierCode: string;
  let taskId: string;

  beforeAll(async () => {
    // Every role at the desk: every role check passes, so what refuses a request is its validation or its use case.
    token = await auth.token({ subject: `${DESK}.receiver.1`, roles: Object.values(Role), agencies: [DESK] });
    // A real dossier with its first task, for the commands that name one.
    const receipt = await send('intake', 'POST', '/api/v1/dossiers', {
      params: {},
      body: JSON.stringify({ ...SUBMISSION, documents: BIRTH_REGISTRATION_DOCUMENTS }),
      contentType: 'application/json',
    });
    expect(receipt.status).toBe(201);
    dossierCode = (receipt.body as { code: string }).code;
    taskId = await eventually(
      async () => {
        const { rows } = await db('workflow').query<{ id: string }>(
          `SELECT t.id FROM task t JOIN dossier_case c ON c.id = t.case_id WHERE c.dossier_code = $1`,
          [dossierCode],
        );
        return rows[0]?.id;
      },
      'the first task of the dossier',
      20_000,
    );
    for (const service of SERVICE_NAMES) {
      const { rows } = await db(service).query<{ name: string }>(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
      tables.set(
        service,
        rows.map((r) => r.name),
      );
    }
    await quiet();
  }, 120_000);

  async function send(
    service: ServiceName,
    method: string,
    path: string,
    probe: Probe,
  ): Promise<{ status: number; contentType: string; body: unknown; text: string }> {
    const url = suite.url(service) + path.replace(/\{(\w+)\}/g, (_, name: string) => probe.params[name] ?? 'x');
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (probe.contentType) headers['content-type'] = probe.contentType;
    if (probe.idempotencyKey) headers['idempotency-key'] = probe.idempotencyKey;
    const response = await fetch(url, { method, headers, body: probe.body });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let body: unknown = text;
    if (contentType.includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        // left as text: the assertion says what was wrong with it
      }
    }
    return { status: response.status, contentType, body, text };
  }

  /** Rows in every table of every service's database, as `intake.outbox_message: 3`. */
  async function rowCounts(): Promise<Record<string, number>> {
    const counts = await Promise.all(
      SERVICE_NAMES.map(async (service) => {
        const names = tables.get(service)!;
        const { rows } = await db(service).query<Record<string, number>>(
          `SELECT ${names.map((name, i) => `(SELECT count(*) FROM ${name})::int AS t${i}`).join(', ')}`,
        );
        return names.map((name, i) => [`${service}.${name.replace(/"/g, '')}`, rows[0][`t${i}`]] as const);
      }),
    );
    return Object.fromEntries(counts.flat());
  }

  /** Waits until no row changes anywhere for a second: what an accepted request set off has settled. */
  async function quiet(): Promise<Record<string, number>> {
    let last = await rowCounts();
    let stableSince = Date.now();
    const deadline = Date.now() + 30_000;
    while (Date.now() - stableSince < 1_000) {
      if (Date.now() > deadline) throw new Error('the suite kept writing for 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = await rowCounts();
      if (JSON.stringify(now) !== JSON.stringify(last)) stableSince = Date.now();
      last = now;
    }
    return last;
  }

  /** Valid bodies the use case refuses at its end (see the file's comment); the path parameters that make it so. */
  function seedOf(endpoint: Endpoint, document: OpenApi): Seed {
    const stale = 999; // no task or case here is at version 999: a valid command is refused 409
    const seeds: Record<string, Seed> = {
      // the identity document is missing: 422 DOSSIER.DOCUMENTS_MISSING after the catalogue checks
      'intake POST /api/v1/dossiers': { params: {}, body: { ...SUBMISSION, documents: BIRTH_REGISTRATION_DOCUMENTS.slice(0, 2) } },
      // the dossier waits for no supplement: 409
      'intake POST /api/v1/dossiers/{code}/supplements': {
        params: { code: dossierCode },
        body: { documents: [{ code: 'GCS', name: 'Giấy chứng sinh', copies: 1 }], note: 'Bổ sung bản chính' },
      },
      'workflow POST /api/v1/tasks/{id}/claim': { params: { id: taskId }, body: { version: stale } },
      'workflow POST /api/v1/tasks/{id}/assign': { params: { id: taskId }, body: { version: stale, officerId: `${DESK}.specialist.2` } },
      'workflow POST /api/v1/tasks/{id}/release': { params: { id: taskId }, body: { version: stale } },
      'workflow POST /api/v1/tasks/{id}/actions': {
        params: { id: taskId },
        body: { version: stale, action: 'request_supplement', note: 'Thiếu giấy chứng sinh bản chính', missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }] },
      },
      'workflow POST /api/v1/tasks/{id}/extension': {
        params: { id: taskId },
        body: { version: stale, reason: 'Cần xác minh tại cơ sở y tế nơi sinh', newAppointmentAt: '2027-01-15T17:00:00+07:00' },
      },
      'workflow POST /api/v1/dossiers/{code}/withdrawal': { params: { code: dossierCode }, body: { version: stale, reason: 'Người nộp có đơn xin rút hồ sơ' } },
      'workflow PUT /api/v1/dossiers/{code}/coordinator': { params: { code: dossierCode }, body: { version: stale, officerId: `${DESK}.receiver.2` } },
      // no such officer: 404
      'workflow PUT /api/v1/officers/{id}/status': { params: { id: `${DESK}.specialist.99` }, body: { status: 'on_leave' } },
      // no such agency: 404 after the hours are checked
      'workflow PUT /api/v1/agencies/{code}/office-hours': {
        params: { code: UNKNOWN_AGENCY },
        body: {
          officeHours: [
            { start: '07:00', end: '11:00' },
            { start: '13:00', end: '17:00' },
          ],
        },
      },
      // no such procedure: 404 after the definition is checked
      'workflow POST /api/v1/procedures/{code}/versions': {
        params: { code: UNKNOWN_PROCEDURE },
        body: {
          steps: [
            { number: 1, name: 'Tiếp nhận hồ sơ', agency: { kind: 'receiving' }, role: 'receiver', budgetHours: 4, actions: ['forward'] },
            { number: 2, name: 'Ký kết quả', agency: { kind: 'fixed', agencyCode: DESK }, role: 'leader', budgetHours: 8, actions: ['sign'] },
          ],
        },
      },
      'workflow POST /api/v1/procedures/{code}/deactivate': { params: { code: UNKNOWN_PROCEDURE } },
      // the body is another year's schedule: 422 after it is read whole
      'workflow PUT /api/v1/calendar/years/{year}': {
        params: { year: '2099' },
        body: { year: 2098, source: 'Thông báo của Bộ Nội vụ', daysOff: [{ date: '2098-01-01', name: 'Tết Dương lịch' }], workingDays: [] },
      },
    };
    return seeds[`${endpoint.service} ${endpoint.method} ${endpoint.path}`] ?? seedFromSchema(endpoint, document);
  }

  it('documents every write route of every controller in its OpenAPI document', async () => {
    const served = new Set(
      (await Promise.all(SERVICE_NAMES.map((service) => writeEndpointsOf(service)))).flat().map((e) => `${e.service} ${e.method} ${e.path}`),
    );
    const modules = appModules();
    const declared = (
      await Promise.all(SERVICE_NAMES.map(async (service) => (await controllerWriteRoutes(modules[service])).map((route) => `${service} ${route}`)))
    ).flat();
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((route) => !served.has(route))).toEqual([]);
  });

  it('refuses the malformed requests that were 500s or silently misread, naming the field, and writes nothing', async () => {
    const before = await rowCounts();
    const json = (body: unknown): Probe => ({ params: {}, body: typeof body === 'string' ? body : JSON.stringify(body), contentType: 'application/json' });
    const refused = async (service: ServiceName, method: string, path: string, probe: Probe, field: string, rule: string) => {
      const answer = await send(service, method, path, probe);
      const what = `${method} ${path} ${typeof probe.body === 'string' ? probe.body.slice(0, 80) : ''}`;
      expect([what, answer.status, answer.contentType]).toEqual([what, 400, expect.stringMatching(/^application\/problem\+json/)]);
      expect([what, answer.body]).toEqual([
        what,
        expect.objectContaining({ code: 'REQUEST.INVALID', errors: expect.arrayContaining([expect.objectContaining({ field, code: rule })]) }),
      ]);
    };
    const submission = { ...SUBMISSION, documents: BIRTH_REGISTRATION_DOCUMENTS };
    const { applicant: _applicant, ...withoutApplicant } = submission;
    await refused('intake', 'POST', '/api/v1/dossiers', json(withoutApplicant), 'applicant', 'isObject');
    await refused('intake', 'POST', '/api/v1/dossiers', json({ ...submission, documents: [['TK-KS'], ['GCS']] }), 'documents', 'isObject');
    await refused(
      'intake',
      'POST',
      '/api/v1/dossiers',
      json({ ...submission, applicant: { ...SUBMISSION.applicant, fullName: '   ' } }),
      'applicant.fullName',
      'isNotBlank',
    );
    await refused(
      'intake',
      'POST',
      '/api/v1/dossiers',
      json({ ...submission, applicant: { ...SUBMISSION.applicant, fullName: 'Lý Thị\u0000 Hạnh' } }),
      'applicant.fullName',
      'noNulCharacter',
    );
    await refused(
      'intake',
      'POST',
      '/api/v1/dossiers',
      json({ ...submission, applicant: { ...SUBMISSION.applicant, address: 'Trúc Bạch \ud800' } }),
      'applicant.address',
      'wellFormedText',
    );
    const deep = `{"procedureCode": "1.001193", "applicant": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    await refused('intake', 'POST', '/api/v1/dossiers', json(deep), `applicant${'.a'.repeat(31)}`, 'maxDepth');
    await refused(
      'intake',
      'POST',
      '/api/v1/dossiers',
      json(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(submission).slice(1)}`),
      '__proto__',
      'forbiddenKey',
    );
    await refused(
      'workflow',
      'POST',
      `/api/v1/dossiers/${dossierCode}/withdrawal`,
      json({ version: 1, reason: 'Rút hồ sơ\u0000' }),
      'reason',
      'noNulCharacter',
    );
    await refused('workflow', 'PUT', '/api/v1/officers/a%00b/status', json({ status: 'on_leave' }), 'id', 'noNulCharacter');
    await refused('workflow', 'PUT', '/api/v1/calendar/years/abc', json({}), 'year', 'isInt');
    // An instant without its offset was read as UTC (11:00 became 18:00 in Hà Nội): every date input refuses it.
    await refused('workflow', 'GET', '/api/v1/calendar/deadline?from=2026-11-26T11:00:00&value=8&unit=working_hours', { params: {} }, 'from', 'isInstant');
    await refused('workflow', 'GET', `/api/v1/tasks?agency=${DESK}&dueBefore=2026-12-01T17:00:00`, { params: {} }, 'dueBefore', 'isInstant');
    await refused('workflow', 'GET', '/api/v1/statistics?from=2026-13-45&to=2026-12-31', { params: {} }, 'from', 'isCalendarDate');
    await refused(
      'workflow',
      'POST',
      `/api/v1/tasks/${taskId}/extension`,
      json({ version: 1, reason: 'Cần xác minh', newAppointmentAt: '2027-01-15T17:00:00' }),
      'newAppointmentAt',
      'isInstant',
    );
    const deadline = await send('workflow', 'GET', '/api/v1/calendar/deadline?from=2026-11-26T11:00:00%2B07:00&value=8&unit=working_hours', { params: {} });
    expect([deadline.status, (deadline.body as { from: string }).from]).toEqual([200, '2026-11-26T11:00:00.000+07:00']);

    const plain = await send('intake', 'POST', '/api/v1/dossiers', { params: {}, body: JSON.stringify(submission), contentType: 'text/plain' });
    expect([plain.status, plain.contentType, (plain.body as { code: string }).code]).toEqual([
      415,
      expect.stringMatching(/^application\/problem\+json/),
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    ]);
    const longPath = await send('intake', 'GET', `/api/v1/dossiers/${'0'.repeat(500)}`, { params: {} });
    expect([longPath.status, longPath.contentType, (longPath.body as { code: string }).code]).toEqual([
      414,
      expect.stringMatching(/^application\/problem\+json/),
      'REQUEST.URI_TOO_LONG',
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers arbitrary and near-valid bodies with a 4xx problem, never a 5xx, and writes nothing for them', async () => {
    const endpoints = (await Promise.all(SERVICE_NAMES.map((service) => writeEndpointsOf(service)))).flat();
    const documents = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (service) => [service, await openApiOf(service)] as const)));
    expect(endpoints.length).toBeGreaterThan(10);
    let thrown = 0;
    let accepted = 0;
    const statuses = new Map<number, number>();
    let before = await rowCounts();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(SERVICE_NAMES.map((service) => `${service}.outbox_message`)));

    for (const [index, endpoint] of endpoints.entries()) {
      const name = `${endpoint.method} ${endpoint.path} (${endpoint.service})`;
      const seed = seedOf(endpoint, documents[endpoint.service]);
      // the starting point passes validation: each mutation is one step from a valid body
      const start = await send(endpoint.service, endpoint.method, endpoint.path, { params: seed.params, ...jsonBody(seed.body) });
      expect([name, start.status < 500, [400, 413, 414, 415].includes(start.status)]).toEqual([name, true, false]);
      let acceptedHere = start.status < 300 ? 1 : 0;

      const probes = fc.oneof(
        { weight: Math.round(ARBITRARY_SHARE * 100), arbitrary: arbitraryProbe(seed) },
        { weight: Math.round((1 - ARBITRARY_SHARE) * 100), arbitrary: nearValidProbe(seed) },
      );
      await fc.assert(
        fc.asyncProperty(probes, async (probe) => {
          thrown += 1;
          const answer = await send(endpoint.service, endpoint.method, endpoint.path, probe);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status < 300) {
            acceptedHere += 1;
            return;
          }
          const problem = answer.body as { status?: unknown; code?: unknown; errors?: { field?: unknown }[] };
          const what = `${name} answered ${answer.status} ${answer.contentType} ${answer.text.slice(0, 300)}`;
          if (answer.status >= 500) throw new Error(what);
          if (!answer.contentType.startsWith('application/problem+json')) throw new Error(`not problem details: ${what}`);
          if (problem.status !== answer.status || typeof problem.code !== 'string' || !/^[A-Z]+(\.[A-Z_]+)+$/.test(problem.code)) {
            throw new Error(`no stable code: ${what}`);
          }
          if (problem.code === 'REQUEST.INVALID' && !(problem.errors?.length && problem.errors.every((e) => typeof e.field === 'string'))) {
            throw new Error(`no field named: ${what}`);
          }
        }),
        { seed: SEED + index, numRuns: RUNS_PER_ENDPOINT, endOnFailure: true },
      );

      if (acceptedHere > 0) {
        // something was accepted (an endpoint without a seed of its own): what it wrote is not a refusal's
        accepted += acceptedHere;
        before = await quiet();
        continue;
      }
      const after = await rowCounts();
      const changed = Object.keys(after)
        .filter((table) => after[table] !== before[table])
        .map((table) => `${table}: ${before[table]} → ${after[table]}`);
      expect([name, changed]).toEqual([name, []]);
      before = after;
    }

    const byStatus = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(', ');
    console.log(`request fuzz (seed ${SEED}): ${thrown} bodies at ${endpoints.length} write endpoints; ${byStatus}; ${accepted} accepted`);
    expect(thrown).toBeGreaterThanOrEqual(endpoints.length * RUNS_PER_ENDPOINT);
  }, 110_000);

  /** The write endpoints a service's served OpenAPI document lists. */
  async function writeEndpointsOf(service: ServiceName): Promise<Endpoint[]> {
    const document = await openApiOf(service);
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter((method): method is Endpoint['method'] => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
        .map((method) => ({ service, method, path })),
    );
  }

  async function openApiOf(service: ServiceName): Promise<OpenApi> {
    const response = await fetch(`${suite.url(service)}/docs-json`);
    expect(response.status).toBe(200);
    return (await response.json()) as OpenApi;
  }
});

const SUBMISSION = {
  procedureCode: '1.001193',
  receivingAgencyCode: DESK,
  channel: 1,
  applicant: {
    fullName: 'Lý Thị Hạnh',
    idNumber: '001190012345',
    phone: '0912345678',
    email: 'hanh@example.vn',
    address: 'Số 12 phố Phó Đức Chính, phường Trúc Bạch',
    wardCode: '00004',
  },
  returnMethod: 'desk',
};

/**
 * Each service's root module, as its main.ts starts it. Loaded quietly (required here, not imported above): declaring
 * every service's module registers one TypeORM data source per service under one name in this process, which Nest
 * warns about (nothing here starts them).
 */
function appModules(): Record<ServiceName, unknown> {
  Logger.overrideLogger(['error']);
  try {
    const load = (service: ServiceName) => jest.requireActual<{ AppModule: unknown }>(`../apps/${service}/src/app.module`).AppModule;
    return Object.fromEntries(SERVICE_NAMES.map((service) => [service, load(service)]));
  } finally {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']);
  }
}

/** `POST /api/v1/tasks/{id}/claim` for every POST/PUT/PATCH/DELETE handler of every controller the module imports. */
async function controllerWriteRoutes(root: unknown): Promise<string[]> {
  const WRITES: Partial<Record<RequestMethod, string>> = {
    [RequestMethod.POST]: 'POST',
    [RequestMethod.PUT]: 'PUT',
    [RequestMethod.PATCH]: 'PATCH',
    [RequestMethod.DELETE]: 'DELETE',
  };
  const seen = new Set<unknown>();
  const routes: string[] = [];
  const visit = async (entry: unknown): Promise<void> => {
    const resolved = entry instanceof Promise ? await entry : entry;
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    const dynamic = typeof resolved === 'function' ? undefined : (resolved as DynamicModule);
    const moduleClass = dynamic ? dynamic.module : resolved;
    if (!moduleClass) return;
    const controllers = [...((Reflect.getMetadata('controllers', moduleClass) as Function[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
    for (const controller of controllers) {
      for (const base of pathsOf(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (typeof handler !== 'function') continue;
          const method = WRITES[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          if (!method) continue;
          for (const path of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) routes.push(`${method} ${openApiPath(base, path)}`);
        }
      }
    }
    for (const imported of [...((Reflect.getMetadata('imports', moduleClass) as unknown[] | undefined) ?? []), ...(dynamic?.imports ?? [])])
      await visit(imported);
  };
  await visit(root);
  return routes;
}

const pathsOf = (metadata: unknown): string[] => (Array.isArray(metadata) ? metadata.map(String) : [metadata === undefined ? '' : String(metadata)]);

/** `api/v1/tasks` + `:id/claim` → `/api/v1/tasks/{id}/claim`, as @nestjs/swagger writes it. */
function openApiPath(base: string, path: string): string {
  const joined = `/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, '');
  return joined.replace(/:(\w+)/g, '{$1}') || '/';
}

interface OpenApi {
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; schema?: { type?: string } }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

interface Schema {
  $ref?: string;
  type?: string;
  example?: unknown;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  nullable?: boolean;
  allOf?: Schema[];
}

/** For an endpoint without a seed of its own: a body from its schema's examples, and its path parameters filled in. */
function seedFromSchema(endpoint: Endpoint, document: OpenApi): Seed {
  const operation = document.paths[endpoint.path][endpoint.method.toLowerCase()];
  const params = Object.fromEntries(
    (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema?.type === 'number' ? '2099' : 'X-1']),
  );
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return { params, body: schema ? exampleOf(schema, document, 0) : undefined };
}

function exampleOf(schema: Schema, document: OpenApi, depth: number): Json {
  if (depth > 8) return null;
  if (schema.$ref) return exampleOf(document.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}, document, depth + 1);
  if (schema.allOf?.length) return exampleOf(schema.allOf[0], document, depth + 1);
  if (schema.example !== undefined) return schema.example as Json;
  if (schema.enum?.length) return schema.enum[0] as Json;
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, exampleOf(property, document, depth + 1)]));
    case 'array':
      return schema.items ? [exampleOf(schema.items, document, depth + 1)] : [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'string':
      return schema.format === 'date-time' ? '2026-11-26T10:00:00+07:00' : 'x';
    default:
      return schema.properties ? exampleOf({ ...schema, type: 'object' }, document, depth) : null;
  }
}

const jsonBody = (body: Json | undefined): Pick<Probe, 'body' | 'contentType'> =>
  body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' };

// ---- what is thrown ----

/** Stands for a value to be written as raw JSON text after serialisation (deep nesting, which JSON.stringify would recurse into). */
const RAW = '\u0001raw:';

/** JSON text of a value; a key `__proto__` stays an ordinary key (defined, not assigned), a RAW string becomes its text. */
function serialise(value: Json): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string' && v.startsWith(RAW)) {
      raw.push(v.slice(RAW.length));
      return `${RAW}${raw.length - 1}`;
    }
    return v;
  });
  return text.replace(/"\\u0001raw:(\d+)"/g, (_, i: string) => raw[Number(i)]);
}

const deepText = (depth: number, kind: 'array' | 'object') =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Strings no request should carry, and some it may. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '   \t ',
    '\u00a0',
    'a\u0000b',
    '\u0000',
    'a\ud800b',
    '\udfff',
    'Nguyễn\u0301',
    '💥'.repeat(3),
    '<script>',
    "'; DROP TABLE task; --",
    '%00',
    '\\u0000',
  ),
  fc.integer({ min: 101, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 3, arbitrary: nastyString },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, [], {}, [[]], [null], ['x'], [{}]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 33, max: 10_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([n, kind]) => `${RAW}${deepText(n, kind)}`),
  },
);

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'a\u0000', '\ud800', 'x'.repeat(5000)),
  fc.string({ maxLength: 20 }),
);

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json-patch+json',
  'text/html',
];

/** Path parameters no one would send: a NUL, a lone surrogate, too long, not UTF-8, a dot segment. */
const nastyParam = fc.constantFrom('a%00b', '%ED%A0%80', 'x'.repeat(101), '%E0%A4%A', '%2e%2e', '%20', 'nguy%E1%BB%85n', '%F0%9F%92%A5', '0', '-1', '1e309');

function arbitraryProbe(seed: Seed): fc.Arbitrary<Probe> {
  const params = fc.constant(seed.params);
  return fc.oneof(
    // any JSON at all, objects with hostile keys, raw text, raw bytes
    fc.record({ params, body: (fc.jsonValue() as fc.Arbitrary<Json>).map(serialise), contentType: fc.constant('application/json') }),
    fc.record({
      params,
      body: fc
        .array(fc.tuple(hostileKey, nastyValue), { maxLength: 6 })
        .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serialise(v)}`).join(',')}}`),
      contentType: fc.constant('application/json'),
    }),
    fc.record({ params, body: fc.string({ unit: 'binary', maxLength: 200 }), contentType: fc.constantFrom('application/json', ...WRONG_CONTENT_TYPES) }),
    fc.record({ params, body: fc.uint8Array({ maxLength: 200 }), contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8') }),
  );
}

function nearValidProbe(seed: Seed): fc.Arbitrary<Probe> {
  const valid = seed.body ?? {};
  const paths = pathsIn(valid);
  const idempotencyKey = fc.option(fc.uuid(), { nil: undefined });
  const json = (body: Json) => ({ body: serialise(body), contentType: 'application/json' });
  return fc.oneof(
    // a field removed
    fc.record({ params: fc.constant(seed.params), at: fc.constantFrom(...paths), idempotencyKey }).map(({ params, at, idempotencyKey: key }) => ({
      params,
      idempotencyKey: key,
      ...json(changedAt(valid, at, 'remove')),
    })),
    // a field of the wrong type, a nasty string, deep nesting, null, huge
    fc
      .record({ params: fc.constant(seed.params), at: fc.constantFrom(...paths), value: nastyValue, idempotencyKey })
      .map(({ params, at, value, idempotencyKey: key }) => ({
        params,
        idempotencyKey: key,
        ...json(changedAt(valid, at, { value })),
      })),
    // a key no field has (`__proto__`, `constructor`…) in the body or a nested object
    fc
      .record({ params: fc.constant(seed.params), at: fc.constantFrom(...objectPaths(valid)), key: hostileKey, value: nastyValue })
      .map(({ params, at, key, value }) => ({
        params,
        ...json(changedAt(valid, at, { key, value })),
      })),
    // the valid body sent as something else than JSON
    fc.record({ params: fc.constant(seed.params), contentType: fc.constantFrom(...WRONG_CONTENT_TYPES), body: fc.constant(serialise(valid)) }),
    // a path parameter no one would send, with the valid body
    ...(Object.keys(seed.params).length
      ? [
          fc.record({ name: fc.constantFrom(...Object.keys(seed.params)), value: nastyParam }).map(({ name, value }) => ({
            params: { ...seed.params, [name]: value },
            ...json(valid),
          })),
        ]
      : []),
  );
}

type Path = (string | number)[];

/** Every place in a JSON value where a mutation can apply: the value itself ([]) and each field and item in it. */
function pathsIn(value: Json, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsIn(item, [...at, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...at, key]))];
  return here;
}

function objectPaths(value: Json): Path[] {
  return pathsIn(value).filter((path) => {
    const node = nodeAt(value, path);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
}

function nodeAt(value: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], value);
}

/** A copy of `value` with the thing at `path` removed, replaced, or (for an object) given one more key. */
function changedAt(value: Json, path: Path, change: 'remove' | { value: Json } | { key: string; value: Json }): Json {
  const copy = structuredClone(value);
  if (path.length === 0) {
    if (change === 'remove') return {};
    if ('key' in change) return withKey(copy, change.key, change.value);
    return change.value;
  }
  const parent = nodeAt(copy, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const last = path[path.length - 1];
  if (change === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if ('key' in change) {
    (parent as Record<string | number, Json>)[last] = withKey((parent as Record<string | number, Json>)[last], change.key, change.value);
  } else {
    (parent as Record<string | number, Json>)[last] = change.value;
  }
  return copy;
}

/** Adds a key as JSON.parse would make it: defined as an own field, so that `__proto__` is a key, not a prototype. */
function withKey(target: Json, key: string, value: Json): Json {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}
