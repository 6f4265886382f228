import { randomBytes } from 'node:crypto';
import { connect, type ConfirmChannel } from 'amqplib';

export const TEST_AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A topology prefix no other test run shares: `t.<label>.<random>.` */
export function uniquePrefix(label: string): string {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 30);
  return `t.${safe}.${randomBytes(4).toString('hex')}.`;
}

/**
 * Deletes queues and exchanges (already prefixed names; `topologyNames` from @motcua/messaging lists a service's).
 * A name that does not exist is fine.
 */
export async function deleteTopology(names: { queues?: readonly string[]; exchanges?: readonly string[] }, url = TEST_AMQP_URL): Promise<void> {
  const connection = await connect(url);
  try {
    const channel = await connection.createChannel();
    for (const queue of names.queues ?? []) await channel.deleteQueue(queue);
    for (const exchange of names.exchanges ?? []) await channel.deleteExchange(exchange);
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** A short-lived connection for a test to look at queues, publish raw messages or read the parking lot. */
export async function withBrokerChannel<T>(work: (channel: ConfirmChannel) => Promise<T>, url = TEST_AMQP_URL): Promise<T> {
  const connection = await connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    try {
      return await work(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
}
