import type { Channel, ConsumeMessage } from 'amqplib';

/**
 * A consumer channel's acknowledgements, one frame per batch where it can be: deliveries settled together that are
 * the oldest outstanding on the channel are acknowledged by one `basic.ack` with `multiple` (one socket write, and one
 * frame for the broker to process, not one per message). Settled deliveries behind one still being applied are
 * acknowledged each on its own at once: an acknowledgement is never held back (it would keep the prefetch window
 * full), and never covers a delivery that is not settled.
 */
export class Acknowledgements {
  /** Deliveries not yet acknowledged nor given back, in the order the broker sent them (ascending delivery tags). */
  private readonly outstanding: ConsumeMessage[] = [];

  constructor(private readonly channel: Channel) {}

  received(message: ConsumeMessage): void {
    this.outstanding.push(message);
  }

  /** Done with (applied, duplicates, ignored, or copied elsewhere and confirmed): acknowledged now. */
  settle(messages: readonly ConsumeMessage[]): void {
    const settled = new Set(messages);
    let covered = 0;
    while (covered < this.outstanding.length && settled.delete(this.outstanding[covered])) covered++;
    if (covered > 0) this.tell(() => this.channel.ack(this.outstanding[covered - 1], covered > 1));
    this.outstanding.splice(0, covered);
    for (const message of settled) {
      const at = this.outstanding.indexOf(message);
      if (at === -1) continue; // settled twice: acknowledged already
      this.outstanding.splice(at, 1);
      this.tell(() => this.channel.ack(message));
    }
  }

  /** Given back to the broker to deliver again. */
  requeue(message: ConsumeMessage): void {
    const at = this.outstanding.indexOf(message);
    if (at === -1) return; // told already: a second word about it would close the channel (unknown delivery tag)
    this.outstanding.splice(at, 1);
    this.tell(() => this.channel.nack(message, false, true));
  }

  /** After a failure nobody handled: whichever of these is still outstanding goes back to the broker. */
  requeueOutstanding(messages: readonly ConsumeMessage[]): void {
    for (const message of messages) if (this.outstanding.includes(message)) this.requeue(message);
  }

  private tell(send: () => void): void {
    try {
      send();
    } catch {
      // The channel closed under us: the broker redelivers what was not acknowledged, and the inbox recognises it.
    }
  }
}
