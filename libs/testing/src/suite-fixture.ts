import { Client } from 'pg';
import type { DossierAccepted, PostalAddress } from '@motcua/contracts';
import { type MotcuaClient, createMotcuaClient } from '@motcua/client';
import { Role } from '../../auth/src/principal';
import { type TestAuth, createTestAuth } from './auth';
import { BIRTH_REGISTRATION_DOCUMENTS, aDeliveryAddress } from './builders';
import { publishEvent } from './events';
import { eventually } from './eventually';
import { type RunningSuite, startSuite } from './running-suite';
import { SERVICE_NAMES, type ServiceName } from './service-registry';
import { standIn } from './stand-in';

/**
 * What a test file gets from `useSuite`. `suite`, `auth` and `db(service)` may be taken at the file's top level:
 * they stand for what `beforeAll` starts, and are used inside tests and hooks.
 */
export interface SuiteFixture {
  readonly suite: RunningSuite;
  readonly auth: TestAuth;
  /** A `pg` Client on the service's database, connected before the tests and closed after them. */
  db(service: ServiceName): Client;
  /** The URL of a path of the service's API: `api('workflow')('/tasks')` is `<workflow>/api/v1/tasks`. */
  api(service: ServiceName): (path: string) => string;
  /** A token for the demo officer `<agency>.<role>.<n>`, with that one role at that one agency. */
  anOfficer(agency: string, role: Role, n?: number): Promise<string>;
  /** The typed client (libs/client) on the started services, sending `token` when given, as a frontend would. */
  client(token?: string): MotcuaClient;
}

/**
 * Starts the suite (only `services`, on fresh databases and a private topology, with `env` besides) with test auth before the file's
 * tests, opens a Client on each started service's database, and stops and removes it all after them. A file's own
 * `beforeAll` declared after this call runs once the suite is ready.
 */
export function useSuite(
  label: string,
  services: readonly ServiceName[] = SERVICE_NAMES,
  env: Record<string, string> | (() => Record<string, string>) = {},
): SuiteFixture {
  let auth: TestAuth | undefined;
  let suite: RunningSuite | undefined;
  const clients = new Map<ServiceName, Client>();

  beforeAll(async () => {
    auth = createTestAuth();
    // a function: called once what it names exists (a simulator started by an earlier beforeAll)
    // every response held against its service's OpenAPI document (docs/adr/019)
    suite = await startSuite(label, { ...auth.env, OPENAPI_RESPONSE_CHECK: 'true', ...(typeof env === 'function' ? env() : env) }, services);
    for (const service of services) {
      const client = new Client({ connectionString: suite.services[service].database.url });
      await client.connect();
      clients.set(service, client);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...clients.values()].map((client) => client.end()));
    const violations = suite?.contractViolations() ?? [];
    await suite?.stop();
    auth?.cleanup();
    if (violations.length > 0) throw new Error(`responses the OpenAPI documents do not describe:\n${violations.join('\n')}`);
  }, 60_000);

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useSuite('${label}'): no ${what} yet (use it inside a test or hook)`);
    return value;
  };
  const fixture: SuiteFixture = {
    suite: standIn(() => started(suite, 'suite')),
    auth: standIn(() => started(auth, 'auth')),
    db: (service) => standIn(() => started(clients.get(service), `database of ${service}`)),
    api: (service) => (path) => `${fixture.suite.url(service)}/api/v1${path}`,
    anOfficer: (agency, role, n = 1) => fixture.auth.token({ subject: `${agency}.${role}.${n}`, roles: [role], agencies: [agency] }),
    client: (token) => createMotcuaClient({ baseUrl: (service) => fixture.suite.url(service), token }),
  };
  return fixture;
}

/** A JSON body as a test reads it: of whatever shape the endpoint answers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON bodies of many shapes
export type AnyJson = any;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: AnyJson;
}

/** One request to a service's API: JSON in (when there is a body) and out, the bearer token when there is one. */
export async function callApi(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as AnyJson };
}

export interface Submission {
  desk: string;
  wardCode: string;
  fullName: string;
  /** Birth registration (1.001193) unless said. */
  procedureCode?: string;
  /** The birth registration's documents unless said. */
  documents?: readonly { code: string; name: string }[];
  /** More of the applicant (idNumber, email…). */
  applicant?: Record<string, unknown>;
  /** 1 (in person) unless said; 3 for a dossier the post brought. */
  channel?: number;
  /** 'desk' unless said; 'post' comes with a delivery address in the applicant's ward unless one is given. */
  returnMethod?: 'desk' | 'post' | 'electronic';
  deliveryAddress?: Partial<PostalAddress>;
  /** Channel 3: the pick-up order's waybill. */
  pickupWaybill?: string;
}

/** The body of a desk's receipt of a dossier (channel 1, returned at the desk, unless said). */
export const aSubmission = (s: Submission) => ({
  procedureCode: s.procedureCode ?? '1.001193',
  receivingAgencyCode: s.desk,
  channel: s.channel ?? 1,
  applicant: { fullName: s.fullName, ...s.applicant, wardCode: s.wardCode },
  documents: s.documents ?? BIRTH_REGISTRATION_DOCUMENTS,
  returnMethod: s.returnMethod ?? 'desk',
  ...(s.deliveryAddress || s.returnMethod === 'post'
    ? { deliveryAddress: s.deliveryAddress ?? aDeliveryAddress({ recipient: s.fullName, wardCode: s.wardCode }) }
    : {}),
  ...(s.pickupWaybill ? { pickupWaybill: s.pickupWaybill } : {}),
});

/** A desk receives a dossier over intake's REST API with `token` (its receiver's unless given); the answer. */
export async function receiveDossier(fixture: SuiteFixture, submission: Submission, token?: string): Promise<ApiAnswer> {
  return callApi('POST', fixture.api('intake')('/dossiers'), token ?? (await fixture.anOfficer(submission.desk, Role.Receiver)), aSubmission(submission));
}

/**
 * The dossier's task as the agency's task list shows it to `token`, once it is there: only the unowned ones (the
 * queue) with owner 'none', only the caller's with 'me', every one the caller may see without.
 */
export function taskInQueue(fixture: SuiteFixture, dossierCode: string, agency: string, token: string, owner?: 'none' | 'me'): Promise<AnyJson> {
  return eventually(async () => {
    const { body } = await callApi('GET', fixture.api('workflow')(`/tasks?agency=${agency}${owner ? `&owner=${owner}` : ''}&limit=100`), token);
    return body.items?.find((t: AnyJson) => t.dossierCode === dossierCode);
  }, `the task of ${dossierCode} at ${agency}`);
}

/** Claims the dossier's task at `agency` with `token` (its officer's), then does `action` on it: the answers. */
export async function claimAndAct(fixture: SuiteFixture, dossierCode: string, agency: string, token: string, action: string) {
  const workflow = fixture.api('workflow');
  const task = await taskInQueue(fixture, dossierCode, agency, token);
  const claimed = await callApi('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version });
  const done = await callApi('POST', workflow(`/tasks/${task.id}/actions`), token, { version: claimed.body.version, action });
  return { task, claimed, done };
}

/** Publishes `dossier` as intake would on accepting it, and waits for its first task in workflow's database. */
export async function firstTaskOf(
  fixture: SuiteFixture,
  dossier: DossierAccepted,
): Promise<{ id: string; version: number; role: string; dossierCode: string }> {
  await publishEvent(fixture.suite.prefix, dossier);
  const task = await eventually(
    async () =>
      (
        await fixture
          .db('workflow')
          .query<{ id: string; version: number; role: string }>(`SELECT id, version, role FROM task WHERE dossier_code = $1`, [dossier.dossierCode])
      ).rows[0],
    'the first task',
  );
  return { ...task, dossierCode: dossier.dossierCode };
}
