import { randomUUID } from 'node:crypto';
import type { ConfirmChannel } from 'amqplib';
import { eventClassOf } from '@motcua/contracts';
import { MessageHeaders, eventsExchangeName } from '@motcua/messaging';
import { withBrokerChannel } from './broker';

/** Publishes one event (returns its message id); confirmed when the publisher's work ends. */
export type PublishEvent = (event: object, messageId?: string) => string;

/** Publishes an event on `channel` to the exchange under `prefix`, with the envelope a producer's relay would give it. */
function publishOn(channel: ConfirmChannel, prefix: string, event: object, messageId: string = randomUUID()): string {
  const cls = eventClassOf(event);
  channel.publish(eventsExchangeName(prefix), cls.type, Buffer.from(JSON.stringify(event)), {
    messageId,
    type: cls.type,
    correlationId: randomUUID(),
    timestamp: Math.floor(Date.now() / 1000),
    contentType: 'application/json',
    persistent: true,
    appId: 'test',
    headers: { [MessageHeaders.version]: cls.version, [MessageHeaders.attempt]: 1 },
  });
  return messageId;
}

/**
 * Many events through one channel (a load generator's publisher: one connection, not one per event): `work`
 * publishes as it likes; every event is confirmed by the broker before this resolves.
 */
export async function withEventPublisher<T>(prefix: string, work: (publish: PublishEvent) => Promise<T>): Promise<T> {
  return withBrokerChannel(async (channel) => {
    const result = await work((event, messageId) => publishOn(channel, prefix, event, messageId));
    await channel.waitForConfirms();
    return result;
  });
}

/**
 * Publishes an integration event straight to the exchange under `prefix`, with the envelope a producer's relay
 * would give it: for tests that play another service, or deliver the same message twice.
 */
export async function publishEvent(prefix: string, event: object, messageId: string = randomUUID()): Promise<string> {
  return withEventPublisher(prefix, async (publish) => publish(event, messageId));
}
