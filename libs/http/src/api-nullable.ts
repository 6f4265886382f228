import { ApiProperty, type ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';

/** The branch that admits null and nothing else, in OpenAPI 3.0's words. */
export const NULL_SCHEMA = { type: 'object', nullable: true, enum: [null] } as const;

/**
 * A property that is an object of a named schema, or null. `@ApiProperty({ type: () => X, nullable: true })` writes
 * `nullable: true` beside `allOf: [{ $ref }]`, and since OpenAPI 3.0.3 `nullable` admits null only to the `type` of
 * its own schema object, never past the `$ref`'s constraints: that document refuses the null it means to allow (and
 * the response check, which reads it so, fails). Null is its own branch here: `oneOf: [{ $ref: X }, null]`.
 *
 * The `$ref` alone does not put X in the document: name it in the controller's `@ApiExtraModels(X)` (or reach it
 * through another property), as for any schema referenced by path.
 */
export function ApiNullableProperty(
  model: () => abstract new (...args: never[]) => unknown,
  options: Omit<ApiPropertyOptions, 'type'> = {},
): PropertyDecorator {
  return (target, key) => ApiProperty({ ...options, oneOf: [{ $ref: getSchemaPath(model()) }, NULL_SCHEMA] } as ApiPropertyOptions)(target, key);
}
