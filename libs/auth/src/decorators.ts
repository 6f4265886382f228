import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { IS_PUBLIC_KEY } from '@motcua/observability';
import type { Principal, Role } from './principal';

export { IS_PUBLIC_KEY };
export const ROLES_KEY = 'motcua:roles';
export const SCOPES_KEY = 'motcua:scopes';

/** The route needs no token (health, docs, the citizen's lookup by code + secret, carrier webhooks). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** The caller needs at least one of these roles (403 otherwise). Method-level replaces class-level. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The caller (typically a machine client) needs every one of these scopes (403 otherwise). */
export const Scopes = (...scopes: string[]): MethodDecorator & ClassDecorator => SetMetadata(SCOPES_KEY, scopes);

/** Where the guard leaves the verified caller on the request. */
export const PRINCIPAL = Symbol('motcua.principal');

export function principalOf(request: object): Principal | undefined {
  return (request as { [PRINCIPAL]?: Principal })[PRINCIPAL];
}

/** The verified caller; `undefined` only on a @Public route called without a token. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal | undefined =>
  principalOf(ctx.switchToHttp().getRequest<object>()),
);
