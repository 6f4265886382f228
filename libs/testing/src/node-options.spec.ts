import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_OPTIONS } from './running-suite';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/**
 * scripts/node-options.json holds the V8 heap limits every service runs with (docs/adr/017-service-memory.md):
 * start:all and the test harness read it; the files that cannot read it must say the same.
 */
describe('scripts/node-options.json, the services’ V8 flags', () => {
  it('limits the young and the old generation', () => {
    expect(SERVICE_NODE_OPTIONS).toMatch(/--max-semi-space-size=\d+/);
    expect(SERVICE_NODE_OPTIONS).toMatch(/--max-old-space-size=\d+/);
  });

  it('is what the image runs with (Dockerfile ENV NODE_OPTIONS)', () => {
    expect(/^ENV NODE_OPTIONS="([^"]*)"$/m.exec(read('Dockerfile'))?.[1]).toBe(SERVICE_NODE_OPTIONS);
  });

  it('is what the compose stack runs with (docker-compose.yml x-service-env NODE_OPTIONS)', () => {
    expect(/^ {2}NODE_OPTIONS: '([^']*)'$/m.exec(read('docker-compose.yml'))?.[1]).toBe(SERVICE_NODE_OPTIONS);
  });
});
