import type { Transaction } from './unit-of-work';

/**
 * What a use case gathers over one transaction (a consumer's whole batch) and writes with one statement just before
 * it commits (`Transaction.beforeCommit`, docs/adr/021-round-trips.md §8): `of(tx)` gives the transaction's own,
 * created (and its write registered) on first use.
 */
export class PerTransaction<T extends object> {
  private readonly gathered = new WeakMap<Transaction, T>();

  constructor(
    private readonly create: () => T,
    private readonly write: (tx: Transaction, gathered: T) => Promise<void>,
  ) {}

  /**
   * Writes what the transaction gathered so far now, before a statement that must see it; the write leaves what it
   * wrote out of what is gathered (it runs again before the commit, for what is gathered after).
   */
  async writeNow(tx: Transaction): Promise<void> {
    const gathered = this.gathered.get(tx);
    if (gathered) await this.write(tx, gathered);
  }

  of(tx: Transaction): T {
    const known = this.gathered.get(tx);
    if (known) return known;
    const created = this.create();
    this.gathered.set(tx, created);
    tx.beforeCommit(() => this.write(tx, created));
    return created;
  }
}
