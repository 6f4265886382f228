import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { IS_PUBLIC_KEY } from '@motcua/observability';
import type { Principal, Role } from './principal';

export { IS_PUBLIC_KEY };
export const ROLES_KEY = 'motcua:roles';
export const SCOPES_KEY = 'motcua:scopes';

/**
 * Where the OpenAPI document learns who may call an operation (read by `completeOpenApiDocument` in libs/http, which
 * writes the security requirement, the 401/403 problems and a "who may call" line from them).
 */
export const OPENAPI_PUBLIC_EXTENSION = 'x-motcua-public';
export const OPENAPI_ROLES_EXTENSION = 'x-motcua-roles';
export const OPENAPI_SCOPES_EXTENSION = 'x-motcua-scopes';

/** The route needs no token (health, docs, the citizen's lookup by code + secret, carrier webhooks). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension(OPENAPI_PUBLIC_EXTENSION, true)) as MethodDecorator & ClassDecorator;

/** The caller needs at least one of these roles (403 otherwise). Method-level replaces class-level. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension(OPENAPI_ROLES_EXTENSION, roles)) as MethodDecorator & ClassDecorator;

/** The caller (typically a machine client) needs every one of these scopes (403 otherwise). */
export const Scopes = (...scopes: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(SCOPES_KEY, scopes), ApiExtension(OPENAPI_SCOPES_EXTENSION, scopes)) as MethodDecorator & ClassDecorator;

/** Where the guard leaves the verified caller on the request. */
export const PRINCIPAL = Symbol('motcua.principal');

export function principalOf(request: object): Principal | undefined {
  return (request as { [PRINCIPAL]?: Principal })[PRINCIPAL];
}

/** The verified caller; `undefined` only on a @Public route called without a token. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal | undefined =>
  principalOf(ctx.switchToHttp().getRequest<object>()),
);
