import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { IS_ENUM } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

/** A payload's JSON Schema; `$ref`s point at `#/components/schemas/<class name>`. */
export type PayloadSchema = ReturnType<typeof validationMetadatasToSchemas>[string];

/**
 * The JSON Schema of every class that has class-validator rules, by class name: what the contract classes say,
 * in the form a subscriber (AsyncAPI) and a compiled validator read. What `class-validator-jsonschema` leaves out or
 * gets wrong for these rules is corrected: a TypeScript enum's values only (`@IsEnum` allows its names too, but no
 * producer sends them) with their JSON type, and `null` wherever `@IsOptional` allows it.
 */
export function payloadSchemas(): Record<string, PayloadSchema> {
  const generated = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: {
      [IS_ENUM]: (meta) => {
        const values = Object.values(meta.constraints[0] as Record<string, string | number>);
        const numbers = values.filter((v): v is number => typeof v === 'number');
        return numbers.length > 0 ? { type: 'integer', enum: numbers } : { type: 'string', enum: values };
      },
    },
  });
  return Object.fromEntries(
    Object.entries(generated).map(([name, schema]) => {
      const required = new Set(schema.required ?? []);
      const properties = Object.entries(schema.properties ?? {}).map(([property, rule]) => [
        property,
        required.has(property) ? rule : nullable(rule as PayloadSchema),
      ]);
      return [name, { ...schema, properties: Object.fromEntries(properties) }];
    }),
  );
}

/**
 * The name of the schema that holds a class's rules: its own, or (for a class that adds no rule to the one it
 * extends, which has none of its own) its nearest ancestor's.
 */
export function schemaNameOf(cls: Function, schemas: Readonly<Record<string, PayloadSchema>>): string | undefined {
  for (let current: Function | null = cls; current?.name; current = Object.getPrototypeOf(current) as Function | null) {
    if (schemas[current.name]) return current.name;
  }
  return undefined;
}

/** The schema that also allows null: what `@IsOptional` lets through besides a missing field. */
function nullable(schema: PayloadSchema): PayloadSchema {
  if (typeof schema.type !== 'string') return { anyOf: [schema, { type: 'null' }] };
  const type = [schema.type, 'null'] as unknown as PayloadSchema['type']; // JSON Schema's type list, which openapi3-ts does not type
  return schema.enum ? { ...schema, type, enum: [...schema.enum, null] } : { ...schema, type };
}
