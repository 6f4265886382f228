import type { DataSource, EntityManager } from 'typeorm';
import { executePrepared, queryPrepared } from './prepared';
import type { CommandResponse, IdempotentRequest } from './idempotency';

/*
 * The idempotency records' statements: every one that reads or writes `idempotency_record`. The first three run
 * in the command's transaction (`manager`), on the path of every command sent with a key.
 */

/** A remembered command: the request's fingerprint and the response it got. */
export interface StoredResponse<T> {
  fingerprint: string;
  response_status: number;
  response_body: T;
}

/**
 * Claims the request's key: true when this transaction wrote the record, false when it exists already (a
 * concurrent claim of the same key waits on its row lock until that transaction ends).
 */
export async function claimIdempotencyKey(manager: EntityManager, request: IdempotentRequest): Promise<boolean> {
  const claimed = await queryPrepared(
    manager,
    'persistence.claim-idempotency-key',
    `INSERT INTO idempotency_record (scope, key, fingerprint) VALUES ($1, $2, $3)
     ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
    [request.scope, request.key, request.fingerprint],
  );
  return claimed.length > 0;
}

/** The record a claim found in place: what was asked under the key, and what was answered. */
export async function storedResponse<T>(manager: EntityManager, request: IdempotentRequest): Promise<StoredResponse<T>> {
  const [stored] = await queryPrepared<StoredResponse<T>>(
    manager,
    'persistence.stored-response',
    `SELECT fingerprint, response_status, response_body FROM idempotency_record WHERE scope = $1 AND key = $2`,
    [request.scope, request.key],
  );
  return stored;
}

/** Remembers the response of the command that claimed the key, for its retries to replay. */
export async function rememberResponse(manager: EntityManager, request: IdempotentRequest, response: CommandResponse): Promise<void> {
  await executePrepared(
    manager,
    'persistence.remember-response',
    `UPDATE idempotency_record SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`,
    [request.scope, request.key, response.status, JSON.stringify(response.body)],
  );
}

/** Deletes at most `chunk` records older than `retentionHours` (a chunk keeps locks short). Returns how many went. */
export function purgeIdempotencyChunk(dataSource: DataSource, retentionHours: number, chunk: number): Promise<number> {
  return executePrepared(
    dataSource.manager,
    `persistence.purge-idempotency-${chunk}`,
    `DELETE FROM idempotency_record WHERE (scope, key) IN (
       SELECT scope, key FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1) LIMIT ${chunk})`,
    [retentionHours],
  );
}
