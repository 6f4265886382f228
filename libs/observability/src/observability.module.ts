import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { readEnvironment } from '@motcua/config';
import { HealthController, READINESS_CHECKS, type ReadinessCheckLike } from './health';
import { loggerParams } from './logging';
import { HttpMetrics, MetricsController, createMetricsRegistry } from './metrics';
import { ObservabilityEnvironment } from './observability-environment';

export interface ObservabilityOptions {
  /** `intake`, `workflow`, ...: put in every log line and as the `service` label of every metric. */
  service: string;
  /** Provider classes (declared in other modules) that /health/ready asks besides the database ping. */
  readinessChecks?: Type<ReadinessCheckLike>[];
  /** Where JSON log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream;
}

/** The resolved service name (SERVICE_NAME overrides the one given in code). */
export class ServiceName {
  constructor(readonly value: string) {}
}

/**
 * Logs (JSON, correlation id on every line), /metrics, /health/live and /health/ready for one service.
 * Global: `Registry` (prom-client) and the pino `Logger`/`PinoLogger` are injectable anywhere.
 */
@Module({})
export class ObservabilityModule {
  static forService(o: ObservabilityOptions): DynamicModule {
    const serviceName = {
      provide: ServiceName,
      useFactory: () => new ServiceName(readEnvironment(ObservabilityEnvironment).SERVICE_NAME ?? o.service),
    };
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          useFactory: () => {
            const env = readEnvironment(ObservabilityEnvironment);
            return loggerParams({ service: env.SERVICE_NAME ?? o.service, level: env.LOG_LEVEL, destination: o.logDestination });
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        serviceName,
        { provide: Registry, useFactory: (name: ServiceName) => createMetricsRegistry(name.value), inject: [ServiceName] },
        { provide: READINESS_CHECKS, useValue: o.readinessChecks ?? [] },
        HttpMetrics,
      ],
      exports: [ServiceName, Registry, HttpMetrics, LoggerModule],
    };
  }
}
