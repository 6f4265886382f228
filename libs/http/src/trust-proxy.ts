import { isIP } from 'node:net';
import { type ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Which proxies in front of a service may say who the client is (`X-Forwarded-For`), as Fastify's `trustProxy`
 * takes it: none (`false`, the default: `request.ip` is the peer of the connection), all (`true`), or the
 * proxies' addresses and networks. (A hop count is not offered: Fastify cannot check the peer against it and
 * trusts nothing.)
 */
export type TrustProxy = boolean | string[];

/** proxy-addr's (Fastify's) names for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrNetwork(entry: string): boolean {
  if (RANGE_NAMES.has(entry) || isIP(entry) !== 0) return true;
  const match = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (!match) return false;
  const family = isIP(match[1]);
  const bits = Number(match[2]);
  return family !== 0 && bits <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY` as Fastify takes it, or undefined when it is not one of: `false`, `true`, or a comma-separated
 * list of addresses, CIDR networks and the names `loopback`, `linklocal`, `uniquelocal` (`10.0.0.0/8,loopback`).
 * Trust only what stands between the clients and the service: a client that reaches the service directly from a
 * trusted address can claim any address.
 */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const text = value.trim();
  if (text === 'false') return false;
  if (text === 'true') return true;
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.length > 0 && entries.every(isAddressOrNetwork) ? entries : undefined;
}

/** Validates an environment variable with `parseTrustProxy`, so a bad value stops the service at start, named. */
export function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTrustProxy',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be false, true, or comma-separated addresses and networks (10.0.0.0/8, loopback)`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== undefined },
    });
}
