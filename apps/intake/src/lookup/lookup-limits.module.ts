import { createHash } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ThrottlerModule, type ThrottlerModuleOptions, seconds } from '@nestjs/throttler';
import { readEnvironment } from '@motcua/config';
import { LookupAttemptStore } from './lookup-attempt.store';
import { LookupLimit, LookupLimitsEnvironment } from './lookup-limits';
import { LookupMetrics } from './lookup-metrics';
import { LookupThrottlerGuard } from './lookup-throttler.guard';
import { PostgresThrottlerStorage } from './postgres-throttler-storage';

/** Fastify's request with the route's parameters (the dossier's code). */
interface LookupRequest {
  params?: { code?: string };
}

@Module({
  providers: [LookupAttemptStore, PostgresThrottlerStorage],
  exports: [PostgresThrottlerStorage],
})
class LookupCountersModule {}

/**
 * The limits of the citizen's lookup: `@UseGuards(LookupThrottlerGuard)` on every route that accepts the
 * receipt's secret. The per-client limit comes first, so attempts on a dossier already blocked still count
 * against the client that makes them. Both routes share the counters (the key is the dossier's code, or the
 * client's address, not the route).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [LookupCountersModule],
      inject: [PostgresThrottlerStorage],
      useFactory: (storage: PostgresThrottlerStorage): ThrottlerModuleOptions => {
        const env = readEnvironment(LookupLimitsEnvironment);
        const ttl = seconds(env.LOOKUP_WINDOW_SECONDS);
        return {
          storage,
          setHeaders: false,
          generateKey: (_context, tracker) => tracker,
          throttlers: [
            // tracked by the guard's own rule: the client's address (IPv6 by /64), as Fastify gives it (TRUST_PROXY)
            { name: LookupLimit.Client, limit: env.LOOKUP_ATTEMPTS_PER_CLIENT, ttl, blockDuration: ttl },
            {
              name: LookupLimit.Dossier,
              limit: env.LOOKUP_ATTEMPTS_PER_DOSSIER,
              ttl,
              blockDuration: ttl,
              // a fingerprint of the path's code: the guard runs before the validation pipe, so the code may be
              // anything (a NUL, megabytes); the counter's key is always 64 hex characters
              getTracker: (request: LookupRequest) =>
                createHash('sha256')
                  .update(request.params?.code ?? '')
                  .digest('hex'),
            },
          ],
        };
      },
    }),
  ],
  providers: [LookupMetrics, LookupThrottlerGuard],
  exports: [ThrottlerModule, LookupMetrics, LookupThrottlerGuard],
})
export class LookupLimitsModule {}
