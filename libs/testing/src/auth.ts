import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevToken } from '../../auth/src/dev-keys';
import type { Principal } from '../../auth/src/principal';

export interface TestAuth {
  /** A fresh key directory for this test file only. */
  keysDir: string;
  /** Put these in process.env (or the spawned service's env) before the app starts. */
  env: Record<string, string>;
  /** A token the app under test accepts; kind defaults to officer, lifetime to 1h. */
  token(p: Partial<Principal> & { subject: string; expiresIn?: string }): Promise<string>;
  /** Removes the key directory. */
  cleanup(): void;
}

const ISSUER = 'motcua-test';
const AUDIENCE = 'motcua';

/** Dev-key auth in a temp dir, so tests never touch the developer's .dev-keys and never share keys. */
export function createTestAuth(): TestAuth {
  const keysDir = mkdtempSync(join(tmpdir(), 'motcua-auth-'));
  return {
    keysDir,
    env: {
      AUTH_DEV_KEYS_DIR: keysDir,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS_URL: '',
      AUTH_PUBLIC_KEY_FILE: '',
    },
    token: (p) =>
      issueDevToken({
        subject: p.subject,
        kind: p.kind,
        roles: p.roles,
        agencies: p.agencies,
        scopes: p.scopes,
        expiresIn: p.expiresIn,
        keysDir,
        issuer: ISSUER,
        audience: AUDIENCE,
      }),
    cleanup: () => rmSync(keysDir, { recursive: true, force: true }),
  };
}
