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

  it('tells the broker once of each delivery, whatever is settled or given back twice', () => {
    const { acks, told, m } = received(3);
    acks.settle([m[1]]);
    acks.settle([m[1]]);
    acks.requeue(m[1]);
    acks.requeue(m[0]);
    acks.requeue(m[0]);
    acks.settle([m[0], m[2]]);
    expect(told).toEqual(['ack 2', 'nack 1 requeue', 'ack 3']);
  });

  it('covers with one frame a run that spans a delivery acknowledged on its own before', () => {
    const { acks, told, m } = received(3);
    acks.settle([m[1]]);
    acks.settle([m[0], m[2]]);
    expect(told).toEqual(['ack 2', 'ack 3+']);
  });

  it('never covers with a frame a delivery that is not settled, in any order of settling (every order of five)', () => {
    const orders = (items: number[]): number[][] =>
      items.length <= 1 ? [items] : items.flatMap((x, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
    for (const order of orders([0, 1, 2, 3, 4])) {
      const { acks, told, m } = received(5);
      const settled = new Set<number>();
      // settled in twos where the order allows: a batch of two, then the next
      for (let i = 0; i < order.length; i += 2) {
        const batch = order.slice(i, i + 2);
        const before = told.length;
        acks.settle(batch.map((k) => m[k]));
        batch.forEach((k) => settled.add(k + 1));
        for (const word of told.slice(before)) {
          const tag = Number(word.split(' ')[1].replace('+', ''));
          expect(settled.has(tag)).toBe(true);
          if (word.endsWith('+')) for (let t = 1; t <= tag; t++) expect(settled.has(t)).toBe(true);
        }
      }
      // each named once, and every one acknowledged in the end
      const tags = told.map((word) => Number(word.split(' ')[1].replace('+', '')));
      expect(new Set(tags).size).toBe(tags.length);
      const acknowledged = new Set(told.flatMap((word, i) => (word.endsWith('+') ? Array.from({ length: tags[i] }, (_, t) => t + 1) : [tags[i]])));
      expect(acknowledged.size).toBe(5);
    }
  });

  it('after a failure nobody handled, gives back only what is still outstanding', () => {
    const { acks, told, m } = received(3);
    acks.settle([m[2]]);
    acks.requeueOutstanding(m);
    expect(told).toEqual(['ack 3', 'nack 1 requeue', 'nack 2 requeue']);
  });
});
