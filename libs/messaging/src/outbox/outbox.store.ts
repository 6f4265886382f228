import type { DataSource, EntityManager } from 'typeorm';
import { executePrepared, queryPrepared } from '@motcua/persistence';
import type { OutboxRow } from '../envelope';

/*
 * The outbox table's statements: every one that reads or writes `outbox_message`. The hot paths' statements
 * (insert, claim, mark sent) are prepared by name: their names and text are measured, keep both.
 */

/** An unsent row as the relay claims it: the envelope's columns and its creation order. */
export type ClaimedOutboxRow = OutboxRow & { position: string };

/**
 * A data-modifying CTE that writes the events `takeEvents` handed over, passed as the statement's parameter
 * `param` (e.g. `$9`): `WITH …, outbox AS (${outboxInsert('$9')}) …`; with `when`, only if that condition holds
 * (e.g. `EXISTS (SELECT 1 FROM t)`: the events of a compare-and-set that took). `payload` is the payload as written,
 * an expression over the handed-over `payload`: for a value only the statement itself knows (a number it took).
 */
export function outboxInsert(param: string, when?: string, payload = 'payload'): string {
  return `INSERT INTO outbox_message (id, type, version, payload, correlation_id, causation_id)
          SELECT id, type, version, ${payload}, correlation_id, causation_id
            FROM jsonb_to_recordset(${param}::jsonb)
              AS r(id uuid, type text, version int, payload jsonb, correlation_id text, causation_id text)${
                when
                  ? `
           WHERE ${when}`
                  : ''
              }`;
}

/**
 * Writes a transaction's events, given as one JSON array: one statement text (one prepared statement per
 * connection) whatever the number of events, no limit on their number, and the payloads serialised once, natively.
 */
export async function insertOutboxRows(manager: EntityManager, rows: string): Promise<void> {
  await queryPrepared(manager, 'messaging.outbox-insert', outboxInsert('$1'), [rows]);
}

/**
 * Claims up to `batchSize` unsent rows after `position`, oldest first, locked until the caller's transaction ends;
 * rows another transaction holds are skipped (so replicas share the work without sending a row twice at once).
 */
export function claimUnsentOutboxRows(manager: EntityManager, batchSize: number, position: string): Promise<ClaimedOutboxRow[]> {
  // The batch size is part of the text (and the name), not a parameter: with LIMIT $1 PostgreSQL plans the
  // statement anew on every call. With `position > $1` the generic plan scans the unsent index from $1.
  return queryPrepared<ClaimedOutboxRow>(
    manager,
    `messaging.outbox-claim-${batchSize}`,
    `SELECT id, type, version, payload::text AS payload, correlation_id, causation_id, created_at, position
       FROM outbox_message
      WHERE sent_at IS NULL AND position > $1
      ORDER BY position
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`,
    [position],
  );
}

/** Marks the rows the broker has confirmed as sent, in the transaction that claimed them. */
export async function markOutboxRowsSent(manager: EntityManager, ids: string[]): Promise<void> {
  await queryPrepared(manager, 'messaging.outbox-mark-sent', `UPDATE outbox_message SET sent_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
}

/** How many rows wait to be sent, and how long the oldest has waited (in seconds, 0 when none). */
export async function outboxLag(dataSource: DataSource): Promise<{ pending: number; oldest: number }> {
  const [lag] = (await dataSource.query(
    `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS oldest
       FROM outbox_message WHERE sent_at IS NULL`,
  )) as { pending: number; oldest: number }[];
  return lag;
}

/** Deletes at most `chunk` rows sent more than `hours` ago (a chunk keeps locks short). Returns how many went. */
export function purgeSentOutboxRows(dataSource: DataSource, hours: number, chunk: number): Promise<number> {
  return executePrepared(
    dataSource.manager,
    `messaging.purge-outbox-${chunk}`,
    `DELETE FROM outbox_message WHERE id IN (
       SELECT id FROM outbox_message WHERE sent_at < now() - make_interval(hours => $1) LIMIT ${chunk})`,
    [hours],
  );
}
