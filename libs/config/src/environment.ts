import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Raised at start when a variable is missing or malformed: the message names every bad variable. */
export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment: ${problems.join('; ')}`);
    this.name = 'EnvironmentError';
  }
}

/**
 * Reads and validates the variables one module needs. Each lib and app declares its own class (decorated with
 * class-validator, defaults as property initialisers), so a bad value stops the service with the variable named.
 */
export function readEnvironment<T extends object>(cls: new () => T, source: NodeJS.ProcessEnv = process.env): T {
  const instance = plainToInstance(cls, { ...new cls(), ...definedOnly(source) }, { enableImplicitConversion: true });
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new EnvironmentError(errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ') || 'invalid'}`));
  }
  return instance;
}

function definedOnly(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

/**
 * Whether a party's URL points at this machine: a simulator's credentials (which are in the source tree) are fine
 * there and nowhere else.
 */
export function isOnThisMachine(url: string): boolean {
  const { hostname } = new URL(url);
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname) || hostname.endsWith('.localhost');
}
