// The simulators of the outside parties the services talk to (an SMS gateway, a mail server…), run as local
// processes beside the services by start:all and built by `npm run build`.
import { readFileSync } from 'node:fs';

/**
 * scripts/simulators.json, the only list of simulators: { name, port, entry, env, servicesEnv } each (described in
 * libs/testing/src/simulator-registry.ts, checked by its spec): `env` is the simulator's own, `servicesEnv` what
 * points the services at it.
 */
export const simulators = JSON.parse(readFileSync(new URL('./simulators.json', import.meta.url), 'utf8'));

/** The simulator's environment: its own settings under what the caller set, and its registered port. */
export function simulatorEnvironment(simulator, base = process.env) {
  return { ...simulator.env, ...base, PORT: String(simulator.port) };
}

/** The services' environment pointing them at every simulator, unless the caller points them elsewhere. */
export function pointedAtSimulators(base = process.env) {
  return { ...Object.assign({}, ...simulators.map((s) => s.servicesEnv)), ...base };
}

/** Where `npm run build` puts the simulator's entry: simulators/<name>/main.ts → dist/simulators/<name>/main.js. */
export function mainOfSimulator(simulator) {
  return new URL(`../dist/${simulator.entry.replace(/\.ts$/, '.js')}`, import.meta.url).pathname;
}
