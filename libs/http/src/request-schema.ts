import Ajv, { type ValidateFunction } from 'ajv';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_EMAIL,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_NOT_EMPTY,
  IS_OBJECT,
  IS_OPTIONAL,
  IS_STRING,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  ValidationTypes,
  getMetadataStorage,
  isEmail,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { isCalendarDate, isInstant, isNotBlank } from './request-rules';

/**
 * A request body's rules as one compiled JSON Schema check: on the hot path (a receipt, a claim) class-validator
 * walked every rule of every field through its metadata on each request, a tenth of a service's CPU. A body the
 * compiled check passes is one class-validator would pass; for anything else (a body it refuses, a class whose
 * rules cannot be compiled exactly) class-validator decides, and names the fields as it always has.
 *
 * So the check may only ever be stricter, never laxer: a class gets one only when every rule of it (and of the
 * classes nested in it) is one of those below, whose schema says the same or more (`maxLength` counts code points
 * where class-validator also discounts variation selectors; `@IsOptional` lets null through where the schema
 * does not; a pattern runs without its flags, and only flags that make class-validator laxer are taken: `i`, `m`,
 * `s`), each schema keyword written at most once per field, and unknown fields are refused (`forbidNonWhitelisted`).
 * class-transformer must hand class-validator the body as it came: a class (or one nested in it) with `@Transform`,
 * `@Expose`, `@Exclude`, `@Type` other than on a nested class, or a `@JSONSchema` of its own is not compiled.
 */
const EXACT_RULES = new Set<string>([
  IS_STRING,
  MATCHES,
  MAX_LENGTH,
  IS_INT,
  MIN,
  MAX,
  IS_IN,
  IS_ENUM,
  IS_OBJECT,
  IS_ARRAY,
  ARRAY_MIN_SIZE,
  ARRAY_MAX_SIZE,
  IS_BOOLEAN,
  IS_NOT_EMPTY,
  IS_EMAIL,
  ...Object.keys(OWN_CHECKS()),
]);

/** The suite's own rules (`@IsNotBlank`, …), each an ajv keyword running the very function class-validator runs. */
function OWN_CHECKS(): Record<string, (value: unknown) => boolean> {
  return { isNotBlank, isInstant, isCalendarDate };
}

/** The JSON type a rule asks for: two rules of one field asking for different ones are not compiled (a merge keeps one). */
const TYPE_OF_RULE: Record<string, string> = {
  [IS_STRING]: 'string',
  [MATCHES]: 'string',
  [MAX_LENGTH]: 'string',
  [IS_NOT_EMPTY]: 'string',
  [IS_EMAIL]: 'string',
  [IS_INT]: 'integer',
  [IS_ARRAY]: 'array',
  [ARRAY_MIN_SIZE]: 'array',
  [ARRAY_MAX_SIZE]: 'array',
  [IS_BOOLEAN]: 'boolean',
  [IS_OBJECT]: 'object',
};

const ajv = new Ajv({ allErrors: false, strict: false, unicodeRegExp: false });
ajv.addFormat('email', { type: 'string', validate: (value) => isEmail(value) });
for (const [name, check] of Object.entries(OWN_CHECKS())) {
  ajv.addKeyword({ keyword: name, schemaType: 'boolean', validate: (_schema: boolean, data: unknown) => check(data) });
}
// `@Min`/`@Max` ask for a number without naming a JSON type, which would overwrite `@IsInt`'s `integer`
ajv.addKeyword({ keyword: 'isNumberValue', schemaType: 'boolean', validate: (_schema: boolean, data: unknown) => typeof data === 'number' });
const CONVERTERS = {
  ...Object.fromEntries(Object.keys(OWN_CHECKS()).map((name) => [name, { [name]: true }])),
  [MIN]: (rule: ValidationMetadata) => ({ minimum: rule.constraints[0] as number, isNumberValue: true }),
  [MAX]: (rule: ValidationMetadata) => ({ maximum: rule.constraints[0] as number, isNumberValue: true }),
  // the very values `isEnum` looks among (a numeric enum's names too), no JSON type: `enumValues` checked they are strings or numbers
  [IS_ENUM]: (rule: ValidationMetadata) => ({ enum: enumValues(rule.constraints[0]) }),
};

/** What class-validator's `isEnum` compares a value with: every value of the object, reverse mappings included. */
function enumValues(entity: unknown): unknown[] {
  return typeof entity === 'object' && entity !== null ? Object.keys(entity).map((key) => (entity as Record<string, unknown>)[key]) : [];
}

/** The schema keyword a rule writes: two rules of one field writing the same one are not compiled (`repeatsAKeyword`). */
const KEYWORD_OF_RULE: Record<string, string> = { [IS_IN]: 'enum', [IS_ENUM]: 'enum' };

/** Flags a pattern may carry: each makes class-validator's match laxer than the schema's flagless one, never stricter. */
const LAXER_FLAGS = /^[gimsd]*$/;

/** class-validator-jsonschema's own `@JSONSchema` metadata key (a Symbol it does not export). */
const isJsonSchemaKey = (key: unknown) => typeof key === 'symbol' && key.description === 'class-validator-jsonschema:JSONSchema';

const checks = new WeakMap<Function, ValidateFunction | null>();

/** The compiled check of a body class, or null when class-validator must decide alone. */
export function compiledBodyCheck(cls: Function): ValidateFunction | null {
  let check = checks.get(cls);
  if (check === undefined) {
    check = compile(cls);
    checks.set(cls, check);
  }
  return check;
}

function compile(cls: Function): ValidateFunction | null {
  const definitions: Record<string, object> = {};
  if (!collect(cls, definitions, new Set())) return null;
  try {
    return ajv.compile({ $ref: `#/definitions/${cls.name}`, definitions });
  } catch {
    return null; // a pattern ajv cannot take as class-validator does: class-validator decides
  }
}

/** Adds the class's schema (and its nested classes') to `definitions`; false when a rule has no exact schema. */
function collect(cls: Function, definitions: Record<string, object>, seen: Set<Function>): boolean {
  if (seen.has(cls)) return true;
  seen.add(cls);
  const rules = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  if (rules.length === 0 || !rules.every(isExact) || repeatsAKeyword(rules) || asksForTwoTypes(rules)) return false;
  if (!takenAsItCame(cls, rules)) return false;
  for (const rule of rules.filter((r) => r.type === ValidationTypes.NESTED_VALIDATION)) {
    const nested = defaultMetadataStorage.findTypeMetadata(cls, rule.propertyName)?.typeFunction();
    if (typeof nested !== 'function' || !collect(nested as Function, definitions, seen)) return false;
  }
  const schema = targetConstructorToSchema(cls, {
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/definitions/',
    additionalConverters: CONVERTERS,
  }) as { properties?: object };
  if (definitions[cls.name]) return false; // two classes of one name in one body: their schemas would be one
  if (!Object.values(schema.properties ?? {}).every(describesItsContents)) return false;
  definitions[cls.name] = { ...schema, additionalProperties: false };
  return true;
}

/**
 * class-validator validates what `plainToInstance` made of the body, the schema the body itself: they are the same
 * only when class-transformer copies each field as it is (no `@Transform`, `@Expose`, `@Exclude`; `@Type` only to
 * name a nested class, without a discriminator) and no `@JSONSchema` rewrites the generated schema.
 */
function takenAsItCame(cls: Function, rules: ValidationMetadata[]): boolean {
  if (defaultMetadataStorage.getExposedMetadatas(cls).length > 0 || defaultMetadataStorage.getExcludedMetadatas(cls).length > 0) return false;
  if (Reflect.getMetadataKeys(cls, cls.name).some(isJsonSchemaKey)) return false;
  const nested = new Set(rules.filter((r) => r.type === ValidationTypes.NESTED_VALIDATION).map((r) => r.propertyName));
  for (const property of new Set(rules.map((r) => r.propertyName))) {
    if (defaultMetadataStorage.findTransformMetadatas(cls, property, TransformationType.PLAIN_TO_CLASS).length > 0) return false;
    const type = defaultMetadataStorage.findTypeMetadata(cls, property);
    if (type && (!nested.has(property) || type.options?.discriminator)) return false;
    if (Reflect.getMetadataKeys(cls, property).some(isJsonSchemaKey)) return false;
  }
  return true;
}

/**
 * A field's schema leaves nothing free-form: it takes a primitive, one of listed values, a nested class, or an
 * array of those. A free-form value (`steps: unknown[]` with items `{}`, an `@IsObject()` nobody describes) is one
 * class-transformer copies key by key with its own quirks (an own `constructor` key in it makes it throw), which
 * no schema states: such a class is not compiled.
 */
function describesItsContents(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const field = schema as Record<string, unknown>;
  if (['$ref', 'enum', 'isNumberValue', ...Object.keys(OWN_CHECKS())].some((keyword) => keyword in field)) return true;
  if (['string', 'integer', 'number', 'boolean'].includes(field.type as string)) return true;
  return field.type === 'array' && describesItsContents(field.items);
}

function isExact(rule: ValidationMetadata): boolean {
  if (rule.groups?.length || rule.always === false) return false;
  switch (rule.type) {
    case ValidationTypes.NESTED_VALIDATION:
      return true;
    case ValidationTypes.CONDITIONAL_VALIDATION:
      return rule.name === IS_OPTIONAL; // not @ValidateIf, whose condition no schema knows
    case ValidationTypes.CUSTOM_VALIDATION:
      return !!rule.name && EXACT_RULES.has(rule.name) && exactConstraints(rule.name, rule.constraints ?? []);
    default:
      return false;
  }
}

/** The rule's constraints are ones its schema states exactly. */
function exactConstraints(name: string, constraints: unknown[]): boolean {
  const [first] = constraints;
  switch (name) {
    case IS_EMAIL:
      return first === undefined; // isEmail's own options: not compiled
    case MATCHES:
      // a pattern given as text (with its modifiers) has no `source`: the converter would write no pattern at all
      return first instanceof RegExp && LAXER_FLAGS.test(first.flags);
    case IS_IN: {
      // the converter writes nothing for a list of mixed types (or of null, or objects, which ajv compares deeply)
      const values = Array.isArray(first) ? (first as unknown[]) : [];
      const types = new Set(values.map((value) => typeof value));
      return values.length > 0 && types.size === 1 && ['string', 'number', 'boolean'].includes([...types][0]);
    }
    case IS_ENUM: {
      const values = enumValues(first);
      return values.length > 0 && values.every((value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)));
    }
    case MIN:
    case MAX:
    case MAX_LENGTH:
    case ARRAY_MIN_SIZE:
    case ARRAY_MAX_SIZE:
      return typeof first === 'number' && Number.isFinite(first);
    default:
      return true;
  }
}

function asksForTwoTypes(rules: ValidationMetadata[]): boolean {
  const types = new Map<string, string>();
  for (const rule of rules) {
    const type =
      rule.type === ValidationTypes.CUSTOM_VALIDATION
        ? rule.name === IS_IN
          ? typeof (rule.constraints[0] as unknown[])[0]
          : TYPE_OF_RULE[rule.name ?? '']
        : undefined;
    if (!type) continue;
    const field = `${rule.propertyName}\u0000${rule.each ? 'each' : ''}`;
    const known = types.get(field);
    if (known && known !== type) return true;
    types.set(field, type);
  }
  return false;
}

/**
 * Two rules of one field that would write the same schema keyword (two patterns: the merge keeps only one; `@IsIn`
 * and `@IsEnum`: lodash merges their two `enum` lists item by item into a third).
 */
function repeatsAKeyword(rules: ValidationMetadata[]): boolean {
  const seen = new Set<string>();
  for (const rule of rules) {
    const name = rule.type === ValidationTypes.CUSTOM_VALIDATION ? (KEYWORD_OF_RULE[rule.name ?? ''] ?? rule.name) : rule.type;
    const key = `${rule.propertyName}\u0000${name}\u0000${rule.each ? 'each' : ''}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
