import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './running-suite';
import { terminate } from './terminate';
import { SIMULATORS } from './simulator-registry';

const ROOT = join(__dirname, '..', '..', '..');

export interface SimulatorProcess {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void>;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Starts a registered simulator as built by `npm run build` (dist/simulators/<name>/main.js), as its own process on
 * a free port (`PORT`) with `env` over the test's, and resolves once its port takes connections. Its output goes to
 * `test/logs/simulators/<name>-<port>.log`.
 */
export async function startSimulatorProcess(name: string, env: Record<string, string> = {}): Promise<SimulatorProcess> {
  const simulator = SIMULATORS.find((s) => s.name === name);
  if (!simulator) throw new Error(`no simulator ${name} in scripts/simulators.json`);
  const main = join(ROOT, 'dist', simulator.entry.replace(/\.ts$/, '.js'));
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const port = await freePort();
  const logDir = join(ROOT, 'test', 'logs', 'simulators');
  mkdirSync(logDir, { recursive: true });
  const log = openSync(join(logDir, `${name}-${port}.log`), 'a');
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', log, log] });
  closeSync(log);
  const stop = () => terminate(child, 5_000);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`simulator ${name} exited with ${child.exitCode} before listening`);
    if (await accepts(port)) return { url: `http://127.0.0.1:${port}`, port, process: child, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`simulator ${name} was not listening on :${port} within 10 seconds`);
}
