import { type ExecutionContext, HttpStatus, createParamDecorator } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ProblemDetailsException } from '@motcua/errors';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The request's `Idempotency-Key` header, or undefined when the client sent none; a malformed key is a 400
 * problem naming the header.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (typeof header === 'string' && IDEMPOTENCY_KEY.test(header)) return header;
  throw new ProblemDetailsException({
    status: HttpStatus.BAD_REQUEST,
    code: 'IDEMPOTENCY.KEY_INVALID',
    errors: [{ field: 'Idempotency-Key', code: 'KEY_INVALID', message: '1 to 255 visible ASCII characters' }],
  });
});

/** The part of an HTTP response (Fastify's reply) a command needs: its status and a header. */
export interface CommandHttpResponse {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}

/** Sends a command's response: its status, `Idempotent-Replayed: true` when it is a remembered one, its body. */
export function answerCommand<T>(response: CommandHttpResponse, result: { status: number; body: T; replayed: boolean }): T {
  response.status(result.status);
  if (result.replayed) response.header('Idempotent-Replayed', 'true');
  return result.body;
}

/**
 * Documents the `Idempotency-Key` header of a command a client may retry (the OpenAPI document then lists
 * `IDEMPOTENCY.KEY_INVALID` and `IDEMPOTENCY.KEY_REUSED` among its problems).
 */
export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes the command safe to retry: 1 to 255 visible ASCII characters, unique per command (a UUID). The same key with the same body ' +
      'answers the first answer again, with `Idempotent-Replayed: true`, and does nothing twice; the same key with another body is 422 ' +
      '`IDEMPOTENCY.KEY_REUSED`. Keys are remembered per caller for 24 hours.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$', example: '6f1c2a9e-3b7d-4e52-9a1f-0c8d5e2b7a41' },
  });
