import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { ProblemDetailsException } from '@motcua/errors';
import { IS_PUBLIC_KEY, PRINCIPAL, ROLES_KEY, SCOPES_KEY } from './decorators';
import { type Principal, type Role, hasRole, hasScopes } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * Global guard: every HTTP route needs a valid bearer token unless @Public(); @Roles/@Scopes are then checked.
 * Message handlers (RPC/event contexts) pass: their trust comes from the broker, not from a token.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const token = bearerToken(request.headers.authorization);

    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets);
    const response = context.switchToHttp().getResponse<unknown>();
    // A public route needs no token, but learns who calls when one comes along; an expired or forged one is
    // refused as anywhere else (an officer whose token expired is told so, not shown the public answer).
    if (isPublic && !token) return true;
    if (!token) {
      this.challenge(response, 'Bearer realm="motcua"');
      throw unauthenticated('AUTH.TOKEN_MISSING', 'A bearer token is required');
    }
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      this.logger.debug(`rejected token: ${error.reason}`);
      this.challenge(response, 'Bearer realm="motcua", error="invalid_token"');
      throw unauthenticated('AUTH.TOKEN_INVALID', 'The bearer token is invalid or expired');
    }
    this.attach(request, principal);
    if (isPublic) return true;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !hasRole(principal, ...roles)) {
      throw forbidden(`Requires one of the roles: ${roles.join(', ')}`);
    }
    const scopes = this.reflector.getAllAndOverride<string[] | undefined>(SCOPES_KEY, targets);
    if (scopes?.length && !hasScopes(principal, ...scopes)) {
      throw forbidden(`Requires the scopes: ${scopes.join(' ')}`);
    }
    return true;
  }

  private attach(request: object, principal: Principal): void {
    (request as { [PRINCIPAL]?: Principal })[PRINCIPAL] = principal;
  }

  private challenge(response: unknown, value: string): void {
    this.adapterHost.httpAdapter.setHeader(response, 'WWW-Authenticate', value);
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

function unauthenticated(code: string, detail: string): ProblemDetailsException {
  return new ProblemDetailsException({ status: HttpStatus.UNAUTHORIZED, code, detail });
}

function forbidden(detail: string): ProblemDetailsException {
  return new ProblemDetailsException({ status: HttpStatus.FORBIDDEN, code: 'AUTH.FORBIDDEN', detail });
}
