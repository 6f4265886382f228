/**
 * The broker topology as plain data: names and queue arguments. No amqplib import, so the rules (what a retry
 * tier dead-letters to, which safety arguments a quorum queue needs on RabbitMQ 3.10) are unit-tested alone.
 */

/** Quorum queues redeliver a message that keeps crashing its consumer at most this many times, then
 * dead-letter it to the parking lot: a handler that kills the process must not loop forever. */
export const INBOX_DELIVERY_LIMIT = 10;

export interface QueueSpec {
  readonly name: string;
  readonly arguments: Record<string, unknown>;
  /** Routing-key patterns binding the queue to the events exchange (inbox only). */
  readonly bindings: readonly string[];
}

export interface ServiceTopology {
  readonly exchange: string;
  readonly exchangeArguments: Record<string, unknown>;
  readonly unroutedExchange: string;
  readonly unroutedQueue: QueueSpec;
  readonly inbox: QueueSpec;
  /** Index 0 is tier 1, the first retry. */
  readonly retryTiers: readonly QueueSpec[];
  readonly parkingLot: QueueSpec;
}

export function eventsExchangeName(prefix: string): string {
  return `${prefix}motcua.events`;
}

export function unroutedName(prefix: string): string {
  return `${prefix}motcua.unrouted`;
}

export function inboxQueueName(prefix: string, service: string): string {
  return `${prefix}${service}.inbox`;
}

/**
 * A retry tier is named by its delay: RabbitMQ refuses to redeclare a queue with another TTL, so a changed
 * MESSAGING_RETRY_DELAYS_MS declares new tiers instead of stopping the service (an old tier still hands its
 * messages back to the inbox, then stays empty).
 */
export function retryQueueName(prefix: string, service: string, delayMs: number): string {
  return `${prefix}${service}.retry.${delayMs}ms`;
}

/** The delays of the retry tiers unless MESSAGING_RETRY_DELAYS_MS says otherwise. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 5000, 30000];

export function parkingLotQueueName(prefix: string, service: string): string {
  return `${prefix}${service}.parking-lot`;
}

const QUORUM = { 'x-queue-type': 'quorum' } as const;

/**
 * Everything one service declares. Declaring is idempotent and every service declares the shared exchange the
 * same way, so services can start in any order.
 */
export function serviceTopology(prefix: string, service: string, bindings: readonly string[], retryDelaysMs: readonly number[]): ServiceTopology {
  const inbox = inboxQueueName(prefix, service);
  const parkingLot = parkingLotQueueName(prefix, service);
  return {
    exchange: eventsExchangeName(prefix),
    // An event nobody is bound to yet (a new consumer not deployed) is kept, not silently dropped.
    exchangeArguments: { 'alternate-exchange': unroutedName(prefix) },
    unroutedExchange: unroutedName(prefix),
    unroutedQueue: { name: unroutedName(prefix), arguments: { ...QUORUM }, bindings: [] },
    inbox: {
      name: inbox,
      arguments: {
        ...QUORUM,
        'x-delivery-limit': INBOX_DELIVERY_LIMIT,
        // Past the delivery limit (a consumer crashing on this message again and again) the message goes to
        // the parking lot; at-least-once so that this hand-over cannot lose it (needs reject-publish).
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': parkingLot,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
      bindings: [...bindings],
    },
    retryTiers: retryDelaysMs.map((delay) => ({
      name: retryQueueName(prefix, service, delay),
      arguments: {
        ...QUORUM,
        // Nobody consumes a retry tier: the message waits out its TTL, then is dead-lettered back to the inbox
        // through the default exchange (routing key = queue name). Quorum queues support TTL from 3.10.
        'x-message-ttl': delay,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': inbox,
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
      bindings: [],
    })),
    parkingLot: { name: parkingLot, arguments: { ...QUORUM }, bindings: [] },
  };
}

/** Every queue and exchange name a set of services declares under `prefix` (for test clean-up and tooling). */
export function topologyNames(
  prefix: string,
  services: readonly string[],
  retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
): { queues: string[]; exchanges: string[] } {
  const queues = [unroutedName(prefix)];
  for (const service of services) {
    queues.push(inboxQueueName(prefix, service), parkingLotQueueName(prefix, service));
    for (const delay of retryDelaysMs) queues.push(retryQueueName(prefix, service, delay));
  }
  return { queues, exchanges: [eventsExchangeName(prefix), unroutedName(prefix)] };
}
