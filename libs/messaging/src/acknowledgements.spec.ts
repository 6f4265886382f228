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

const deliveries = (n: number): ConsumeMessage[] => Array.from({ length: n }, (_, i) => ({ fields: { deliveryTag: i + 1 } }) as ConsumeMessage);

describe('a consumer channel’s acknowledgements', () => {
  it('acknowledges a batch with one frame', () => {
    const { channel, told } = channelRecording();
    const acks = new Acknowledgements(channel);
    const [a, b, c] = deliveries(3);
    [a, b, c].forEach((m) => acks.received(m));
    acks.settle([a, b, c]);
    expect(told).toEqual(['ack 3+']);
  });

  it('holds back what was settled until every delivery before it is: nothing unsettled is ever acknowledged', () => {
    const { channel, told } = channelRecording();
    const acks = new Acknowledgements(channel);
    const [a, b, c, d] = deliveries(4);
    [a, b, c, d].forEach((m) => acks.received(m));
    acks.settle([c, d]);
    expect(told).toEqual([]);
    acks.settle([b]);
    expect(told).toEqual([]);
    acks.settle([a]);
    expect(told).toEqual(['ack 4+']);
  });

  it('gives a delivery back on its own, and acknowledges what it was holding back', () => {
    const { channel, told } = channelRecording();
    const acks = new Acknowledgements(channel);
    const [a, b, c] = deliveries(3);
    [a, b, c].forEach((m) => acks.received(m));
    acks.settle([b]);
    acks.requeue(a);
    expect(told).toEqual(['nack 1 requeue', 'ack 2+']);
    acks.settle([c]);
    expect(told).toEqual(['nack 1 requeue', 'ack 2+', 'ack 3+']);
  });

  it('after a failure nobody handled, gives back only what is neither settled nor given back', () => {
    const { channel, told } = channelRecording();
    const acks = new Acknowledgements(channel);
    const [a, b, c] = deliveries(3);
    [a, b, c].forEach((m) => acks.received(m));
    acks.settle([c]);
    acks.requeueUnsettled([a, b, c]);
    expect(told).toEqual(['nack 1 requeue', 'nack 2 requeue', 'ack 3+']);
  });
});
