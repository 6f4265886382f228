import { join } from 'node:path';
import { SERVICES } from './service-registry';
import { type RegisteredSimulator, SIMULATORS, simulatorProblems } from './simulator-registry';

const ROOT = join(__dirname, '..', '..', '..');

const SMS: RegisteredSimulator = {
  name: 'sms-gateway',
  port: 3101,
  entry: 'simulators/sms-gateway/main.ts',
  env: {},
  servicesEnv: { SMS_GATEWAY_URL: 'http://127.0.0.1:3101' },
};

describe('scripts/simulators.json, the only list of simulators', () => {
  it('agrees with simulators/ and the services', () => {
    expect(SIMULATORS.length).toBeGreaterThan(0);
    expect(simulatorProblems(SIMULATORS, SERVICES, ROOT)).toEqual([]);
  });

  it('notices a folder under simulators/ nobody registered', () => {
    const registry = SIMULATORS.filter((s) => s.name !== 'sms-gateway');
    expect(simulatorProblems(registry, SERVICES, ROOT)).toContain('simulators/sms-gateway: not in scripts/simulators.json');
  });

  it('notices a simulator registered without its files', () => {
    const registry = [...SIMULATORS, { ...SMS, name: 'fax-gateway', port: 3999, entry: 'simulators/fax-gateway/main.ts', servicesEnv: {} }];
    expect(simulatorProblems(registry, SERVICES, ROOT)).toEqual([
      'simulators/fax-gateway/main.ts: missing for fax-gateway',
      'simulators/fax-gateway/fax-gateway-simulator.ts: missing for fax-gateway',
    ]);
  });

  it("refuses a service's port, a port taken twice, another entry, and services pointed at the wrong port", () => {
    const others = SIMULATORS.filter((s) => s.name !== 'sms-gateway');
    const registry = [{ ...SMS, port: 3003, entry: 'simulators/sms-gateway/index.ts', servicesEnv: { SMS_GATEWAY_URL: 'http://127.0.0.1:3199' } }, ...others];
    expect(simulatorProblems(registry, SERVICES, ROOT)).toEqual([
      'scripts/simulators.json: sms-gateway has the same port as service notification (3003)',
      'scripts/simulators.json: entry of sms-gateway is simulators/sms-gateway/index.ts, not simulators/sms-gateway/main.ts',
      "scripts/simulators.json: sms-gateway's SMS_GATEWAY_URL points at port 3199, not 3003",
    ]);
  });
});
