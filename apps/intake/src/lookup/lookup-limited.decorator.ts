import { UseGuards, applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { LookupThrottlerGuard } from './lookup-throttler.guard';

/**
 * A route the applicant reaches with the secret printed on their receipt: documents the `X-Lookup-Secret` header and
 * counts the attempts (ADR 005). The handler lists `LOOKUP.TOO_MANY_ATTEMPTS` among its `@ApiProblems`.
 */
export const LookupLimited = (): MethodDecorator =>
  applyDecorators(
    UseGuards(LookupThrottlerGuard),
    ApiHeader({
      name: 'X-Lookup-Secret',
      required: false,
      description:
        'Mã tra cứu: the secret printed on the receipt, for an applicant without a citizen token. Attempts are counted per dossier and per ' +
        'client: too many answer 429 `LOOKUP.TOO_MANY_ATTEMPTS` with `Retry-After`. A wrong or missing secret reads as a dossier that does not exist (404).',
      schema: { type: 'string', example: 'q3X9vB7kLm2P' },
    }),
  );
