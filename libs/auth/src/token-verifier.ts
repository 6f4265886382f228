import { readFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthEnvironment } from './auth-environment';
import { ensureDevKeys } from './dev-keys';
import { isRole, PRINCIPAL_KINDS, type Principal, type PrincipalKind } from './principal';

/** The token was missing a piece, forged, expired or meant for someone else; `reason` is for the log only. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

type KeySource = KeyObject | JWTVerifyGetKey;

/**
 * Verifies bearer JWTs: signature against the configured key source, algorithm from the allowlist, exact
 * issuer and audience, `exp` required; then reads our claims (sub, kind, roles, agencies, scope) into a
 * Principal.
 */
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly algorithms: string[];
  private readonly key: KeySource;
  /**
   * Tokens already verified, until their `exp`: an officer's client sends the same token on every request for
   * hours, and an ECDSA verification costs more than the rest of a typical request's authentication. Bounded;
   * the oldest entry goes first.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  private static readonly VERIFIED_CACHE_SIZE = 10_000;

  constructor(private readonly env: AuthEnvironment) {
    this.algorithms = env.AUTH_ALGORITHMS.split(',').map((a) => a.trim());
    this.key = this.keySource();
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.principal;
    if (known) this.verified.delete(token);
    const { principal, expiresAtMs } = await this.verifyAfresh(token);
    if (this.verified.size >= TokenVerifier.VERIFIED_CACHE_SIZE) {
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, { principal, expiresAtMs });
    return principal;
  }

  private async verifyAfresh(token: string): Promise<{ principal: Principal; expiresAtMs: number }> {
    let payload: JWTPayload;
    try {
      const key = this.key;
      const options = {
        issuer: this.env.AUTH_ISSUER,
        audience: this.env.AUTH_AUDIENCE,
        algorithms: this.algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
        currentDate: new Date(Date.now()), // one clock for jose and the cache
      };
      ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(`${error.code}: ${error.message}`);
      // With a local key nothing but the token can be at fault (e.g. an ES256 header against an RSA key).
      if (typeof this.key !== 'function') throw new InvalidTokenError(error instanceof Error ? error.message : String(error));
      throw error; // the JWKS endpoint is unreachable: not the caller's fault, so not a 401
    }
    // exp is a required claim, so jose has checked it is there and in the future
    return { principal: principalFromClaims(payload), expiresAtMs: (payload.exp as number) * 1000 };
  }

  /** A bad key file stops the service at start; the JWKS is fetched (and cached by jose) on first use. */
  private keySource(): KeySource {
    if (this.env.AUTH_JWKS_URL) return createRemoteJWKSet(new URL(this.env.AUTH_JWKS_URL));
    if (this.env.AUTH_PUBLIC_KEY_FILE) {
      try {
        return createPublicKey(readFileSync(this.env.AUTH_PUBLIC_KEY_FILE));
      } catch (error) {
        throw new Error(`AUTH_PUBLIC_KEY_FILE: cannot read an SPKI PEM public key (${(error as Error).message})`, {
          cause: error,
        });
      }
    }
    const { publicKey, publicKeyFile } = ensureDevKeys(this.env.AUTH_DEV_KEYS_DIR);
    this.logger.warn(`verifying tokens with the development key ${publicKeyFile}: set AUTH_JWKS_URL in production`);
    return publicKey;
  }
}

/** Our claims → Principal. Unknown roles are ignored (the IdP may know more); a missing kind is refused. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') throw new InvalidTokenError('sub missing');
  const kind = payload.kind;
  if (typeof kind !== 'string' || !PRINCIPAL_KINDS.includes(kind as PrincipalKind)) {
    throw new InvalidTokenError('kind missing or unknown');
  }
  return {
    subject,
    kind: kind as PrincipalKind,
    roles: stringList(payload.roles).filter(isRole),
    agencies: stringList(payload.agencies),
    scopes: typeof payload.scope === 'string' ? payload.scope.split(/\s+/).filter(Boolean) : stringList(payload.scope),
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}
