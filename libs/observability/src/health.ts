import { Controller, Get, HttpStatus, Inject, type OnApplicationShutdown, Res, type Type } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { type HealthCheckResult, HealthCheckService, type HealthIndicatorFunction, type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { DatabaseProbe } from './database-probe';
import { PublicRoute } from './public-route';

/**
 * Something the service needs to do useful work besides its database (the broker connection, outbox lag).
 * Implement it as a provider anywhere in the app and list the class in `ObservabilityModule.forService`.
 */
export abstract class ReadinessCheck {
  abstract readonly name: string;
  abstract check(): Promise<{ up: boolean; details?: Record<string, unknown> }>;
}

/** Structural twin of ReadinessCheck, so libs (e.g. messaging) need not import this one to be listed. */
export type ReadinessCheckLike = Pick<ReadinessCheck, 'name' | 'check'>;

export const READINESS_CHECKS = Symbol('motcua.readinessChecks');

/**
 * How long readiness waits for each of its parts: an orchestrator's probe (and a retry storm of them) gets its
 * answer within about this, whatever the database or the broker do. The database's answer holds as long.
 */
export const READINESS_TIMEOUT_MS = 1000;

/**
 * Liveness says only that the process answers (restart me if not); readiness says whether to send traffic:
 * the database answers a ping and every readiness check is up, else 503 with the failing parts named. The ping
 * runs on a connection of its own (`DatabaseProbe`), not behind the requests waiting for the pool, at most one a
 * second; each part that does not answer within `READINESS_TIMEOUT_MS` counts as down.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('health')
export class HealthController implements OnApplicationShutdown {
  private resolved?: ReadinessCheckLike[];
  private probe?: DatabaseProbe | null;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(READINESS_CHECKS) private readonly checkTypes: Type<ReadinessCheckLike>[],
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: unknown): Promise<HealthCheckResult> {
    const indicators: HealthIndicatorFunction[] = [];
    const probe = this.databaseProbe();
    if (probe) indicators.push(() => this.run({ name: 'database', check: () => probe.check() }));
    for (const check of this.readinessChecks()) indicators.push(() => this.run(check));
    try {
      return await this.health.check(indicators);
    } catch (error) {
      const body = (error as { getResponse?: () => unknown }).getResponse?.();
      if (!body || typeof body !== 'object') throw error;
      this.adapterHost.httpAdapter.status(response, HttpStatus.SERVICE_UNAVAILABLE);
      return body as HealthCheckResult;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.probe?.close();
  }

  /** One part of readiness, down if it fails or does not answer within `READINESS_TIMEOUT_MS`. */
  private async run(check: ReadinessCheckLike): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(check.name);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), READINESS_TIMEOUT_MS)));
    try {
      const result = await Promise.race([check.check(), late]);
      if (!result) return indicator.down({ message: `no answer within ${READINESS_TIMEOUT_MS} ms` });
      return result.up ? indicator.up(result.details ?? {}) : indicator.down(result.details ?? {});
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  private databaseProbe(): DatabaseProbe | undefined {
    if (this.probe === undefined) {
      const dataSource = this.dataSource();
      this.probe = dataSource ? DatabaseProbe.of(dataSource, { timeoutMs: READINESS_TIMEOUT_MS, freshForMs: READINESS_TIMEOUT_MS }) : null;
    }
    return this.probe ?? undefined;
  }

  private readinessChecks(): ReadinessCheckLike[] {
    this.resolved ??= this.checkTypes.map((type) => this.moduleRef.get(type, { strict: false }));
    return this.resolved;
  }

  private dataSource(): DataSource | undefined {
    try {
      return this.moduleRef.get(DataSource, { strict: false });
    } catch {
      return undefined; // a service without a database (none today) is ready without the ping
    }
  }
}
