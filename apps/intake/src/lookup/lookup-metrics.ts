import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { LookupLimit } from './lookup-limits';

/** `lookup_attempts_limited_total{limit}`: lookups refused with 429, on the service's registry (served at /metrics). */
@Injectable()
export class LookupMetrics {
  private readonly limited: Counter<'limit'>;

  constructor(registry: Registry) {
    this.limited = new Counter({
      name: 'lookup_attempts_limited_total',
      help: "Citizens' lookups by the receipt's secret refused as too many, by the limit reached (dossier or client)",
      labelNames: ['limit'] as const,
      registers: [registry],
    });
  }

  limitReached(limit: LookupLimit): void {
    this.limited.inc({ limit });
  }
}
