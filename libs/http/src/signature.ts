import { createHmac, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable, type Type, mixin } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Refusal } from '@motcua/errors';

/**
 * How an outside party's calls to us are authenticated when it has no token of ours (the SMS gateway's delivery
 * reports, the carrier's callbacks): `X-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with a shared secret>`.
 */
export const SIGNATURE_HEADER = 'x-signature';

/** The signature header's value for `body`. */
export function signatureOf(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether `header` is the signature of exactly these bytes (compared in constant time). */
export function isSignedBy(secret: string, body: Buffer | undefined, header: string | undefined): boolean {
  if (body === undefined || header === undefined) return false;
  const expected = Buffer.from(signatureOf(secret, body));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A guard for a route an outside party calls without a token of ours: the signature over the raw body is its
 * authentication, checked before the body is even validated; a missing or wrong one is refused with `code` (401)
 * and changes nothing. The secret is read once, when the guard is made.
 */
export function SignedBodyGuard(code: string, secretOf: () => string): Type<CanActivate> {
  @Injectable()
  class SignedBody implements CanActivate {
    private readonly secret = secretOf();

    canActivate(context: ExecutionContext): boolean {
      const request = context.switchToHttp().getRequest<{ rawBody?: Buffer; headers: Record<string, string | string[] | undefined> }>();
      const signature = request.headers[SIGNATURE_HEADER];
      if (!isSignedBy(this.secret, request.rawBody, typeof signature === 'string' ? signature : undefined)) {
        throw new Refusal(code, `The ${SIGNATURE_HEADER} header is missing or is not the HMAC-SHA256 of the body`);
      }
      return true;
    }
  }
  return mixin(SignedBody);
}

/**
 * Documents the `X-Signature` header of a route guarded by `SignedBodyGuard` (an outside party's callback). The
 * operation's problems still list the guard's code (`@ApiProblems('CARRIER.CALLBACK_SIGNATURE_INVALID', …)`).
 */
export const ApiSignedBody = (secretName: string): MethodDecorator =>
  ApiHeader({
    name: 'X-Signature',
    required: true,
    description:
      `\`sha256=\` and the hex HMAC-SHA256 of the raw request body (the exact bytes sent), keyed with the secret shared with us (${secretName}). ` +
      'Checked before the body is read: a missing or wrong signature is a 401 and changes nothing.',
    schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$', example: 'sha256=3f6c1b2e9a4d7c8b5e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d' },
  });
