// The environment each service gets when run as a local process: its own database, its port, shared broker.
import { readFileSync } from 'node:fs';

/**
 * scripts/services.json, the only list of services: { name, database, port, gatewayPrefix, frontDoor? } each
 * (described in libs/testing/src/service-registry.ts, checked against the files that cannot read it by
 * libs/testing/src/service-registry.spec.ts).
 */
export const services = JSON.parse(readFileSync(new URL('./services.json', import.meta.url), 'utf8'));

/**
 * The V8 heap limits every service runs with (scripts/node-options.json, docs/adr/017-service-memory.md): start:all,
 * migrate and the test harness (libs/testing/src/running-suite.ts) read it; the Dockerfile's ENV is checked against
 * it by libs/testing/src/node-options.spec.ts.
 */
export const serviceNodeOptions = JSON.parse(readFileSync(new URL('./node-options.json', import.meta.url), 'utf8')).NODE_OPTIONS;

/** The suite's flags, then the caller's own NODE_OPTIONS (a later flag wins, so a caller can raise a limit). */
export const withServiceNodeOptions = (own) => [serviceNodeOptions, own].filter(Boolean).join(' ');

export function serviceEnvironment(service, base = process.env) {
  const host = base.PGHOST ?? '127.0.0.1';
  const port = base.PGPORT ?? '5432';
  const user = base.PGUSER ?? 'postgres';
  const key = `${service.name.toUpperCase().replaceAll('-', '_')}_DATABASE_URL`;
  // where every other service answers (INTAKE_URL, …), unless set: queries between services are rare, over HTTP
  const urls = Object.fromEntries(services.map((s) => [`${s.name.toUpperCase().replaceAll('-', '_')}_URL`, `http://127.0.0.1:${s.port}`]));
  return {
    ...urls,
    ...base,
    DATABASE_URL: base[key] ?? `postgres://${user}@${host}:${port}/${service.database}`,
    PORT: String(service.port),
    NODE_OPTIONS: withServiceNodeOptions(base.NODE_OPTIONS),
  };
}

export function mainOf(service) {
  return new URL(`../dist/apps/${service.name}/apps/${service.name}/src/main.js`, import.meta.url).pathname;
}
