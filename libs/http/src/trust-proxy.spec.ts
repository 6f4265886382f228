import { EnvironmentError, readEnvironment } from '@motcua/config';
import { IsTrustProxy, parseTrustProxy } from './trust-proxy';

class ProxyEnvironment {
  @IsTrustProxy()
  TRUST_PROXY = 'false';
}

describe('which proxies may say who the client is (TRUST_PROXY)', () => {
  it('trusts none by default, all with true, and the gateway’s addresses and networks when listed', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('10.0.0.0/8, loopback')).toEqual(['10.0.0.0/8', 'loopback']);
    expect(parseTrustProxy('172.18.0.5,fd00::/8,uniquelocal,linklocal')).toEqual(['172.18.0.5', 'fd00::/8', 'uniquelocal', 'linklocal']);
  });

  it('refuses what Fastify would not trust as meant: hop counts, host names, bad networks', () => {
    for (const bad of ['1', 'gateway', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/', 'loopback,', '', 'yes']) {
      expect([bad, parseTrustProxy(bad)]).toEqual([bad, undefined]);
    }
  });

  it('stops the service at start with the variable named', () => {
    expect(readEnvironment(ProxyEnvironment, {}).TRUST_PROXY).toBe('false');
    expect(readEnvironment(ProxyEnvironment, { TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(() => readEnvironment(ProxyEnvironment, { TRUST_PROXY: '2' })).toThrow(EnvironmentError);
    expect(() => readEnvironment(ProxyEnvironment, { TRUST_PROXY: '2' })).toThrow(/TRUST_PROXY/);
  });
});
