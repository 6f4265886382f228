// `npm run build`: `nest build <service>` for every service scripts/services.json registers, one after the
// other, stopping at the first that fails (each lands in dist/apps/<service>/); then the simulators
// (scripts/simulators.json), compiled together into dist/simulators/<name>/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { services } from './service-env.mjs';
import { mainOfSimulator, simulators } from './simulator-env.mjs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

function run(what, command, args) {
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' });
  if (error) throw error;
  if (status !== 0) {
    console.error(`[motcua] building ${what} failed`);
    process.exit(status ?? 1);
  }
}

for (const { name } of services) run(name, bin('nest'), ['build', name]);

if (simulators.length > 0) {
  run('the simulators', bin('tsc'), ['-p', new URL('../simulators/tsconfig.build.json', import.meta.url).pathname]);
  const missing = simulators.filter((simulator) => !existsSync(mainOfSimulator(simulator)));
  if (missing.length > 0) {
    console.error(`[motcua] building the simulators gave no ${missing.map(mainOfSimulator).join(', ')}`);
    process.exit(1);
  }
}
