import type { EventClass } from '@motcua/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/**
 * Turns a payload as it travels (parsed JSON) into an instance of its contract class and validates it. The
 * producer runs the same check on the JSON it is about to store, so what it publishes is what consumers accept.
 * Unknown fields are kept, not rejected: contracts grow by optional fields, and an older consumer must accept
 * a newer producer's message.
 */
export async function toValidEvent<T extends object>(cls: EventClass<T>, plain: unknown): Promise<{ event: T; problems: string[] }> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { event: plain as T, problems: ['the payload is not a JSON object'] };
  }
  const event = plainToInstance(cls as unknown as new () => T, plain);
  const errors = await validate(event, { forbidUnknownValues: false });
  return { event, problems: errors.flatMap((e) => describe(e, '')) };
}

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function describe(error: ValidationIssue, path: string): string[] {
  const here = path ? `${path}.${error.property}` : error.property;
  const own = error.constraints ? [`${here}: ${Object.values(error.constraints).join(', ')}`] : [];
  return [...own, ...(error.children ?? []).flatMap((child) => describe(child, here))];
}
