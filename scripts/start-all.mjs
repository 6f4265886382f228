// Runs the four services as local processes (what CI and a machine without Docker use). Ctrl-C stops them all;
// if one dies, the others are stopped too, so a half-running suite never looks healthy.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mainOf, serviceEnvironment, services } from './service-env.mjs';

const children = services.map((service) => {
  const child = spawn(process.execPath, [mainOf(service)], { env: serviceEnvironment(service), stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${service.name.padEnd(15)} | ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    console.error(`[motcua] ${service.name} exited (${signal ?? code})`);
    stopAll(code ?? 1);
  });
  return child;
});
console.error(`[motcua] started ${services.map((s) => `${s.name} on :${s.port}`).join(', ')}`);

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
