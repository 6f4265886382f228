import { type ArgumentMetadata, HttpStatus, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { type FieldProblem, ProblemDetailsException } from './problem-details';

/**
 * The one validation pipe of every service: unknown properties are refused (not silently dropped), payloads
 * become class instances, and a failure is a `REQUEST.INVALID` problem naming each field by its full path.
 */
export function validationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) =>
      new ProblemDetailsException({
        status: HttpStatus.BAD_REQUEST,
        code: 'REQUEST.INVALID',
        detail: 'One or more fields are invalid; see errors.',
        errors: flattenValidationErrors(errors),
      }),
  });
}

/** Nested errors become `applicant.fullName`, array items `documents.0.name`; one entry per constraint. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ field, code, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Global pipes also run on message handlers (`inheritAppConfig`). Integration events are validated by the
 * transport on arrival against their contract, keeping fields a newer producer added; refusing those here as
 * "not whitelisted" would park every message of a compatible newer version. So the pipe skips event classes
 * (recognised by their static `type` and `version`).
 */
class RequestValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    const cls = metadata.metatype as { type?: unknown; version?: unknown } | undefined;
    if (cls && typeof cls.type === 'string' && typeof cls.version === 'number') return false;
    return super.toValidate(metadata);
  }
}
