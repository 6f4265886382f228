import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { OPENAPI_METHODS } from './openapi-methods';

/** A response its document does not describe: which operation, and what differs. */
export interface ContractViolation {
  readonly operation: string;
  readonly status: number;
  readonly problem: string;
}

/** `/api/v1/tasks/:id/claim` (Fastify's route) → `/api/v1/tasks/{id}/claim` (the document's path). */
export function documentPathOf(route: string): string {
  return route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * No property a schema does not name: a named schema (or an object inside one) with `properties` and no
 * `additionalProperties` of its own gets `additionalProperties: false`, so an undocumented field is a violation.
 * The parts of an `allOf` are left open (each would refuse the other's properties).
 */
function closed(schema: SchemaObject, inAllOf = false): SchemaObject {
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Record<string, unknown> = { ...schema };
  if (copy.properties && copy.additionalProperties === undefined && !inAllOf) copy.additionalProperties = false;
  if (copy.properties) {
    copy.properties = Object.fromEntries(Object.entries(copy.properties as Record<string, SchemaObject>).map(([k, v]) => [k, closed(v)]));
  }
  if (copy.items) copy.items = closed(copy.items as SchemaObject);
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(copy[key])) copy[key] = (copy[key] as SchemaObject[]).map((s) => closed(s));
  }
  if (Array.isArray(copy.allOf)) copy.allOf = (copy.allOf as SchemaObject[]).map((s) => closed(s, true));
  return copy as SchemaObject;
}

/**
 * A service's OpenAPI document held against what the service answers (ADR 019): the status must be one the
 * operation declares, the content type the declared one, and the body must match the declared schema, no field more.
 * On by `OPENAPI_RESPONSE_CHECK` (the tests), so a document that lies fails a test.
 */
export class ResponseContract {
  private readonly operations = new Map<string, OperationObject>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv: Ajv;
  private readonly components: Record<string, unknown>;

  constructor(document: OpenAPIObject) {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of OPENAPI_METHODS) {
        const operation = item[method];
        if (operation) this.operations.set(`${method.toUpperCase()} ${path}`, operation);
      }
    }
    const schemas = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, closed(schema as SchemaObject)]));
    this.components = { schemas };
    // OpenAPI 3.0's `nullable`, `example` and friends: not JSON Schema keywords, known to Ajv's OpenAPI support or ignored.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
  }

  /** Whether the document describes this route (Fastify's route pattern) at all: routes it leaves out (docs, probes) are not checked. */
  describes(method: string, route: string): boolean {
    return this.operations.has(`${method.toUpperCase()} ${documentPathOf(route)}`);
  }

  /** What is wrong with this response, or undefined when the document describes it. `body` is the payload as sent. */
  check(method: string, route: string, status: number, contentType: string | undefined, body: string | undefined): ContractViolation | undefined {
    const name = `${method.toUpperCase()} ${documentPathOf(route)}`;
    const operation = this.operations.get(name);
    if (!operation) return undefined;
    const violation = (problem: string): ContractViolation => ({ operation: name, status, problem });
    const response = (operation.responses?.[String(status)] ?? operation.responses?.default) as ResponseObject | undefined;
    if (!response) return violation(`status ${status} is not declared (declared: ${Object.keys(operation.responses ?? {}).join(', ')})`);
    const declared = Object.keys(response.content ?? {});
    const hasBody = body !== undefined && body.length > 0;
    if (declared.length === 0) return hasBody ? violation(`a body, where the document declares none: ${body.slice(0, 200)}`) : undefined;
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    if (!mediaType || !declared.includes(mediaType)) return violation(`content type ${mediaType ?? '(none)'}, declared: ${declared.join(', ')}`);
    const schema = response.content![mediaType].schema;
    if (!schema) return undefined;
    if (!mediaType.endsWith('json')) return undefined;
    let value: unknown;
    try {
      value = hasBody ? JSON.parse(body) : undefined;
    } catch {
      return violation('the body is not JSON');
    }
    const validate = this.validatorOf(`${name} ${status} ${mediaType}`, schema as SchemaObject);
    if (validate(value)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
      );
    return violation(`the body does not match the schema: ${errors.join('; ')}`);
  }

  private validatorOf(key: string, schema: SchemaObject): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...closed(schema), components: this.components });
      this.validators.set(key, validate);
    }
    return validate;
  }
}
