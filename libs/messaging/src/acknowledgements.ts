import type { Channel, ConsumeMessage } from 'amqplib';

/**
 * A consumer channel's acknowledgements. Each delivery is settled once; settled deliveries are acknowledged in
 * the order they arrived, one `basic.ack` with `multiple` for each run of them with nothing outstanding before it:
 * one frame (one socket write, and one for the broker to process) for a batch, not one per message. A delivery
 * still being applied holds back the acks of those after it, never the other way round: nothing is acknowledged
 * before it is settled.
 */
export class Acknowledgements {
  /** Deliveries not yet acknowledged, in the order the broker sent them (ascending delivery tags). */
  private readonly outstanding: ConsumeMessage[] = [];
  private readonly settled = new Set<ConsumeMessage>();

  constructor(private readonly channel: Channel) {}

  received(message: ConsumeMessage): void {
    this.outstanding.push(message);
  }

  /** Done with (applied, duplicates, ignored, or copied elsewhere and confirmed): acknowledged once all before them are. */
  settle(messages: readonly ConsumeMessage[]): void {
    for (const message of messages) this.settled.add(message);
    this.acknowledgeSettled();
  }

  /** Given back to the broker to deliver again (so no later `multiple` may acknowledge it). */
  requeue(message: ConsumeMessage): void {
    try {
      this.channel.nack(message, false, true);
    } catch {
      // channel gone: the broker redelivers the message
    }
    this.outstanding.splice(this.outstanding.indexOf(message), 1);
    this.acknowledgeSettled();
  }

  /** After a failure nobody handled: whichever of these is neither settled nor given back yet goes back to the broker. */
  requeueUnsettled(messages: readonly ConsumeMessage[]): void {
    for (const message of messages) {
      if (!this.settled.has(message) && this.outstanding.includes(message)) this.requeue(message);
    }
  }

  /** Acknowledges, in one frame, the settled deliveries with none outstanding before them. */
  private acknowledgeSettled(): void {
    let last: ConsumeMessage | undefined;
    while (this.outstanding.length > 0 && this.settled.delete(this.outstanding[0])) last = this.outstanding.shift();
    if (!last) return;
    try {
      this.channel.ack(last, true);
    } catch {
      // The channel closed under us: the broker redelivers the messages and the inbox recognises them.
    }
  }
}
