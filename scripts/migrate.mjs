// Applies every service's pending migrations (each service also does this at start, under an advisory lock).
import { spawnSync } from 'node:child_process';
import { mainOf, serviceEnvironment, services } from './service-env.mjs';

for (const service of services) {
  const { status } = spawnSync(process.execPath, [mainOf(service), 'migrate'], { env: serviceEnvironment(service), stdio: 'inherit' });
  if (status !== 0) {
    console.error(`[motcua] migrating ${service.name} failed`);
    process.exit(status ?? 1);
  }
}
