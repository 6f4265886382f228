import { Injectable } from '@nestjs/common';
import { PerTransaction, type Transaction } from '@motcua/messaging';
import { newId, queryPrepared } from '@motcua/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { HoSo, TienDo } from '../portal/national-portal';
import type { DossierFacts, QueuedUpdate } from './dossier-sync';

/** A dossier's queue head, taken by a dispatcher under a lease (the attempt it took). */
export interface TakenHead {
  readonly key: string;
  readonly attempt: number;
  readonly knownToPortal: boolean;
  readonly failures: number;
  readonly refusals: number;
  readonly updateId: string;
  readonly kind: 'dossier' | 'progress';
  readonly body: HoSo | TienDo;
}

/** A record locked in a transaction, with the facts and updates its events there left: written before it commits. */
interface HeldRecord {
  facts: DossierFacts | null;
  changed: boolean;
  readonly updates: (QueuedUpdate & { readonly cause: string })[];
}

/** What became of a head: sent; the portal unavailable (due again later); refused (due again, or parked). */
export type HeadOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'transient'; readonly error: string; readonly nextAttemptAt: Date }
  | { readonly kind: 'refused'; readonly error: string; readonly nextAttemptAt: Date | null };

/**
 * Every statement on the sync records and their queues (docs/adr/010-data-access.md). A record is locked for an
 * event in the inbox transaction; its head is taken by one dispatcher at a time (SKIP LOCKED and a lease, ADR 014)
 * and settled only while that dispatcher still holds the lease.
 */
@Injectable()
export class SyncStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The records a transaction has locked, with what its events changed: written by one statement before it commits. */
  private readonly held = new PerTransaction<Map<string, HeldRecord>>(
    () => new Map(),
    (tx, records) => this.saveAll(tx.manager, records),
  );

  /**
   * The record's facts, locked for this transaction. The first call in a transaction locks, with one statement, the
   * records of every key `batchKeys` names (the other events of the consumer's batch) along with `key`, in key order
   * (two batches lock their common records in the same order, so neither waits on the other in a cycle). A record is
   * created empty the first time its dossier is heard of; otherwise the conflict's no-op update locks the row and
   * reads its facts (a concurrent first event of the same dossier waits on the conflict, then does the same). A
   * record this transaction holds already costs nothing: its facts are as the batch's last event left them.
   */
  async lock(tx: Transaction, key: string, batchKeys: () => Iterable<string>): Promise<DossierFacts | null> {
    const records = this.held.of(tx);
    const held = records.get(key);
    if (held) return held.facts;
    const keys = [...new Set([key, ...batchKeys()])].filter((k) => !records.has(k));
    const locked = await queryPrepared<{ key: string; record: DossierFacts | null }>(
      tx.manager,
      'portal.lock-records',
      `INSERT INTO portal_dossier (key, id, record, state)
       SELECT key, id, 'null'::jsonb, 'idle' FROM unnest($1::text[], $2::uuid[]) AS i(key, id) ORDER BY key
       ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
       RETURNING key, record`,
      [keys, keys.map(() => newId())],
    );
    for (const { key: lockedKey, record } of locked) records.set(lockedKey, { facts: record, changed: false, updates: [] });
    const mine = records.get(key);
    if (!mine) throw new Error(`the sync record ${key} was not locked`);
    return mine.facts;
  }

  /**
   * The new facts of a record this transaction locked, and the updates they queue behind the dossier's earlier ones
   * (`cause`: the event's). Written as the transaction commits, every record of the batch by one statement.
   */
  save(tx: Transaction, key: string, facts: DossierFacts, updates: readonly QueuedUpdate[], cause: string): void {
    const held = this.held.of(tx).get(key);
    if (!held) throw new Error(`the sync record ${key} was saved without being locked in its transaction`);
    held.facts = facts;
    held.changed = true;
    for (const update of updates) held.updates.push({ ...update, cause });
  }

  /**
   * The changed records' facts, and their updates queued in order; a record with nothing queued before becomes due
   * now. A progress row whose hand-over is queued already (a redelivery) is not queued again.
   */
  private async saveAll(manager: EntityManager, records: ReadonlyMap<string, HeldRecord>): Promise<void> {
    const changed = [...records]
      .filter(([, held]) => held.changed)
      .map(([key, { facts, updates }]) => ({
        key,
        record: facts,
        dossierCode: facts?.dossierCode ?? null,
        portalReference: facts?.portalReference ?? null,
        updates,
      }));
    if (changed.length === 0) return;
    await queryPrepared(
      manager,
      'portal.save-records',
      `WITH input AS (
         SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (key text, record jsonb, "dossierCode" text, "portalReference" text, updates jsonb))
                WITH ORDINALITY AS i(key, record, "dossierCode", "portalReference", updates, ord)),
       queued AS (
         INSERT INTO portal_update (dossier_key, kind, body, cause, fact, sequence)
         SELECT i.key, u->>'kind', u->'body', u->>'cause', u->>'fact', (u->>'sequence')::int
           FROM input i CROSS JOIN LATERAL jsonb_array_elements(i.updates) WITH ORDINALITY AS t(u, n)
          ORDER BY i.ord, t.n
         ON CONFLICT (dossier_key, fact) DO NOTHING
         RETURNING id)
       UPDATE portal_dossier d SET record = i.record, dossier_code = i."dossierCode", portal_reference = i."portalReference", updated_at = now(),
              state = CASE WHEN d.state = 'idle' AND jsonb_array_length(i.updates) > 0 THEN 'pending' ELSE d.state END,
              next_attempt_at = CASE WHEN d.state = 'idle' AND jsonb_array_length(i.updates) > 0 THEN now() ELSE d.next_attempt_at END
         FROM input i
        WHERE d.key = ANY ($2::text[]) AND d.key = i.key`,
      // the keys again as an array: joined to the input alone, the records were read by a sequential scan (7.6 ms a batch)
      [JSON.stringify(changed), changed.map(({ key }) => key)],
    );
  }

  /**
   * Takes up to `limit` due dossiers (any number of replicas: SKIP LOCKED) with each one's head: its oldest unsent
   * update — for a dossier the portal does not know yet, its oldest unsent version (its progress waits behind its
   * acceptance). Progress rows go in workflow's order among themselves: a hand-over queued late (consumed after a
   * newer one) goes before the unsent rows of newer hand-overs, no later than where it was queued. Their due time moves a lease ahead in the same statement, then it commits: no lock is held while
   * the portal answers.
   */
  take(limit: number, now: Date, leaseMs: number): Promise<TakenHead[]> {
    return queryPrepared<TakenHead>(
      this.dataSource.manager,
      'portal.take-heads',
      `WITH due AS (
         SELECT d.key FROM portal_dossier d
          WHERE d.state = 'pending' AND d.next_attempt_at <= $1
            AND EXISTS (SELECT 1 FROM portal_update u WHERE u.dossier_key = d.key AND u.sent_at IS NULL AND (d.known_to_portal OR u.kind = 'dossier'))
          ORDER BY d.next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       taken AS (
         UPDATE portal_dossier d SET next_attempt_at = $1::timestamptz + make_interval(secs => $3::double precision / 1000), attempts = d.attempts + 1
           FROM due WHERE d.key = due.key
         RETURNING d.key, d.attempts, d.known_to_portal, d.failures, d.refusals)
       SELECT taken.key, taken.attempts AS attempt, taken.known_to_portal AS "knownToPortal", taken.failures, taken.refusals,
              head.id AS "updateId", head.kind, head.body
         FROM taken JOIN LATERAL (
           SELECT u.id::text, u.kind, u.body FROM portal_update u
            WHERE u.dossier_key = taken.key AND u.sent_at IS NULL AND (taken.known_to_portal OR u.kind = 'dossier')
            ORDER BY CASE WHEN u.kind = 'progress' THEN (
                       SELECT min(v.id) FROM portal_update v
                        WHERE v.dossier_key = u.dossier_key AND v.sent_at IS NULL AND v.kind = 'progress' AND v.sequence >= u.sequence)
                     ELSE u.id END, u.sequence, u.id
            LIMIT 1) head ON true`,
      [now, limit, leaseMs],
    );
  }

  /**
   * What became of several heads (of different dossiers: one call's), in one statement; each only while its record
   * still holds the attempt that took it. Per head, in order: false when its lease was lost.
   */
  async settleMany(
    settled: readonly { head: Pick<TakenHead, 'key' | 'attempt' | 'updateId' | 'kind'>; outcome: HeadOutcome }[],
    at: Date,
    maxRefusals: number,
  ): Promise<boolean[]> {
    if (settled.length === 0) return [];
    const values = [
      settled.map((s) => s.head.key),
      settled.map((s) => s.head.attempt),
      settled.map((s) => s.head.updateId),
      settled.map((s) => s.outcome.kind),
      settled.map((s) => s.head.kind),
      settled.map((s) => (s.outcome.kind === 'sent' ? null : s.outcome.error)),
      settled.map((s) => (s.outcome.kind === 'sent' ? null : s.outcome.nextAttemptAt)),
      at,
      maxRefusals,
    ];
    // The records are locked by a statement of their own: the next one's snapshot then sees every update an event
    // queued while it held the record (in one statement, the snapshot predates that commit, and a record with an
    // update just queued would go idle, its update never sent).
    const rows = await this.dataSource.transaction(async (manager) => {
      await queryPrepared(
        manager,
        'portal.settle-lock',
        `SELECT d.key FROM portal_dossier d JOIN unnest($1::text[], $2::int[]) AS i(key, attempt) ON i.key = d.key AND d.attempts = i.attempt
          WHERE d.key = ANY ($1::text[]) AND d.state = 'pending' ORDER BY d.key FOR UPDATE OF d`,
        [values[0], values[1]],
      );
      return queryPrepared<{ key: string }>(
        manager,
        'portal.settle-heads',
        `WITH input AS (
           SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
             AS i(key, attempt, update_id, outcome, kind, error, next_attempt_at)),
         mine AS (SELECT d.key FROM portal_dossier d JOIN input i ON i.key = d.key AND d.attempts = i.attempt WHERE d.key = ANY ($1::text[]) AND d.state = 'pending'),
         sent AS (
           UPDATE portal_update u SET sent_at = $8 FROM input i
            WHERE u.id = i.update_id AND i.outcome = 'sent' AND u.sent_at IS NULL AND i.key IN (SELECT key FROM mine) RETURNING u.id),
         rest AS (
           SELECT i.key, EXISTS (SELECT 1 FROM portal_update u WHERE u.dossier_key = i.key AND u.sent_at IS NULL AND u.id <> i.update_id) AS more
             FROM input i)
         UPDATE portal_dossier d SET
           known_to_portal = d.known_to_portal OR (i.outcome = 'sent' AND i.kind = 'dossier'),
           failures = CASE WHEN i.outcome = 'sent' THEN 0 ELSE d.failures + 1 END,
           refusals = CASE WHEN i.outcome = 'sent' THEN 0 WHEN i.outcome = 'refused' THEN d.refusals + 1 ELSE d.refusals END,
           last_error = CASE WHEN i.outcome = 'sent' THEN d.last_error ELSE i.error END,
           last_error_at = CASE WHEN i.outcome = 'sent' THEN d.last_error_at ELSE $8 END,
           last_sent_at = CASE WHEN i.outcome = 'sent' THEN $8 ELSE d.last_sent_at END,
           state = CASE WHEN i.outcome = 'sent' THEN (CASE WHEN r.more THEN 'pending' ELSE 'idle' END)
                        WHEN i.outcome = 'refused' AND d.refusals + 1 >= $9 THEN 'parked' ELSE 'pending' END,
           next_attempt_at = CASE WHEN i.outcome = 'sent' THEN (CASE WHEN r.more THEN $8 ELSE NULL END)
                                  WHEN i.outcome = 'refused' AND d.refusals + 1 >= $9 THEN NULL ELSE i.next_attempt_at END,
           updated_at = $8
          FROM mine JOIN input i ON i.key = mine.key JOIN rest r ON r.key = mine.key
         WHERE d.key = ANY ($1::text[]) AND d.key = mine.key
         RETURNING d.key`,
        values,
      );
    });
    const keys = new Set(rows.map((r) => r.key));
    return settled.map((s) => keys.has(s.head.key));
  }

  /** An operator's retry: a parked (or waiting) record is due now, its refusals forgotten. False: no such record. */
  async retryNow(key: string, now: Date): Promise<boolean> {
    const rows = await queryPrepared<{ key: string }>(
      this.dataSource.manager,
      'portal.retry-record',
      `UPDATE portal_dossier d SET refusals = 0, failures = 0, updated_at = $2::timestamptz,
              state = CASE WHEN EXISTS (SELECT 1 FROM portal_update u WHERE u.dossier_key = d.key AND u.sent_at IS NULL) THEN 'pending' ELSE 'idle' END,
              next_attempt_at = CASE WHEN EXISTS (SELECT 1 FROM portal_update u WHERE u.dossier_key = d.key AND u.sent_at IS NULL) THEN $2::timestamptz ELSE NULL END
        WHERE key = $1 RETURNING key`,
      [key, now],
    );
    return rows.length === 1;
  }

  /** Updates not yet sent, and how long the oldest has waited (seconds); records parked; for the metrics. */
  async backlog(now: Date): Promise<{ updates: number; oldestSeconds: number; parked: number }> {
    const [row] = await queryPrepared<{ updates: number; oldestSeconds: number; parked: number }>(
      this.dataSource.manager,
      'portal.backlog',
      `SELECT (SELECT count(*)::int FROM portal_update WHERE sent_at IS NULL) AS updates,
              COALESCE((SELECT extract(epoch FROM $1::timestamptz - min(created_at)) FROM portal_update WHERE sent_at IS NULL), 0)::float AS "oldestSeconds",
              (SELECT count(*)::int FROM portal_dossier WHERE state = 'parked') AS parked`,
      [now],
    );
    return row;
  }
}
