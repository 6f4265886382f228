import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { principalOf } from '@motcua/auth';
import { Refusal } from '@motcua/errors';
import { LookupLimit } from './lookup-limits';
import { LookupMetrics } from './lookup-metrics';

export const LOOKUP_SECRET_HEADER = 'x-lookup-secret';

/** Thrown inside the guard when a key is blocked; turned into the problem once the guard knows which limit it was. */
class LimitReached extends Error {
  constructor(readonly detail: ThrottlerLimitDetail) {
    super('lookup limit reached');
  }
}

/**
 * Limits every route that accepts the receipt's lookup secret (@nestjs/throttler, counters shared by the
 * replicas in intake's database): per dossier and per client, 429 `LOOKUP.TOO_MANY_ATTEMPTS` with `Retry-After`.
 * What relies on the secret is limited: a request that carries it, or none of a token and a secret. A caller
 * signed in with a token and no secret (an officer; the applicant with their citizen token) guesses nothing.
 */
@Injectable()
export class LookupThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly metrics: LookupMetrics,
  ) {
    super(options, storage, reflector);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    return Promise.resolve(principalOf(request) !== undefined && request.headers[LOOKUP_SECRET_HEADER] === undefined);
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(request);
    } catch (error) {
      if (!(error instanceof LimitReached)) throw error;
      const limit = request.throttler.name as LookupLimit;
      const retryAfter = Math.max(1, error.detail.timeToBlockExpire);
      this.metrics.limitReached(limit);
      this.setResponseHeader(request.context.switchToHttp().getResponse(), 'Retry-After', retryAfter);
      throw tooManyAttempts(limit, retryAfter);
    }
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new LimitReached(detail);
  }
}

function tooManyAttempts(limit: LookupLimit, retryAfter: number): Refusal {
  // Per dossier: whoever holds its code, dossier or not, so the answer says nothing of whether it exists.
  const problem =
    limit === LookupLimit.Dossier
      ? { field: 'code', code: 'DOSSIER_ATTEMPTS', message: 'Mã hồ sơ này tạm ngừng nhận tra cứu bằng mã tra cứu' }
      : { field: 'X-Lookup-Secret', code: 'CLIENT_ATTEMPTS', message: 'Địa chỉ của bạn đã thử tra cứu quá nhiều lần' };
  return new Refusal(
    'LOOKUP.TOO_MANY_ATTEMPTS',
    `Vui lòng thử lại sau ${retryAfter} giây, hoặc đăng nhập bằng tài khoản định danh điện tử của người nộp hồ sơ`,
    [problem],
  );
}
