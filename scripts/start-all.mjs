// Runs every registered service (scripts/services.json) as a local process (what CI and a machine without Docker
// use), and before them every simulator of an outside party (scripts/simulators.json), the services pointed at
// them. Ctrl-C stops them all; if one dies, the others are stopped too, so a half-running suite never looks
// healthy. The consumers start first: each binds its inbox to the events it handles, so the front door (intake,
// `frontDoor` in the registry) opens only after them.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import { mainOf, serviceEnvironment, services } from './service-env.mjs';
import { mainOfSimulator, pointedAtSimulators, simulatorEnvironment, simulators } from './simulator-env.mjs';

const children = [];
let stopping = false;

function launch(name, main, env) {
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${name.padEnd(15)} | ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    console.error(`[motcua] ${name} exited (${signal ?? code})`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

const start = (service) => launch(service.name, mainOf(service), serviceEnvironment(service, pointedAtSimulators()));
const startSimulator = (simulator) => launch(simulator.name, mainOfSimulator(simulator), simulatorEnvironment(simulator));

/** A simulator is up when its port takes a connection (whatever it speaks: HTTP, SMTP…). */
async function listening(simulator) {
  for (let i = 0; i < 100 && !stopping; i++) {
    const open = await new Promise((resolve) => {
      const socket = connect(simulator.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`${simulator.name} was not listening on :${simulator.port} within 10 seconds`);
}

async function ready(service) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${service.port}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${service.name} was not ready within a minute`);
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const consumers = services.filter((s) => !s.frontDoor);
const frontDoors = services.filter((s) => s.frontDoor);
simulators.forEach(startSimulator);
await Promise.all(simulators.map(listening));
consumers.forEach(start);
await Promise.all(consumers.map(ready));
frontDoors.forEach(start);
await Promise.all(frontDoors.map(ready));
console.error(`[motcua] ready: ${[...simulators, ...services].map((s) => `${s.name} on :${s.port}`).join(', ')}`);
