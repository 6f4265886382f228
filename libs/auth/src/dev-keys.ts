import { existsSync, mkdirSync, readFileSync, writeFileSync, linkSync, unlinkSync, renameSync } from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { SignJWT } from 'jose';
// This file is also loaded by scripts/token.ts through ts-node, which does not map tsconfig paths:
// it must import nothing through an `@motcua/*` alias (hence the relative path to libs/config).
import { readEnvironment } from '../../config/src/environment';
import { AuthEnvironment } from './auth-environment';
import type { Principal } from './principal';

const DEV_ALGORITHM = 'ES256';
const PRIVATE_FILE = 'private.pem';
const PUBLIC_FILE = 'public.pem';

export interface DevKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyFile: string;
}

/**
 * Development signing keys (ES256), created on first use. Safe when several processes start at once: the
 * private key is published with an atomic hard link, so exactly one generated key wins and everyone reads
 * it; the public key is derived from it.
 */
export function ensureDevKeys(dir: string): DevKeys {
  const privateFile = join(dir, PRIVATE_FILE);
  const publicFile = join(dir, PUBLIC_FILE);
  if (!existsSync(privateFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const temp = join(dir, `.${PRIVATE_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
    writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    try {
      linkSync(temp, privateFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
  }
  const privateKey = createPrivateKey(readFileSync(privateFile));
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  if (!existsSync(publicFile) || readFileSync(publicFile, 'utf8') !== publicPem) {
    const temp = `${publicFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, publicPem, { mode: 0o644 });
    renameSync(temp, publicFile);
  }
  return { privateKey, publicKey, publicKeyFile: publicFile };
}

export interface DevTokenOptions {
  subject: string;
  kind?: Principal['kind'];
  roles?: Principal['roles'];
  agencies?: string[];
  scopes?: string[];
  /** jose time span: `8h`, `30m`, `2 days`. Default `1h`. */
  expiresIn?: string;
  /** Default: AUTH_DEV_KEYS_DIR, else `<repo>/.dev-keys`. */
  keysDir?: string;
  /** Default: AUTH_ISSUER, else `motcua-dev`. */
  issuer?: string;
  /** Default: AUTH_AUDIENCE, else `motcua`. */
  audience?: string;
}

/** A token the services accept in development (and in tests with createTestAuth): signed with the dev key. */
export async function issueDevToken(o: DevTokenOptions): Promise<string> {
  const environment = readEnvironment(AuthEnvironment);
  const keysDir = o.keysDir ?? environment.AUTH_DEV_KEYS_DIR;
  const { privateKey } = ensureDevKeys(keysDir);
  const claims: Record<string, unknown> = {
    kind: o.kind ?? 'officer',
    roles: o.roles ?? [],
    agencies: o.agencies ?? [],
  };
  if (o.scopes?.length) claims.scope = o.scopes.join(' ');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, typ: 'JWT' })
    .setSubject(o.subject)
    .setIssuer(o.issuer ?? environment.AUTH_ISSUER)
    .setAudience(o.audience ?? environment.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(o.expiresIn ?? '1h')
    .sign(privateKey);
}
