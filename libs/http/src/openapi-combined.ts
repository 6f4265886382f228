import { isDeepStrictEqual } from 'node:util';
import type { InfoObject, OpenAPIObject, OperationObject, PathItemObject } from '@nestjs/swagger';
import { OPENAPI_METHODS } from './openapi-methods';

/** One service's document as it serves it, and where the gateway routes the service (`/intake`). */
export interface ServiceOpenApiDocument {
  readonly service: string;
  readonly prefix: string;
  readonly document: OpenAPIObject;
}

type Components = NonNullable<OpenAPIObject['components']>;

/** The name a component of `service` gets where services define one name differently: `intake.Dossier`. */
export const prefixedComponentName = (service: string, name: string): string => `${service}.${name}`;

/** Rewrites every local reference (`#/components/<kind>/<name>`) in `value` by `renamed`. */
function rewriteRefs<T>(value: T, renamed: (kind: string, name: string) => string): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        if (key === '$ref' && typeof child === 'string') {
          const match = /^#\/components\/([^/]+)\/(.+)$/.exec(child);
          return [key, match ? `#/components/${match[1]}/${renamed(match[1], match[2])}` : child];
        }
        if (key === 'mapping' && child && typeof child === 'object' && !Array.isArray(child)) {
          return [
            key,
            Object.fromEntries(Object.entries(child).map(([k, ref]) => [k, typeof ref === 'string' ? (walk({ $ref: ref }) as { $ref: string }).$ref : ref])),
          ];
        }
        return [key, walk(child)];
      }),
    );
  };
  return walk(value) as T;
}

/**
 * The suite's one document, as the gateway serves it at /docs-json: every service's paths under its prefix
 * (`/intake/api/v1/dossiers`), tagged with the service's name; its components merged, one schema where services
 * define a name alike and `<service>.<Name>` for each where they differ (references rewritten); operation ids made
 * unique by the service's name. Deterministic: services in the given order, components sorted by name.
 */
export function combineOpenApiDocuments(services: readonly ServiceOpenApiDocument[], info: InfoObject): OpenAPIObject {
  // the names each service must rename: defined by several services, not all alike
  const definitions = new Map<string, { service: string; value: unknown }[]>();
  for (const { service, document } of services) {
    for (const [kind, entries] of Object.entries(document.components ?? {})) {
      for (const [name, value] of Object.entries((entries ?? {}) as Record<string, unknown>)) {
        const key = `${kind}/${name}`;
        definitions.set(key, [...(definitions.get(key) ?? []), { service, value }]);
      }
    }
  }
  const differs = (kind: string, name: string): boolean => {
    const defined = definitions.get(`${kind}/${name}`) ?? [];
    return defined.some((d) => !isDeepStrictEqual(d.value, defined[0].value));
  };

  const paths: OpenAPIObject['paths'] = {};
  const components: Record<string, Record<string, unknown>> = {};
  const tags: NonNullable<OpenAPIObject['tags']> = [];
  for (const { service, prefix, document } of services) {
    const renamed = (kind: string, name: string) => (differs(kind, name) ? prefixedComponentName(service, name) : name);
    const own = rewriteRefs({ paths: document.paths, components: document.components ?? {} }, renamed);
    for (const [path, item] of Object.entries(own.paths)) {
      const routed: PathItemObject = { ...item };
      for (const method of OPENAPI_METHODS) {
        const operation = item[method] as OperationObject | undefined;
        if (!operation) continue;
        routed[method] = {
          ...operation,
          tags: [service],
          ...(operation.operationId ? { operationId: `${service}.${operation.operationId}` } : {}),
        };
      }
      paths[`${prefix}${path}`] = routed;
    }
    for (const [kind, entries] of Object.entries(own.components as Components)) {
      for (const [name, value] of Object.entries((entries ?? {}) as Record<string, unknown>)) {
        (components[kind] ??= {})[renamed(kind, name)] = value;
      }
    }
    tags.push({ name: service, description: `${document.info.title}: ${document.info.description ?? ''}`.replace(/: $/, '') });
  }
  const sorted = Object.fromEntries(
    Object.keys(components)
      .sort()
      .map((kind) => [
        kind,
        Object.fromEntries(
          Object.keys(components[kind])
            .sort()
            .map((name) => [name, components[kind][name]]),
        ),
      ]),
  );
  const security = services.find((s) => s.document.security)?.document.security;
  return {
    openapi: services[0]?.document.openapi ?? '3.0.0',
    info,
    servers: [{ url: '/', description: 'the gateway' }],
    tags,
    paths,
    components: sorted,
    ...(security ? { security } : {}),
  };
}
