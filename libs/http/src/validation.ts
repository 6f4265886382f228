import { type ArgumentMetadata, HttpStatus, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { type FieldProblem, ProblemDetailsException } from '@motcua/errors';
import { instanceOf } from '@motcua/contracts';
import { inputProblems } from './request-input';
import { compiledBodyCheck } from './request-schema';

/**
 * The one validation pipe of every service: what no request may carry is refused first (`inputProblems`: too
 * deep, `__proto__`, NUL, lone surrogates), unknown properties are refused (not silently dropped), payloads become
 * class instances, and a failure is a `REQUEST.INVALID` problem naming each field by its full path.
 */
export function validationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => invalidRequest(flattenValidationErrors(errors)),
  });
}

/** The `REQUEST.INVALID` problem (400) naming each field at fault. */
function invalidRequest(errors: FieldProblem[]): ProblemDetailsException {
  return new ProblemDetailsException({
    status: HttpStatus.BAD_REQUEST,
    code: 'REQUEST.INVALID',
    detail: 'One or more fields are invalid; see errors.',
    errors,
  });
}

/** Nested errors become `applicant.fullName`, array items `documents.0.name`; one entry per constraint. */
function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
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
  /**
   * Every body, query and path parameter is checked for what no request may carry, also those the handler takes
   * without a DTO (`@Body() body: unknown`, `@Param('code') code: string`), before class-transformer copies it.
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (REQUEST_INPUTS.has(metadata.type) && !isEvent(metadata)) {
      const problems = inputProblems(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problems.length > 0) throw invalidRequest(problems);
    }
    // the common case, a body its compiled schema passes, without class-validator (`compiledBodyCheck`)
    if (metadata.type === 'body' && typeof value === 'object' && value !== null && !Array.isArray(value) && typeof metadata.metatype === 'function') {
      const check = !isEvent(metadata) && this.toValidate(metadata) ? compiledBodyCheck(metadata.metatype) : null;
      if (check?.(value)) return instanceOf(metadata.metatype as new () => object, value);
    }
    return super.transform(value, metadata);
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return !isEvent(metadata) && super.toValidate(metadata);
  }
}

const REQUEST_INPUTS = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

function isEvent(metadata: ArgumentMetadata): boolean {
  const cls = metadata.metatype as { type?: unknown; version?: unknown } | undefined;
  return !!cls && typeof cls.type === 'string' && typeof cls.version === 'number';
}
