import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { SyncStore } from './sync.store';

/**
 * On the service's registry (served at /metrics): `portal_updates_total{kind,outcome}` (sent, transient, refused),
 * and, read from the queues when scraped, `portal_backlog_updates`, `portal_oldest_unsynced_seconds` and
 * `portal_parked_dossiers`.
 */
@Injectable()
export class SyncMetrics {
  private readonly updates: Counter<'kind' | 'outcome'>;

  constructor(registry: Registry, store: SyncStore) {
    this.updates = new Counter({
      name: 'portal_updates_total',
      help: 'Updates the portal was sent, by kind (dossier, progress) and outcome (sent, transient, refused)',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    });
    let backlog: ReturnType<SyncStore['backlog']> | undefined;
    // the three gauges from one read per scrape
    const read = () => (backlog ??= store.backlog(new Date()).finally(() => setTimeout(() => (backlog = undefined), 100).unref()));
    new Gauge({
      name: 'portal_backlog_updates',
      help: 'Updates not yet accepted by the portal',
      registers: [registry],
      async collect() {
        this.set((await read()).updates);
      },
    });
    new Gauge({
      name: 'portal_oldest_unsynced_seconds',
      help: 'How long the oldest update not yet accepted by the portal has waited',
      registers: [registry],
      async collect() {
        this.set((await read()).oldestSeconds);
      },
    });
    new Gauge({
      name: 'portal_parked_dossiers',
      help: 'Dossiers parked after the portal refused their update PORTAL_MAX_REFUSALS times',
      registers: [registry],
      async collect() {
        this.set((await read()).parked);
      },
    });
  }

  settled(kind: 'dossier' | 'progress', outcome: 'sent' | 'transient' | 'refused'): void {
    this.updates.inc({ kind, outcome });
  }
}
