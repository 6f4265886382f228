import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from '@motcua/observability';
import { DispatchNotifications } from './dispatch-notifications';

/**
 * `/health/ready` names each channel's circuit. An open circuit is reported, not counted as the service being
 * down: the delivery log, the inbox and the consumer of events still work, and messages wait for the provider;
 * taking every replica out of the load balancer because the SMS gateway is down would only hide the log too.
 */
@Injectable()
export class DeliveryReadiness implements ReadinessCheck {
  readonly name = 'channels';

  constructor(private readonly dispatch: DispatchNotifications) {}

  check(): Promise<{ up: boolean; details: Record<string, unknown> }> {
    const circuits = this.dispatch.circuits();
    const details = Object.fromEntries(circuits.map((c) => [c.channel, { circuit: c.state, ...(c.reopensAt ? { probeAt: c.reopensAt.toISOString() } : {}) }]));
    return Promise.resolve({ up: true, details: { ...details, openCircuits: circuits.filter((c) => c.state === 'open').map((c) => c.channel) } });
  }
}
