import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from '@motcua/observability';
import { SendUpdates } from './send-updates';

/**
 * `/health/ready` says whether the portal answered the last call and names its circuit, without failing: the inbox
 * and the operators' view still work and updates wait in order (ADR 014: taking every replica out of the load
 * balancer because the portal is down would only hide the backlog).
 */
@Injectable()
export class PortalReadiness implements ReadinessCheck {
  readonly name = 'portal';

  constructor(private readonly send: SendUpdates) {}

  check(): Promise<{ up: boolean; details: Record<string, unknown> }> {
    const { circuit, lastCall, probeAt } = this.send.portalState();
    const reachable = circuit !== 'open' && (lastCall === null || lastCall.ok);
    return Promise.resolve({
      up: true,
      details: {
        reachable,
        circuit,
        ...(probeAt ? { probeAt: new Date(probeAt).toISOString() } : {}),
        ...(lastCall ? { lastCallAt: lastCall.at.toISOString(), ...(lastCall.error ? { lastError: lastCall.error } : {}) } : {}),
      },
    });
  }
}
