import { join } from 'node:path';
import { startSuite } from './running-suite';
import { type RegisteredService, SERVICES, SERVICE_NAMES } from './service-registry';
import { REGISTRY_CHECKS, composeProblems, gatewayProblems, registryProblems } from './service-registry-checks';

const ROOT = join(__dirname, '..', '..', '..');

/** The fifth service a later issue adds: registered here only, as a service would be before its files exist. */
const NATIONAL_PORTAL: RegisteredService = { name: 'national-portal', database: 'portal', port: 3005, gatewayPrefix: '/portal/' };

const checks = Object.entries(REGISTRY_CHECKS);
const fileChecks = checks.filter(([file]) => file !== 'scripts/services.json');

describe('scripts/services.json, the only list of services', () => {
  it('gives the test harness its service names, in order', () => {
    expect(SERVICE_NAMES).toEqual(SERVICES.map((s) => s.name));
    expect(SERVICE_NAMES).toEqual(['intake', 'workflow', 'notification', 'postal-delivery']);
  });

  it.each(checks)('%s agrees with it', (_file, check) => {
    expect(check(SERVICES, ROOT)).toEqual([]);
  });

  describe('a service registered but declared nowhere else', () => {
    const registry = [...SERVICES, NATIONAL_PORTAL];

    it('is a valid registry entry (the shape fits the fifth service)', () => {
      expect(registryProblems(registry, ROOT)).toEqual([]);
    });

    it.each(fileChecks)('is named in what %s lacks', (file, check) => {
      const problems = check(registry, ROOT);
      expect(problems).not.toEqual([]);
      for (const problem of problems) {
        expect(problem).toContain('national-portal');
        expect(problem.startsWith(file === 'apps/' ? 'apps/national-portal' : `${file}: `)).toBe(true);
      }
    });
  });

  describe('a service declared everywhere but not registered', () => {
    const registry = SERVICES.filter((s) => s.name !== 'postal-delivery');

    it.each(fileChecks)('is named in what %s has too much', (file, check) => {
      const problems = check(registry, ROOT);
      expect(problems).not.toEqual([]);
      for (const problem of problems) {
        expect(problem).toMatch(/postal/);
        expect(problem.startsWith(file === 'apps/' ? 'apps/postal-delivery' : `${file}: `)).toBe(true);
      }
    });
  });

  it('notices a port that moved in the registry only, in the compose file and the gateway', () => {
    const registry = SERVICES.map((s) => (s.name === 'workflow' ? { ...s, port: 3012 } : s));
    expect(composeProblems(registry, ROOT)).toEqual([
      "docker-compose.yml: workflow's PORT is 3002, not 3012",
      "docker-compose.yml: workflow's published port is 3002:3002, not 3012:3012",
    ]);
    expect(gatewayProblems(registry, ROOT)).toEqual(['docker/gateway/nginx.conf: location /workflow/ goes to workflow:3002, not workflow:3012']);
  });

  it('notices a service that the front door does not wait for in the compose file', () => {
    const registry = [...SERVICES, { ...NATIONAL_PORTAL, name: 'gateway' }];
    expect(composeProblems(registry, ROOT)).toContain("docker-compose.yml: intake's depends_on does not name gateway");
  });

  it('refuses two services sharing a database, a port or a prefix, and names unusable as a folder or database', () => {
    const registry = [...SERVICES, { ...NATIONAL_PORTAL, name: 'National_Portal', database: 'postal', port: 3001, gatewayPrefix: 'portal' }];
    expect(registryProblems(registry, ROOT)).toEqual([
      'scripts/services.json: National_Portal has the same database as postal-delivery (postal)',
      'scripts/services.json: National_Portal has the same port as intake (3001)',
      'scripts/services.json: name "National_Portal" is not lower-case kebab-case',
      'scripts/services.json: gatewayPrefix "portal" of National_Portal is not of the form /<segment>/',
    ]);
  });

  it('starts only registered services in the test harness', async () => {
    await expect(startSuite('registry', {}, ['national-portal'])).rejects.toThrow(
      'no service national-portal in scripts/services.json (it registers intake, workflow, notification, postal-delivery)',
    );
  });
});
