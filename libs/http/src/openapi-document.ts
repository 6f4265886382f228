import { OPENAPI_PUBLIC_EXTENSION, OPENAPI_ROLES_EXTENSION, OPENAPI_SCOPES_EXTENSION } from '@motcua/auth';
import { PROBLEMS, PROBLEM_CODES_EXTENSION, PROBLEM_CONTENT_TYPE, problemType } from '@motcua/errors';
import { OPENAPI_METHODS } from './openapi-methods';
import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';

/** The problems an operation may answer by what it is, whatever its own rules say (ADR 019). */
export const COMMON_PROBLEMS = {
  /** Any request: a parameter or query refused (a NUL, a lone surrogate, a `__proto__` key), an outage, an overload. */
  every: ['REQUEST.INVALID', 'REQUEST.MALFORMED_URL', 'SERVICE.UNAVAILABLE', 'SERVICE.OVERLOADED'],
  /** An operation whose method may carry a body (the server reads and may refuse one even where none is expected). */
  withBody: ['REQUEST.MALFORMED_JSON', 'REQUEST.CONTENT_LENGTH_MISMATCH', 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'REQUEST.BODY_TOO_LARGE'],
  /** An operation that needs a bearer token. */
  authenticated: ['AUTH.TOKEN_MISSING', 'AUTH.TOKEN_INVALID'],
  /** A public operation: no token needed, but one that comes along must be valid. */
  public: ['AUTH.TOKEN_INVALID'],
  /** An operation for some roles or scopes only. */
  restricted: ['AUTH.FORBIDDEN'],
  /** An operation that takes an `Idempotency-Key`. */
  idempotent: ['IDEMPOTENCY.KEY_INVALID', 'IDEMPOTENCY.KEY_REUSED'],
  /** A page of a list, with its `cursor`. */
  paged: ['REQUEST.INVALID_CURSOR'],
} as const;

export const PROBLEM_SCHEMA_REF = '#/components/schemas/ProblemDetails';

const INTERNAL_EXTENSIONS = [PROBLEM_CODES_EXTENSION, OPENAPI_PUBLIC_EXTENSION, OPENAPI_ROLES_EXTENSION, OPENAPI_SCOPES_EXTENSION];

function isParameter(p: ParameterObject | ReferenceObject): p is ParameterObject {
  return !('$ref' in p);
}

const WITH_BODY = new Set(['post', 'put', 'patch', 'delete']);

/** Every problem code an operation may answer: its own (`@ApiProblems`) and those of its kind. */
export function problemCodesOf(operation: OperationObject, method = 'get'): string[] {
  const extensions = operation as unknown as Record<string, unknown>;
  const parameters = (operation.parameters ?? []).filter(isParameter);
  const isPublic = extensions[OPENAPI_PUBLIC_EXTENSION] === true;
  const restricted = !isPublic && (Array.isArray(extensions[OPENAPI_ROLES_EXTENSION]) || Array.isArray(extensions[OPENAPI_SCOPES_EXTENSION]));
  const codes = new Set<string>([
    ...((extensions[PROBLEM_CODES_EXTENSION] as string[] | undefined) ?? []),
    ...COMMON_PROBLEMS.every,
    ...(operation.requestBody || WITH_BODY.has(method) ? COMMON_PROBLEMS.withBody : []),
    ...(isPublic ? COMMON_PROBLEMS.public : COMMON_PROBLEMS.authenticated),
    ...(restricted ? COMMON_PROBLEMS.restricted : []),
    ...(parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key') ? COMMON_PROBLEMS.idempotent : []),
    ...(parameters.some((p) => p.in === 'query' && p.name === 'cursor') ? COMMON_PROBLEMS.paged : []),
  ]);
  return [...codes];
}

/** The `application/problem+json` response of one status: its codes listed, each with an example in Vietnamese. */
export function problemResponse(status: number, codes: readonly string[]): ResponseObject {
  return {
    description: codes.map((code) => `\`${code}\`: ${PROBLEMS[code].title}`).join('; '),
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: { allOf: [{ $ref: PROBLEM_SCHEMA_REF }, { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } }] },
        examples: Object.fromEntries(
          codes.map((code) => [code, { summary: PROBLEMS[code].title, value: { type: problemType(code), title: PROBLEMS[code].title, status, code } }]),
        ),
      },
    },
  };
}

function whoMayCall(extensions: Record<string, unknown>): string {
  if (extensions[OPENAPI_PUBLIC_EXTENSION] === true) return 'Public: no token needed (one that comes along must be valid).';
  const roles = extensions[OPENAPI_ROLES_EXTENSION] as string[] | undefined;
  const scopes = extensions[OPENAPI_SCOPES_EXTENSION] as string[] | undefined;
  const parts = [
    roles?.length ? `a caller with one of the roles ${roles.map((r) => `\`${r}\``).join(', ')}` : undefined,
    scopes?.length ? `a client with the scopes ${scopes.map((s) => `\`${s}\``).join(' ')}` : undefined,
  ].filter(Boolean);
  return `Who may call: ${parts.length ? parts.join(' and ') : 'any signed-in caller'} (bearer token).`;
}

/**
 * Finishes a service's document from what its decorators said (ADR 019): every operation gets its problem responses
 * (its own `@ApiProblems` and those of its kind, grouped by status, as `application/problem+json` with the codes
 * listed), its security requirement (public operations take a token optionally), and a "who may call" line.
 * Returns a new document; the internal extensions are gone from it.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  // A property typed by a type-only import is reflected as `Function` (tsc) or `Object` (ts-jest): an empty schema,
  // and a document that differs by compiler. Name the type in the decorator: `@ApiProperty({ type: () => X })`.
  const unnamed = ['Function', 'Object'].filter((name) => document.components?.schemas?.[name]);
  if (unnamed.length > 0) {
    throw new Error(`OpenAPI: a property's type was reflected as ${unnamed.join(' and ')}: give it \`type: () => TheClass\` in its @ApiProperty`);
  }
  const done: OpenAPIObject = structuredClone(document);
  for (const item of Object.values(done.paths)) {
    for (const method of OPENAPI_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const extensions = operation as unknown as Record<string, unknown>;
      const byStatus = new Map<number, string[]>();
      for (const code of problemCodesOf(operation, method)) {
        const { status } = PROBLEMS[code];
        byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      }
      const responses: OperationObject['responses'] = {};
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) responses[status] = response;
      }
      for (const status of [...byStatus.keys()].sort()) responses[String(status)] = problemResponse(status, byStatus.get(status)!);
      operation.responses = responses;
      operation.security = extensions[OPENAPI_PUBLIC_EXTENSION] === true ? [{}, { bearer: [] }] : [{ bearer: [] }];
      const who = whoMayCall(extensions);
      operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
      for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
    }
  }
  return done;
}

const FORWARDED_PREFIX = /^\/[a-z0-9-]+$/;

/**
 * The document as served to one request: behind the gateway (`X-Forwarded-Prefix: /intake`) its server is the
 * prefix, so "Try it out" and generated clients reach the service through the gateway; directly, the root.
 */
export function documentForPrefix(document: OpenAPIObject, forwardedPrefix: string | string[] | undefined): OpenAPIObject {
  const prefix = (Array.isArray(forwardedPrefix) ? forwardedPrefix[0] : forwardedPrefix)?.replace(/\/+$/, '');
  if (!prefix || !FORWARDED_PREFIX.test(prefix)) return document;
  return { ...document, servers: [{ url: prefix, description: 'through the gateway' }] };
}
