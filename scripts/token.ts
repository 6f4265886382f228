/**
 * Prints a development bearer token, signed with the dev key the services verify against (.dev-keys/,
 * generated on first use):
 *   npm run token -- --sub officer-1 --roles receiver,head_of_desk --agencies 000.00.01.H26 [--kind officer]
 *                    [--scopes a,b] [--ttl 8h]
 * Runs under ts-node without tsconfig paths, hence the relative imports.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { issueDevToken } from '../libs/auth/src/dev-keys';
import { isRole, PRINCIPAL_KINDS, type PrincipalKind } from '../libs/auth/src/principal';

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      kind: { type: 'string', default: 'officer' },
      roles: { type: 'string' },
      agencies: { type: 'string' },
      scopes: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  if (!values.sub) throw new Error('--sub is required (the officer id, citizen id or client id)');
  if (!PRINCIPAL_KINDS.includes(values.kind as PrincipalKind)) {
    throw new Error(`--kind must be one of ${PRINCIPAL_KINDS.join(', ')}`);
  }
  const roles = list(values.roles);
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw new Error(`unknown roles: ${unknown.join(', ')}`);
  const token = await issueDevToken({
    subject: values.sub,
    kind: values.kind as PrincipalKind,
    roles: roles.filter(isRole),
    agencies: list(values.agencies),
    scopes: list(values.scopes),
    expiresIn: values.ttl,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
