import { Controller, Get, HttpStatus, Inject, Res, type Type } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  type HealthCheckResult,
  HealthCheckService,
  type HealthIndicatorFunction,
  type HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { DataSource } from 'typeorm';
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
 * Liveness says only that the process answers (restart me if not); readiness says whether to send traffic:
 * the database answers a ping and every readiness check is up, else 503 with the failing parts named.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('health')
export class HealthController {
  private resolved?: ReadinessCheckLike[];

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly typeOrm: TypeOrmHealthIndicator,
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
    const dataSource = this.dataSource();
    if (dataSource) indicators.push(() => this.typeOrm.pingCheck('database', { connection: dataSource }).withTimeout(2000));
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

  private async run(check: ReadinessCheckLike): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(check.name);
    try {
      const result = await check.check();
      return result.up ? indicator.up(result.details ?? {}) : indicator.down(result.details ?? {});
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
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
