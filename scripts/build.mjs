// `npm run build`: `nest build <service>` for every service scripts/services.json registers, one after the
// other, stopping at the first that fails (each lands in dist/apps/<service>/).
import { spawnSync } from 'node:child_process';
import { services } from './service-env.mjs';

const nest = new URL('../node_modules/.bin/nest', import.meta.url).pathname;

for (const { name } of services) {
  const { status, error } = spawnSync(nest, ['build', name], { stdio: 'inherit' });
  if (error) throw error;
  if (status !== 0) {
    console.error(`[motcua] building ${name} failed`);
    process.exit(status ?? 1);
  }
}
