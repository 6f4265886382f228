import type { DataSource, EntityManager } from 'typeorm';
import { executePrepared, queryPrepared } from '@motcua/persistence';

/*
 * The replica table's statements: every one that reads or writes `catalogue_replica`. Writes run in the caller's
 * transaction (`manager`); the reads that load the replica into memory run on their own.
 */

export type ReplicaKind = 'area' | 'agency' | 'procedure' | 'schedule';

/** One catalogue entry as the replica holds it: its kind, its code and the entry itself (jsonb). */
export interface ReplicaEntry {
  kind: ReplicaKind;
  code: string;
  entry: object;
}

/** What the table holds, in short: entries, the sum of their revisions (which every write changes), the newest. */
export interface ReplicaState {
  entries: number;
  total: string;
  revision: number;
}

/**
 * Writes the entries at `revision` over those held from an older or the same revision (one held from a newer
 * revision is kept). Returns how many rows it wrote.
 */
export async function writeReplicaEntries(manager: EntityManager, revision: number, entries: ReplicaEntry[]): Promise<number> {
  const rows = await queryPrepared<{ code: string }>(
    manager,
    'catalogue-replica.apply',
    `INSERT INTO catalogue_replica AS r (kind, code, revision, entry)
     SELECT e.kind, e.code, $1, e.entry FROM jsonb_to_recordset($2::jsonb) AS e(kind text, code text, entry jsonb)
     ON CONFLICT (kind, code) DO UPDATE SET revision = EXCLUDED.revision, entry = EXCLUDED.entry
       WHERE r.revision <= EXCLUDED.revision
     RETURNING r.code`,
    [revision, JSON.stringify(entries)],
  );
  return rows.length;
}

/** Deletes the entries held from a revision older than `revision` that `kept` does not name. Returns how many went. */
export function removeReplicaEntriesNotIn(manager: EntityManager, revision: number, kept: Pick<ReplicaEntry, 'kind' | 'code'>[]): Promise<number> {
  return executePrepared(
    manager,
    'catalogue-replica.remove-entries-not-in',
    `DELETE FROM catalogue_replica r WHERE r.revision < $1
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS e(kind text, code text) WHERE e.kind = r.kind AND e.code = r.code)`,
    [revision, JSON.stringify(kept)],
  );
}

/** The table's state, cheap to read: a refresh compares it with what it loaded before reading every entry. */
export async function replicaState(dataSource: DataSource): Promise<ReplicaState> {
  const [state] = (await dataSource.query(
    `SELECT count(*)::int AS entries, COALESCE(sum(revision), 0)::text AS total, COALESCE(max(revision), 0)::int AS revision FROM catalogue_replica`,
  )) as ReplicaState[];
  return state;
}

/** Every entry the replica holds, with its kind. */
export async function allReplicaEntries(dataSource: DataSource): Promise<Pick<ReplicaEntry, 'kind' | 'entry'>[]> {
  return (await dataSource.query(`SELECT kind, entry FROM catalogue_replica`)) as Pick<ReplicaEntry, 'kind' | 'entry'>[];
}
