import type { DataSource, EntityManager } from 'typeorm';
import { executePrepared, queryPrepared } from '@motcua/persistence';

/*
 * The inbox table's statements: every one that reads or writes `inbox_message`. The dedupe insert is on every
 * delivery's path and prepared by name: its name and text are measured, keep both.
 */

/**
 * Records the message ids (with their types) in the caller's transaction and returns those not recorded before:
 * an id it does not return is a duplicate, already applied (or being applied by a transaction that holds it).
 */
export async function recordInboxMessages(manager: EntityManager, ids: string[], types: string[]): Promise<string[]> {
  const inserted = await queryPrepared<{ message_id: string }>(
    manager,
    'messaging.inbox-insert',
    `INSERT INTO inbox_message (message_id, type) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
    [ids, types],
  );
  return inserted.map((row) => row.message_id);
}

/** Forgets at most `chunk` ids received more than `hours` ago (a chunk keeps locks short). Returns how many went. */
export function purgeInboxMessages(dataSource: DataSource, hours: number, chunk: number): Promise<number> {
  return executePrepared(
    dataSource.manager,
    `messaging.purge-inbox-${chunk}`,
    `DELETE FROM inbox_message WHERE message_id IN (
       SELECT message_id FROM inbox_message WHERE received_at < now() - make_interval(hours => $1) LIMIT ${chunk})`,
    [hours],
  );
}
