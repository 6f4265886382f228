import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components as IntakeComponents, paths as IntakePaths } from './generated/intake';
import type { paths as NationalPortalPaths } from './generated/national-portal';
import type { paths as NotificationPaths } from './generated/notification';
import type { paths as PostalDeliveryPaths } from './generated/postal-delivery';
import type { paths as WorkflowPaths } from './generated/workflow';

/** A problem-details body (RFC 9457) as every service answers an error, `application/problem+json`: switch on `code`. */
export type ProblemDetails = IntakeComponents['schemas']['ProblemDetails'];

export type IntakeClient = Client<IntakePaths>;
export type WorkflowClient = Client<WorkflowPaths>;
export type NotificationClient = Client<NotificationPaths>;
export type PostalDeliveryClient = Client<PostalDeliveryPaths>;
export type NationalPortalClient = Client<NationalPortalPaths>;

/** The bearer token: a fixed one, or a function asked before every request (a token the page refreshes); none for a public call. */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface ServiceClientOptions {
  /** Where the service answers: `https://api.motcua.hanoi.gov.vn/intake` behind the gateway, or the service itself. */
  readonly baseUrl: string;
  readonly token?: TokenSource;
  /** Another fetch (a test's, a framework's). */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/** Sends `Authorization: Bearer …` when there is a token, unless the call sets its own. */
export function bearerToken(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === 'function' ? await token() : token;
      if (value && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
}

/**
 * A fresh `Idempotency-Key` for one command. Make it once per command the user means, and send the same key again
 * when retrying it (a timeout, a 503 with `Retry-After`): the service then answers what it answered the first time
 * (`Idempotent-Replayed: true`) instead of doing it twice.
 */
export const newIdempotencyKey = (): string => crypto.randomUUID();

/** Whether a failed call's `error` is a problem-details body (and not, say, a proxy's HTML page). */
export function isProblem(error: unknown): error is ProblemDetails {
  return (
    typeof error === 'object' && error !== null && typeof (error as ProblemDetails).code === 'string' && typeof (error as ProblemDetails).status === 'number'
  );
}

function serviceClient<Paths extends object>(options: ServiceClientOptions): Client<Paths> {
  const client = createClient<Paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), ...(options.fetch ? { fetch: options.fetch } : {}) });
  if (options.token !== undefined) client.use(bearerToken(options.token));
  return client;
}

export const intakeClient = (options: ServiceClientOptions): IntakeClient => serviceClient<IntakePaths>(options);
export const workflowClient = (options: ServiceClientOptions): WorkflowClient => serviceClient<WorkflowPaths>(options);
export const notificationClient = (options: ServiceClientOptions): NotificationClient => serviceClient<NotificationPaths>(options);
export const postalDeliveryClient = (options: ServiceClientOptions): PostalDeliveryClient => serviceClient<PostalDeliveryPaths>(options);
export const nationalPortalClient = (options: ServiceClientOptions): NationalPortalClient => serviceClient<NationalPortalPaths>(options);

/** Each service's path behind the gateway (scripts/services.json's `gatewayPrefix`; a unit test keeps them equal). */
export const GATEWAY_PREFIXES = {
  intake: '/intake',
  workflow: '/workflow',
  notification: '/notification',
  'postal-delivery': '/postal',
  'national-portal': '/portal',
} as const;

export type ServiceName = keyof typeof GATEWAY_PREFIXES;

export interface MotcuaClient {
  readonly intake: IntakeClient;
  readonly workflow: WorkflowClient;
  readonly notification: NotificationClient;
  readonly postalDelivery: PostalDeliveryClient;
  readonly nationalPortal: NationalPortalClient;
}

export interface MotcuaClientOptions {
  /** The gateway (`https://api.motcua.hanoi.gov.vn`: each service under its prefix), or where each service answers. */
  readonly baseUrl: string | ((service: ServiceName) => string);
  readonly token?: TokenSource;
  readonly fetch?: (request: Request) => Promise<Response>;
}

/** One typed client per service, sharing the caller's token. */
export function createMotcuaClient({ baseUrl, ...options }: MotcuaClientOptions): MotcuaClient {
  const url = (service: ServiceName) => (typeof baseUrl === 'function' ? baseUrl(service) : `${baseUrl.replace(/\/+$/, '')}${GATEWAY_PREFIXES[service]}`);
  return {
    intake: intakeClient({ ...options, baseUrl: url('intake') }),
    workflow: workflowClient({ ...options, baseUrl: url('workflow') }),
    notification: notificationClient({ ...options, baseUrl: url('notification') }),
    postalDelivery: postalDeliveryClient({ ...options, baseUrl: url('postal-delivery') }),
    nationalPortal: nationalPortalClient({ ...options, baseUrl: url('national-portal') }),
  };
}
