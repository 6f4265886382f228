import { join } from 'node:path';
import { startSuite } from './running-suite';
import { type RegisteredService, SERVICES, SERVICE_NAMES } from './service-registry';
import { REGISTRY_CHECKS, type RegistryCheck, composeProblems, gatewayProblems, registryProblems } from './service-registry-checks';

const ROOT = join(__dirname, '..', '..', '..');

/** The fifth service a later issue adds (architecture §6). */
const NATIONAL_PORTAL: RegisteredService = { name: 'national-portal', database: 'portal', port: 3005, gatewayPrefix: '/portal/' };

/** A service that will never exist: registered in a test only, as a new service is before its files are written. */
const LAND_REGISTRY: RegisteredService = { name: 'land-registry', database: 'land', port: 3999, gatewayPrefix: '/land/' };

const checks = Object.entries(REGISTRY_CHECKS);
const fileChecks = checks.filter(([file]) => file !== 'scripts/services.json');
/** What a problem found in `file` starts with: the file (or, for apps/, the service's folder). */
const placeOf = (file: string, service: string) => (file === 'apps/' ? `apps/${service}` : `${file}: `);
/**
 * What a check finds with another registry beyond what it finds with the real one: the examples below then fail
 * only for their own reason while a real disagreement fails the "agrees with it" tests.
 */
const problemsWith = (check: RegistryCheck, registry: readonly RegisteredService[]) => {
  const real = new Set(check(SERVICES, ROOT));
  return check(registry, ROOT).filter((problem) => !real.has(problem));
};

describe('scripts/services.json, the only list of services', () => {
  it('gives the test harness its service names, in order', () => {
    expect(SERVICE_NAMES).toEqual(SERVICES.map((s) => s.name));
    expect(SERVICE_NAMES).toContain('intake');
  });

  it.each(checks)('%s agrees with it', (_file, check) => {
    expect(check(SERVICES, ROOT)).toEqual([]);
  });

  it('has room for the national portal (port 3005, database portal, gateway prefix /portal/)', () => {
    expect(registryProblems([...SERVICES.filter((s) => s.name !== NATIONAL_PORTAL.name), NATIONAL_PORTAL], ROOT)).toEqual([]);
  });

  describe('a service registered but declared nowhere else', () => {
    const registry = [...SERVICES, LAND_REGISTRY];

    it.each(fileChecks)('is named in what %s lacks', (file, check) => {
      const problems = problemsWith(check, registry);
      expect(problems).not.toEqual([]);
      for (const problem of problems) {
        expect(problem).toContain(LAND_REGISTRY.name);
        expect(problem.startsWith(placeOf(file, LAND_REGISTRY.name))).toBe(true);
      }
    });

    it('is one the gateway and the front door must wait for in the compose file', () => {
      expect(problemsWith(composeProblems, registry)).toEqual(
        expect.arrayContaining([
          "docker-compose.yml: gateway's depends_on does not name land-registry",
          "docker-compose.yml: intake's depends_on does not name land-registry",
        ]),
      );
    });

    it('is refused by the test harness until the registry lists it', async () => {
      await expect(startSuite('registry', {}, [LAND_REGISTRY.name])).rejects.toThrow('no service land-registry in scripts/services.json');
    });
  });

  describe('a service declared everywhere but not registered', () => {
    const removed = SERVICES.find((s) => !s.frontDoor)!;
    const registry = SERVICES.filter((s) => s !== removed);

    it.each(fileChecks)('is named in what %s has too much', (file, check) => {
      const problems = problemsWith(check, registry);
      expect(problems).not.toEqual([]);
      for (const problem of problems) {
        expect(problem.includes(removed.name) || problem.includes(removed.database)).toBe(true);
        expect(problem.startsWith(placeOf(file, removed.name))).toBe(true);
      }
    });
  });

  it('notices a port that moved in the registry only, in the compose file and the gateway', () => {
    const registry = SERVICES.map((s) => (s.name === 'workflow' ? { ...s, port: 3998 } : s));
    expect(problemsWith(composeProblems, registry)).toEqual([
      "docker-compose.yml: workflow's PORT is 3002, not 3998",
      "docker-compose.yml: workflow's published port is 3002:3002, not 3998:3998",
    ]);
    expect(problemsWith(gatewayProblems, registry)).toEqual([
      'docker/gateway/templates/gateway.conf.template: location /workflow/ goes to workflow:3002, not workflow:3998',
    ]);
  });

  it('refuses two services sharing a database, a port or a prefix, and names unusable as a folder or database', () => {
    const registry: RegisteredService[] = [
      { name: 'intake', database: 'intake', port: 3001, gatewayPrefix: '/intake/' },
      { name: 'Land_Registry', database: 'intake', port: 3001, gatewayPrefix: 'land' },
    ];
    expect(registryProblems(registry, ROOT)).toEqual([
      'scripts/services.json: Land_Registry has the same database as intake (intake)',
      'scripts/services.json: Land_Registry has the same port as intake (3001)',
      'scripts/services.json: name "Land_Registry" is not lower-case kebab-case',
      'scripts/services.json: gatewayPrefix "land" of Land_Registry is not of the form /<segment>/',
    ]);
  });
});
