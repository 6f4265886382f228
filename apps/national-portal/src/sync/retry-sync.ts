import { Injectable, Logger } from '@nestjs/common';
import { SyncStore } from './sync.store';

/** Use case: an operator retries a dossier the portal refused (after fixing what it said), or one still failing. */
@Injectable()
export class RetrySync {
  private readonly logger = new Logger(RetrySync.name);

  constructor(private readonly store: SyncStore) {}

  async execute(key: string): Promise<boolean> {
    const found = await this.store.retryNow(key, new Date());
    if (found) this.logger.log({ key }, 'portal sync retried by an operator');
    return found;
  }
}
