import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a statement that changes rows (UPDATE, DELETE) and returns how many it changed: TypeORM answers such a
 * statement with `[rows, count]`, which every caller would otherwise unpack and cast alike.
 */
export async function queryAffected(on: DataSource | EntityManager, text: string, values: unknown[]): Promise<number> {
  const [, affected] = (await on.query(text, values)) as [unknown, number];
  return affected;
}
