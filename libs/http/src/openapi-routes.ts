import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger';
import { documentPathOf } from './response-contract';

/** One HTTP route a controller declares: `POST /api/v1/tasks/{id}/claim` (the OpenAPI document's spelling). */
export interface DeclaredRoute {
  readonly method: string;
  readonly path: string;
  readonly controller: string;
}

type ModuleLike = Type<unknown> | { module: Type<unknown>; imports?: unknown[]; controllers?: Type<unknown>[] } | { forwardRef: () => unknown };

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value ?? '')]);

function joinPath(...parts: string[]): string {
  const path = `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return documentPathOf(path);
}

/**
 * Every HTTP route the controllers of `root` and the modules it imports declare, read from Nest's own metadata
 * without starting anything; controllers and handlers left out of the document on purpose (`@ApiExcludeController`,
 * `@ApiExcludeEndpoint`: probes, metrics) are left out here too. The document must describe each of these.
 */
export function declaredRoutes(root: Type<unknown>): DeclaredRoute[] {
  const seen = new Set<unknown>();
  const controllers = new Set<Type<unknown>>();
  const visit = (entry: unknown): void => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    if (typeof entry === 'object' && 'forwardRef' in entry) return visit((entry as { forwardRef: () => unknown }).forwardRef());
    if (typeof entry === 'object' && 'module' in entry) {
      const dynamic = entry as Exclude<ModuleLike, Type<unknown>>;
      if ('module' in dynamic) {
        for (const c of dynamic.controllers ?? []) controllers.add(c);
        for (const i of dynamic.imports ?? []) visit(i);
        return visit(dynamic.module);
      }
    }
    if (typeof entry !== 'function') return;
    for (const c of (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, entry) as Type<unknown>[] | undefined) ?? []) controllers.add(c);
    for (const i of (Reflect.getMetadata(MODULE_METADATA.IMPORTS, entry) as unknown[] | undefined) ?? []) visit(i);
  };
  visit(root);

  const routes: DeclaredRoute[] = [];
  for (const controller of controllers) {
    if (Reflect.getMetadata(DECORATORS.API_EXCLUDE_CONTROLLER, controller)?.[0]) continue;
    const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value as object | undefined;
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      if (Reflect.getMetadata(DECORATORS.API_EXCLUDE_ENDPOINT, handler)?.disable) continue;
      for (const prefix of prefixes) {
        for (const path of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
          routes.push({ method: RequestMethod[method], path: joinPath(prefix, path), controller: controller.name });
        }
      }
    }
  }
  return routes;
}
