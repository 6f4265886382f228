import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { OPENAPI_METHODS } from './openapi-methods';

/**
 * A change from one version of an OpenAPI document to the next that can break a client written against the older:
 * what it answered is gone or looser than it promised, or what it accepted is now refused.
 */
export interface BreakingChange {
  /** `GET /api/v1/dossiers/{code}` (or the path alone, for a removed path). */
  readonly operation: string;
  /** Where in the operation: `response 200 body.applicant.fullName`, `query limit`. */
  readonly where: string;
  readonly change: string;
}

type Schema = SchemaObject | ReferenceObject;
/** What a client reads (a response) or sends (a request): a change breaks it the other way round. */
type Direction = 'response' | 'request';

const isRef = (value: unknown): value is ReferenceObject => typeof value === 'object' && value !== null && '$ref' in value;

/** `#/components/schemas/Dossier` → the schema, `#/components/parameters/X` → the parameter, in `document`. */
function resolve<T>(document: OpenAPIObject, value: T | ReferenceObject | undefined, seen = new Set<string>()): T | undefined {
  if (!isRef(value)) return value;
  if (seen.has(value.$ref)) return undefined;
  seen.add(value.$ref);
  let target: unknown = document;
  for (const part of value.$ref.replace(/^#\//, '').split('/'))
    target = (target as Record<string, unknown> | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  return resolve<T>(document, target as T | ReferenceObject | undefined, seen);
}

/** The schema with its `allOf` parts folded in (properties, required), as a client sees one object. */
function flatten(document: OpenAPIObject, schema: Schema | undefined): SchemaObject | undefined {
  const resolved = resolve<SchemaObject>(document, schema);
  if (!resolved?.allOf) return resolved;
  const { allOf, ...own } = resolved;
  const parts = allOf.map((part) => flatten(document, part)).filter((part): part is SchemaObject => part !== undefined);
  return {
    ...Object.assign({}, ...parts),
    ...own,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), own.properties ?? {}),
    required: [...new Set([...parts.flatMap((p) => p.required ?? []), ...(own.required ?? [])])],
  };
}

const typeOf = (schema: SchemaObject): string | undefined => (Array.isArray(schema.type) ? [...schema.type].sort().join('|') : schema.type);
const nullable = (schema: SchemaObject): boolean =>
  schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null')) || (schema.enum?.includes(null) ?? false);
const refName = (schema: Schema | undefined): string | undefined => (isRef(schema) ? schema.$ref : undefined);

/**
 * How `after` may break a client of `before` at `where`: a response field removed, made optional or nullable, its
 * type changed or its enum grown; a request field newly required, removed (an old client still sends it), its type
 * changed, its enum shrunk or no longer nullable.
 */
function compareSchemas(
  old: OpenAPIObject,
  now: OpenAPIObject,
  before: Schema | undefined,
  after: Schema | undefined,
  direction: Direction,
  where: string,
  seen: Set<string>,
): { where: string; change: string }[] {
  // a schema that contains itself (through references) is compared once along one path
  const pair = `${refName(before)}|${refName(after)}`;
  if (refName(before) && refName(after)) {
    if (seen.has(pair)) return [];
    seen = new Set(seen).add(pair);
  }
  const a = flatten(old, before);
  const b = flatten(now, after);
  if (!a || !b) return [];
  const changes: { where: string; change: string }[] = [];
  const found = (change: string, at = where) => changes.push({ where: at, change });
  const [typeA, typeB] = [typeOf(a), typeOf(b)];
  // an integer is a number: a response may narrow number to integer, a request may widen integer to number
  const harmless = direction === 'response' ? typeA === 'number' && typeB === 'integer' : typeA === 'integer' && typeB === 'number';
  if (typeA !== undefined && typeB !== undefined && typeA !== typeB && !harmless) found(`type changed from ${typeA} to ${typeB}`);
  if (direction === 'response' && !nullable(a) && nullable(b)) found('may now be null');
  if (direction === 'request' && nullable(a) && !nullable(b)) found('no longer takes null');
  const enumA = (a.enum ?? []).filter((v) => v !== null);
  const enumB = (b.enum ?? []).filter((v) => v !== null);
  if (direction === 'response' && b.enum) {
    const added = enumB.filter((v) => !enumA.includes(v));
    if (!a.enum) found(`now an enum`);
    else if (added.length) found(`new enum value ${added.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if (direction === 'request' && a.enum) {
    const removed = enumA.filter((v) => !enumB.includes(v));
    if (!b.enum) {
      /* any value is taken now */
    } else if (removed.length) found(`enum value ${removed.map((v) => JSON.stringify(v)).join(', ')} no longer taken`);
  }
  if (b.enum && !a.enum && direction === 'request') found('now an enum: values an old client sends may be refused');
  const propsA = a.properties ?? {};
  const propsB = b.properties ?? {};
  const requiredA = new Set(a.required ?? []);
  const requiredB = new Set(b.required ?? []);
  for (const name of Object.keys(propsA)) {
    const at = `${where}.${name}`;
    if (!(name in propsB)) {
      if (direction === 'response') found('removed from the response', at);
      else if (b.additionalProperties !== true) found('removed: an old client still sends it', at);
      continue;
    }
    if (direction === 'response' && requiredA.has(name) && !requiredB.has(name)) found('no longer always present (optional now)', at);
    if (direction === 'request' && !requiredA.has(name) && requiredB.has(name)) found('now required', at);
    changes.push(...compareSchemas(old, now, propsA[name], propsB[name], direction, at, seen));
  }
  if (direction === 'request') {
    for (const name of Object.keys(propsB)) if (!(name in propsA) && requiredB.has(name)) found('new required field', `${where}.${name}`);
  }
  if (a.items || b.items) changes.push(...compareSchemas(old, now, a.items, b.items, direction, `${where}[]`, seen));
  return changes;
}

const jsonSchemaOf = (content: Record<string, { schema?: Schema }> | undefined): Schema | undefined =>
  content ? (Object.entries(content).find(([type]) => type === 'application/json' || type.endsWith('+json'))?.[1].schema ?? undefined) : undefined;

function parametersOf(
  document: OpenAPIObject,
  operation: OperationObject,
  pathParameters: (ParameterObject | ReferenceObject)[] = [],
): Map<string, ParameterObject> {
  const found = new Map<string, ParameterObject>();
  for (const p of [...pathParameters, ...(operation.parameters ?? [])]) {
    const parameter = resolve<ParameterObject>(document, p);
    if (parameter) found.set(`${parameter.in} ${parameter.name.toLowerCase()}`, parameter);
  }
  return found;
}

function compareOperations(
  old: OpenAPIObject,
  now: OpenAPIObject,
  a: OperationObject,
  b: OperationObject,
  pathA: unknown,
  pathB: unknown,
): { where: string; change: string }[] {
  const seen = new Set<string>();
  const changes: { where: string; change: string }[] = [];
  // responses: each success the old document promised, with its body
  for (const [status, response] of Object.entries(a.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    const other = b.responses?.[status];
    if (!other) {
      changes.push({ where: `response ${status}`, change: 'removed' });
      continue;
    }
    const schemaA = jsonSchemaOf(resolve<{ content?: Record<string, { schema?: Schema }> }>(old, response)?.content);
    const schemaB = jsonSchemaOf(resolve<{ content?: Record<string, { schema?: Schema }> }>(now, other)?.content);
    if (schemaA && !schemaB) changes.push({ where: `response ${status}`, change: 'no longer has a JSON body' });
    else changes.push(...compareSchemas(old, now, schemaA, schemaB, 'response', `response ${status} body`, seen));
  }
  // parameters: a new required one, one made required, one removed (the validation refuses what it does not know)
  const paramsA = parametersOf(old, a, (pathA as { parameters?: ParameterObject[] }).parameters);
  const paramsB = parametersOf(now, b, (pathB as { parameters?: ParameterObject[] }).parameters);
  for (const [key, p] of paramsB) {
    const before = paramsA.get(key);
    if (!before && p.required && p.in !== 'path') changes.push({ where: key, change: 'new required parameter' });
    else if (before && !before.required && p.required) changes.push({ where: key, change: 'now required' });
    else if (before) changes.push(...compareSchemas(old, now, before.schema, p.schema, 'request', key, seen));
  }
  for (const key of paramsA.keys()) {
    if (!paramsB.has(key) && !key.startsWith('path ') && !key.startsWith('header '))
      changes.push({ where: key, change: 'removed: an old client still sends it' });
  }
  // the body
  const bodyA = resolve<{ required?: boolean; content?: Record<string, { schema?: Schema }> }>(old, a.requestBody);
  const bodyB = resolve<{ required?: boolean; content?: Record<string, { schema?: Schema }> }>(now, b.requestBody);
  if (!bodyA && bodyB?.required) changes.push({ where: 'request body', change: 'now required' });
  else if (bodyA && bodyB) {
    if (!bodyA.required && bodyB.required) changes.push({ where: 'request body', change: 'now required' });
    changes.push(...compareSchemas(old, now, jsonSchemaOf(bodyA.content), jsonSchemaOf(bodyB.content), 'request', 'request body', seen));
  }
  return changes;
}

/**
 * The changes from `before` to `after` that can break a client written against `before` (its operations keyed by
 * method and path): removed paths and operations, removed success responses or fields of their bodies, response
 * fields made optional or nullable, changed types, enum values added to a response or removed from a request, new
 * required inputs (body field, query or header parameter, optional made required) and removed request fields.
 * Additions an old client does not see (a new operation, an optional input, a new response field) are not listed.
 */
export function breakingChanges(before: OpenAPIObject, after: OpenAPIObject): BreakingChange[] {
  const changes: BreakingChange[] = [];
  for (const [path, itemA] of Object.entries(before.paths ?? {})) {
    const itemB = after.paths?.[path];
    if (!itemB) {
      changes.push({ operation: path, where: 'path', change: 'removed' });
      continue;
    }
    for (const method of OPENAPI_METHODS) {
      const a = itemA[method] as OperationObject | undefined;
      if (!a) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      const b = itemB[method] as OperationObject | undefined;
      if (!b) {
        changes.push({ operation, where: 'operation', change: 'removed' });
        continue;
      }
      for (const { where, change } of compareOperations(before, after, a, b, itemA, itemB)) changes.push({ operation, where, change });
    }
  }
  return changes;
}

/** One line per change, for a terminal or a test's message. */
export const describeBreakingChange = (c: BreakingChange): string => `${c.operation}: ${c.where}: ${c.change}`;
