import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Stops a process as an orchestrator does: SIGTERM, then SIGKILL after `graceMs`. Nothing when it has exited. */
export async function terminate(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
