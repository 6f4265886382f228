import { readFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface OpenLoopResult {
  readonly sent: number;
  readonly accepted: number;
  readonly failed: number;
  readonly elapsedMs: number;
  /** Milliseconds, sorted. */
  readonly latencies: number[];
}

/**
 * An open-loop load: requests leave at a fixed rate, evenly spaced, whether or not earlier ones have been
 * answered, as citizens arrive at desks. (autocannon's rate limit sends each second's quota in a burst at
 * the start of the second, which measures the burst, not the service.)
 */
export async function openLoop(o: {
  url: string;
  headers: Record<string, string>;
  rate: number;
  durationS: number;
  body: (i: number) => string;
}): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const target = new URL(o.url);
  const total = Math.round(o.rate * o.durationS);
  const interval = 1000 / o.rate;
  const latencies: number[] = [];
  let accepted = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  const fire = (i: number) => {
    const started = performance.now();
    const body = o.body(i);
    const done = new Promise<void>((resolve) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { ...o.headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if (res.statusCode && res.statusCode < 300) accepted++;
            else failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  const t0 = performance.now();
  for (let i = 0; i < total;) {
    const due = t0 + i * interval;
    const now = performance.now();
    if (due <= now) fire(i++);
    else await sleep(Math.max(1, due - now));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { sent: total, accepted, failed, elapsedMs: performance.now() - t0, latencies: latencies.sort((a, b) => a - b) };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU seconds (user + system) used so far by the given processes. */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended: its time is gone from the count, which the caller accepts
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Processes whose command line contains `needle` (e.g. the PostgreSQL backends, the RabbitMQ VM). */
/** A process's resident memory now and at its peak (MiB). */
export function rssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

export function pidsOf(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    });
}
