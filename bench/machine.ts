import { createHash } from 'node:crypto';
import { cpus } from 'node:os';

/**
 * A fixed piece of work timed on one core: this machine's speed at the moment, so that figures from runs on
 * different days (or on a shared machine that slowed down) can be compared. Native hashing, and JavaScript
 * objects through JSON as the services' own work is.
 */
export function machineReference(): string {
  let start = process.hrtime.bigint();
  const block = Buffer.alloc(64 << 20, 7);
  for (let i = 0; i < 4; i++) createHash('sha256').update(block).digest();
  const hashing = Number(process.hrtime.bigint() - start) / 1e6;
  start = process.hrtime.bigint();
  for (let i = 0; i < 500_000; i++) JSON.parse(JSON.stringify({ id: i, name: `hồ sơ ${i}`, steps: [i, i + 1] }));
  const json = Number(process.hrtime.bigint() - start) / 1e6;
  return `SHA-256 of 256 MiB ${hashing.toFixed(0)} ms, 500,000 JSON round trips ${json.toFixed(0)} ms`;
}

/** The processor, as the operating system names it, and how many cores the services share. */
export function machineDescription(): string {
  const list = cpus();
  return `${list.length} cores, ${list[0]?.model ?? 'unknown processor'}`;
}
