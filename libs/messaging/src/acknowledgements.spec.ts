import type { Channel, ConsumeMessage } from 'amqplib';
import { Acknowledgements } from './acknowledgements';

/** What the broker was told, in order: `ack 3+` acknowledges 3 and every outstanding delivery before it. */
function channelRecording(): { channel: Channel; told: string[] } {
  const told: string[] = [];
  const channel = {
    ack: (message: ConsumeMessage, allUpTo?: boolean) => told.push(`ack ${message.fields.deliveryTag}${allUpTo ? '+' : ''}`),
    nack: (message: ConsumeMessage, allUpTo?: boolean, requeue?: boolean) =>
      told.push(`nack ${message.fields.deliveryTag}${allUpTo ? '+' : ''}${requeue ? ' requeue' : ''}`),
  } as unknown as Channel;
  return { channel, told };
}

/** `n` deliveries received on the channel, tagged 1 to n. */
function received(n: number): { acks: Acknowledgements; told: string[]; m: ConsumeMessage[] } {
  const { channel, told } = channelRecording();
  const acks = new Acknowledgements(channel);
  const m = Array.from({ length: n }, (_, i) => ({ fields: { deliveryTag: i + 1 } }) as ConsumeMessage);
  m.forEach((message) => acks.received(message));
  return { acks, told, m };
}

describe('a consumer channel’s acknowledgements', () => {
  it('acknowledges a batch of the oldest deliveries with one frame, a lone one with a plain ack', () => {
    const { acks, told, m } = received(4);
    acks.settle([m[0], m[1], m[2]]);
    acks.settle([m[3]]);
    expect(told).toEqual(['ack 3+', 'ack 4']);
  });

  it('acknowledges a batch behind one still being applied each on its own, at once: never covering the unsettled one', () => {
    const { acks, told, m } = received(4);
    acks.settle([m[2], m[3]]);
    expect(told).toEqual(['ack 3', 'ack 4']);
    acks.settle([m[0], m[1]]);
    expect(told).toEqual(['ack 3', 'ack 4', 'ack 2+']);
  });

  it('covers the oldest of a batch with one frame and acknowledges the rest of it on its own', () => {
    const { acks, told, m } = received(4);
    acks.settle([m[0], m[1], m[3]]);
    expect(told).toEqual(['ack 2+', 'ack 4']);
  });

  it('gives a delivery back on its own; a later frame does not cover it', () => {
    const { acks, told, m } = received(3);
    acks.requeue(m[0]);
    acks.settle([m[1], m[2]]);
    expect(told).toEqual(['nack 1 requeue', 'ack 3+']);
  });

  it('after a failure nobody handled, gives back only what is still outstanding', () => {
    const { acks, told, m } = received(3);
    acks.settle([m[2]]);
    acks.requeueOutstanding(m);
    expect(told).toEqual(['ack 3', 'nack 1 requeue', 'nack 2 requeue']);
  });
});
