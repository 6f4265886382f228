import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumeMessage } from 'amqplib';
import type { Transaction } from './unit-of-work';

type AmqpContextArgs = [message: ConsumeMessage, attempt: number, transaction: Transaction];

/** What a handler gets with `@Ctx()`: the delivery, its attempt number and the transaction it runs in. */
export class AmqpContext extends BaseRpcContext<AmqpContextArgs> {
  /** What the handler threw, before Nest's RPC exception filter reduces it to `{ status, message }`. */
  failure: unknown;

  constructor(args: AmqpContextArgs) {
    super(args);
  }

  getMessage(): ConsumeMessage {
    return this.args[0];
  }

  /** 1 for the first delivery, then counted up by each retry. */
  getAttempt(): number {
    return this.args[1];
  }

  /** The transaction the handler runs in: the same one that records the message in the inbox. Write with
   * `transaction.manager`, publish follow-up events with `transaction.publish(...)`. */
  get transaction(): Transaction {
    return this.args[2];
  }
}
