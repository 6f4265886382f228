import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import registry from '../../../scripts/simulators.json';
import type { RegisteredService } from './service-registry';

/**
 * A simulator of an outside party (an SMS gateway, a mail server) as `scripts/simulators.json` registers it: the
 * only list of them. `npm run build` compiles each into dist/simulators/<name>/, `start:all` runs it before the
 * services and points them at it, tests start it as a process (`startSimulatorProcess`).
 */
export interface RegisteredSimulator {
  /** The folder under simulators/. */
  readonly name: string;
  /** Its port on a development machine (start:all). */
  readonly port: number;
  /** `simulators/<name>/main.ts`, built to `dist/simulators/<name>/main.js`. */
  readonly entry: string;
  /** The simulator's own settings (where it calls the services back). */
  readonly env: Readonly<Record<string, string>>;
  /** What points the services at it. */
  readonly servicesEnv: Readonly<Record<string, string>>;
}

/** Only the variables an entry sets (JSON's entries of different shapes type each other's keys as optional). */
const variables = (vars: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(vars).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** Built through the interface, so an entry with a missing or mistyped name, port or entry fails the type check. */
export const SIMULATORS: readonly RegisteredSimulator[] = registry.map(({ env, servicesEnv, ...simulator }) => ({
  ...simulator,
  env: variables(env),
  servicesEnv: variables(servicesEnv),
}));

const REGISTRY = 'scripts/simulators.json';

/**
 * What is wrong between the registry, the simulators/ folder and the services' ports, as `<file>: <problem>` lines:
 * names usable as folders, ports of their own, each simulator's entry and `<name>-simulator.ts` present, every
 * folder registered, and the services pointed at the port the simulator listens on.
 */
export function simulatorProblems(simulators: readonly RegisteredSimulator[], services: readonly RegisteredService[], root: string): string[] {
  const problems: string[] = [];
  const ports = new Map<number, string>(services.map((s) => [s.port, `service ${s.name}`]));
  const names = new Set<string>();
  for (const simulator of simulators) {
    const { name, port } = simulator;
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) problems.push(`${REGISTRY}: name "${name}" is not lower-case kebab-case`);
    if (names.has(name)) problems.push(`${REGISTRY}: ${name} is registered twice`);
    names.add(name);
    if (!Number.isInteger(port) || port < 1024 || port > 65535) problems.push(`${REGISTRY}: port ${port} of ${name} is not a port from 1024 to 65535`);
    const other = ports.get(port);
    if (other !== undefined) problems.push(`${REGISTRY}: ${name} has the same port as ${other} (${port})`);
    ports.set(port, `simulator ${name}`);
    if (simulator.entry !== `simulators/${name}/main.ts`) problems.push(`${REGISTRY}: entry of ${name} is ${simulator.entry}, not simulators/${name}/main.ts`);
    for (const file of ['main.ts', `${name}-simulator.ts`]) {
      if (!existsSync(join(root, 'simulators', name, file))) problems.push(`simulators/${name}/${file}: missing for ${name}`);
    }
    for (const [variable, value] of Object.entries(simulator.servicesEnv)) {
      const local = /^[a-z]+:\/\/(127\.0\.0\.1|localhost):(\d+)/.exec(value);
      if (local && Number(local[2]) !== port) problems.push(`${REGISTRY}: ${name}'s ${variable} points at port ${local[2]}, not ${port}`);
    }
  }
  const folder = join(root, 'simulators');
  if (existsSync(folder)) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && !names.has(entry.name)) problems.push(`simulators/${entry.name}: not in ${REGISTRY}`);
    }
  }
  return problems;
}
