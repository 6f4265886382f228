import { type EventClass, type PayloadSchema, instanceOf, payloadSchemas, schemaNameOf } from '@motcua/contracts';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isEmail, isISO8601, isUUID } from 'class-validator';

/**
 * Turns a payload as it travels (parsed JSON) into an instance of its contract class and validates it. The
 * producer runs the same check on the JSON it is about to store, so what it publishes is what consumers accept.
 * Unknown fields are kept, not rejected: contracts grow by optional fields, and an older consumer must accept
 * a newer producer's message.
 *
 * The check is the contract class's JSON Schema (made from its class-validator rules, as the AsyncAPI document
 * shows it) compiled once per class: it runs in every command that publishes, where class-validator took a
 * sixth of workflow's CPU in claim + forward. The formats are class-validator's own functions.
 */
export function toValidEvent<T extends object>(cls: EventClass<T>, plain: unknown): { event: T; problems: string[] } {
  const problems = contractProblems(cls, plain);
  return { event: problems.length > 0 ? (plain as T) : instanceOf(cls as unknown as new () => T, plain as object), problems };
}

/** What is wrong with a payload (parsed JSON) by its contract; none: it may be published. */
export function contractProblems(cls: EventClass, plain: unknown): string[] {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) return ['the payload is not a JSON object'];
  const validate = validatorOf(cls);
  return validate(plain) ? [] : (validate.errors ?? []).map(describe);
}

const ajv = new Ajv({ allErrors: true, strict: false });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
ajv.addFormat('uuid', { type: 'string', validate: (value) => isUUID(value) });
ajv.addFormat('email', { type: 'string', validate: (value) => isEmail(value) });
// `@IsISO8601({ strict: true })` becomes "a date or a date-time": together, exactly class-validator's check
ajv.addFormat('date', { type: 'string', validate: (value) => DATE.test(value) && isISO8601(value, { strict: true }) });
ajv.addFormat('date-time', { type: 'string', validate: (value) => !DATE.test(value) && isISO8601(value, { strict: true }) });

const validators = new WeakMap<Function, ValidateFunction>();
let schemas: { id: string; byName: Record<string, PayloadSchema> } | undefined;
let made = 0;

function validatorOf(cls: Function): ValidateFunction {
  const validate = validators.get(cls);
  if (validate) return validate;
  let name = schemas && schemaNameOf(cls, schemas.byName);
  if (!schemas || !name) {
    // the first check, or a class defined since the schemas were made (a test's): made again, all of them
    const byName = payloadSchemas();
    schemas = { id: `payloads-${++made}`, byName }; // each making its own id: ajv keeps every one it was given
    ajv.addSchema({ components: { schemas: byName } }, schemas.id);
    name = schemaNameOf(cls, byName);
  }
  // a class without rules has nothing to check but that the payload is an object
  const compiled = ajv.compile(name ? { $ref: `${schemas.id}#/components/schemas/${name}` } : { type: 'object' });
  validators.set(cls, compiled);
  return compiled;
}

/** `applicant.wardCode: must match pattern "^\d{5}$"`, `dossierCode: is required`. */
function describe(error: ErrorObject): string {
  const path = error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'required') return `${path ? `${path}.` : ''}${String(error.params.missingProperty)}: is required`;
  return `${path || '(payload)'}: ${error.message ?? error.keyword}`;
}
