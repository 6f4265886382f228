import type { EntityManager } from 'typeorm';
import { queryPrepared } from './prepared';

/**
 * Takes the transaction-level advisory lock `key` if nobody holds it (released when the transaction ends): true
 * when taken. One replica at a time does what it guards (a sweep, say); the others pass. With `jit: false`, the
 * rest of the transaction runs without JIT compilation (statements the planner prices for many rows but that
 * touch a handful through their indexes would otherwise be compiled on every run).
 */
export async function holdTransactionLock(manager: EntityManager, key: number, o: { jit?: boolean } = {}): Promise<boolean> {
  const [{ locked }] = await queryPrepared<{ locked: boolean }>(
    manager,
    o.jit === false ? 'persistence.try-lock-without-jit' : 'persistence.try-lock',
    // set_config(..., true) is SET LOCAL: for this transaction only
    o.jit === false ? `SELECT pg_try_advisory_xact_lock($1) AS locked, set_config('jit', 'off', true)` : `SELECT pg_try_advisory_xact_lock($1) AS locked`,
    [key],
  );
  return locked;
}
