import { TransformationType, plainToInstance } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';

type Constructor = new () => object;

/** Per class: its nested classes by property (`@Type`), or null when class-transformer must make it itself. */
const plans = new WeakMap<Function, ReadonlyMap<string, Constructor> | null>();

/**
 * What class-transformer's `plainToInstance` makes of a plain object (parsed JSON a schema has checked): an instance
 * of the class with every field copied, the nested classes its `@Type`s name made the same way. A class whose fields
 * class-transformer would change (`@Transform`, `@Expose`, `@Exclude`, a discriminator, a `@Type` that is not a class
 * of plain fields) is left to class-transformer. Made from a plan per class: class-transformer walks its metadata for
 * every field of every object, which cost 3–8 % of each consumer's CPU (docs/adr/021-round-trips.md §18). Nested
 * arrays of a class (`Cls[][]`) are copied as plain values: no contract has one.
 */
export function instanceOf<T extends object>(cls: new () => T, plain: object): T {
  const plan = planOf(cls);
  if (!plan) return plainToInstance(cls, plain);
  return made(cls, plain, plan) as T;
}

function made(cls: Constructor, plain: object, plan: ReadonlyMap<string, Constructor>): object {
  const instance = new cls() as Record<string, unknown>;
  for (const [key, value] of Object.entries(plain)) {
    if (key === '__proto__' || key === 'constructor') continue; // as class-transformer: never copied, at any depth
    if (typeof instance[key] === 'function' || readOnly(cls, key)) continue; // as class-transformer: a method or getter stays
    const nested = plan.get(key);
    instance[key] = nested ? typed(nested, value) : copied(value);
  }
  return instance;
}

function typed(nested: Constructor, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => (isPlainObject(item) ? instanceOf(nested, item) : copied(item)));
  return isPlainObject(value) ? instanceOf(nested, value) : value;
}

/** A field no `@Type` names: copied as class-transformer copies it (arrays and objects anew, key by key). */
function copied(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copied);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (key !== '__proto__' && key !== 'constructor') copy[key] = copied(item);
  return copy;
}

/** A getter without a setter on the class (class-transformer leaves it alone). */
function readOnly(cls: Constructor, key: string): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, key);
  return !!descriptor && !descriptor.set && !('value' in descriptor);
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function planOf(cls: Function): ReadonlyMap<string, Constructor> | null {
  let plan = plans.get(cls);
  if (plan === undefined) {
    plans.set(cls, null); // a class nested in itself is left to class-transformer
    plan = makePlan(cls as Constructor);
    plans.set(cls, plan);
  }
  return plan;
}

function makePlan(cls: Constructor): ReadonlyMap<string, Constructor> | null {
  if (defaultMetadataStorage.getExposedMetadatas(cls).length > 0 || defaultMetadataStorage.getExcludedMetadatas(cls).length > 0) return null;
  let fields: Set<string>;
  try {
    // its declared fields (ES2022 class fields are own properties from the start), and those with rules
    const ruled = getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .map((rule) => rule.propertyName);
    fields = new Set([...Object.keys(new cls()), ...ruled]);
  } catch {
    return null;
  }
  const plan = new Map<string, Constructor>();
  for (const field of fields) {
    if (defaultMetadataStorage.findTransformMetadatas(cls, field, TransformationType.PLAIN_TO_CLASS).length > 0) return null;
    const type = defaultMetadataStorage.findTypeMetadata(cls, field);
    if (!type) continue;
    let nested: unknown;
    try {
      nested = type.options?.discriminator ? undefined : type.typeFunction(); // a conditional `@Type` may need its value
    } catch {
      return null;
    }
    if (typeof nested !== 'function' || [Date, String, Number, Boolean, Object, Array, Map, Set].includes(nested as never)) return null;
    if (planOf(nested) === null) return null;
    plan.set(field, nested as Constructor);
  }
  return plan;
}
