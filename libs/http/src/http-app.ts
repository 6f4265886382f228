import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { type AdmissionOptions, admitRequests, observeRequests } from './http-server';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsFilter, ProblemDetailsSchema, Refusal, problemOf } from '@motcua/errors';
import { completeOpenApiDocument, documentForPrefix } from './openapi-document';
import { type ContractViolation, ResponseContract } from './response-contract';
import { validationPipe } from './validation';
import { type BrowserAccessOptions, allowBrowserOrigins, sendSecurityHeaders } from './browser-access';
import { answerConditionalReads } from './cacheable';

export interface HttpAppOptions {
  service: string;
  title: string;
  description?: string;
  version?: string;
  /** The front door's bound (none when absent): see `admitRequests`. */
  admission?: AdmissionOptions;
  /** Which origins' pages may call the API, and HSTS (`CORS_ORIGINS`, `HSTS_MAX_AGE_SECONDS`): none by default. */
  browsers?: BrowserAccessOptions;
  /** Hold every response against the service's own OpenAPI document (the tests: `OPENAPI_RESPONSE_CHECK`). */
  checkResponses?: boolean;
}

const documents = new WeakMap<object, OpenAPIObject>();
const violations = new WeakMap<object, ContractViolation[]>();

/** The service's OpenAPI document, as served at /docs-json (without a gateway's prefix). */
export function openApiDocumentOf(app: NestFastifyApplication): OpenAPIObject {
  const document = documents.get(app.getHttpAdapter().getInstance());
  if (!document) throw new Error('configureHttpApp has not run on this app');
  return document;
}

/** The responses the app gave that its document does not describe, when it checks them (`checkResponses`). */
export function responseContractViolations(app: NestFastifyApplication): readonly ContractViolation[] {
  return violations.get(app.getHttpAdapter().getInstance()) ?? [];
}

/** What names a service's OpenAPI document: its title, description and version. */
export type OpenApiInfo = Pick<HttpAppOptions, 'service' | 'title' | 'description' | 'version'>;

/**
 * The service's OpenAPI document, completed (`completeOpenApiDocument`), as `configureHttpApp` serves it at /docs-json.
 * It reads only the app's modules and decorators: an app created with `preview: true` (nothing instantiated, no
 * database or broker) gives the same document, which is how `npm run openapi` writes docs/openapi/.
 */
export function buildOpenApiDocument(app: INestApplication, o: OpenApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(o.title)
    .setDescription(o.description ?? `${o.service} service`)
    .setVersion(o.version ?? '1')
    .addServer('/', 'this service, directly')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A token from the identity provider: an officer’s, a citizen’s or a partner system’s',
      },
      'bearer',
    )
    .addSecurityRequirements('bearer')
    .build();
  return completeOpenApiDocument(SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsSchema] }));
}

/**
 * The HTTP conventions every service shares: pino as Nest's logger, the validation pipe, problem-details
 * errors, correlation ids and request metrics, CORS for the allowed origins and security headers, OpenAPI at /docs
 * (JSON at /docs-json) and graceful shutdown.
 * Create the app on `createHttpAdapter()` with `{ bufferLogs: true }` so start-up logs also go through pino.
 */
export async function configureHttpApp(app: NestFastifyApplication, o: HttpAppOptions): Promise<void> {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  observeRequests(app);
  allowBrowserOrigins(app, o.browsers?.corsOrigins ?? []);
  await sendSecurityHeaders(app, { hstsMaxAgeSeconds: o.browsers?.hstsMaxAgeSeconds });
  if (o.admission) admitRequests(app, o.admission);
  // before the response check's own onSend hook (below), which so sees a 304 as it is sent
  answerConditionalReads(app);

  const document = buildOpenApiDocument(app, o);
  const fastify = app.getHttpAdapter().getInstance();
  documents.set(fastify, document);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    patchDocumentOnRequest: (request, _response, served) =>
      documentForPrefix(served, (request as { headers: Record<string, string | string[] | undefined> }).headers['x-forwarded-prefix']),
  });
  if (o.checkResponses) checkResponses(app, document);
}

/**
 * Every response of a route the document describes is checked before it is sent; one the document does not
 * describe is logged and answered instead as a 500 `CONTRACT.RESPONSE_UNDOCUMENTED` saying what differs, so the test
 * that caused it fails there (and the violation is kept: `responseContractViolations`).
 */
function checkResponses(app: NestFastifyApplication, document: OpenAPIObject): void {
  const contract = new ResponseContract(document);
  const fastify = app.getHttpAdapter().getInstance();
  const found: ContractViolation[] = [];
  violations.set(fastify, found);
  fastify.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!route || !contract.describes(request.method, route)) return payload;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : payload == null ? undefined : null;
    if (body === null) return payload; // a stream: its status and type are still the handler's, its body is not read here
    const violation = contract.check(request.method, route, reply.statusCode, reply.getHeader('content-type') as string | undefined, body);
    if (!violation) return payload;
    found.push(violation);
    // pino's root logger, as the access lines (Fastify's own request logger is off)
    PinoLogger.root.error({ contractViolation: violation }, `OPENAPI CONTRACT VIOLATION: ${violation.operation} ${violation.status}: ${violation.problem}`);
    const problem = problemOf(new Refusal('CONTRACT.RESPONSE_UNDOCUMENTED', `${violation.operation} answered ${violation.status}: ${violation.problem}`));
    reply.code(problem.status).header('content-type', PROBLEM_CONTENT_TYPE);
    return JSON.stringify(problem);
  });
}
