import { randomUUID } from 'node:crypto';
import { eventClassOf } from '@motcua/contracts';
import { MessageHeaders, eventsExchangeName } from '@motcua/messaging';
import { withBrokerChannel } from './broker';

/**
 * Publishes an integration event straight to the exchange under `prefix`, with the envelope a producer's relay
 * would give it: for tests that play another service, or deliver the same message twice.
 */
export async function publishEvent(prefix: string, event: object, messageId: string = randomUUID()): Promise<string> {
  const cls = eventClassOf(event);
  await withBrokerChannel(async (channel) => {
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
    await channel.waitForConfirms();
  });
  return messageId;
}
