import { IsOptional, IsString, IsUrl, Matches } from 'class-validator';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DEFAULT_ISSUER = 'motcua-dev';
const DEFAULT_AUDIENCE = 'motcua';

/** The repository (or image) root: the nearest folder above this file holding a package.json. */
function repositoryRoot(start = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function defaultDevKeysDir(): string {
  return join(repositoryRoot(), '.dev-keys');
}

/**
 * Where the public keys come from, first match wins: AUTH_JWKS_URL (the identity provider), else
 * AUTH_PUBLIC_KEY_FILE (one SPKI PEM), else development keys in AUTH_DEV_KEYS_DIR (generated on first use).
 */
export class AuthEnvironment {
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  AUTH_PUBLIC_KEY_FILE?: string;

  @IsString()
  AUTH_DEV_KEYS_DIR: string = defaultDevKeysDir();

  @IsString()
  AUTH_ISSUER = DEFAULT_ISSUER;

  @IsString()
  AUTH_AUDIENCE = DEFAULT_AUDIENCE;

  /** Asymmetric algorithms only: a shared-secret (HS*) or unsigned token is never accepted. */
  @Matches(/^((ES|RS|PS)(256|384|512)|EdDSA|Ed25519)(,((ES|RS|PS)(256|384|512)|EdDSA|Ed25519))*$/, {
    message: 'AUTH_ALGORITHMS must be a comma-separated list of ES256/384/512, RS256/384/512, PS256/384/512, EdDSA',
  })
  AUTH_ALGORITHMS = 'ES256,RS256';
}
