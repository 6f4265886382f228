import { createHash } from 'node:crypto';
import { HttpStatus, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ProblemDetailsException } from '@motcua/errors';
import { DataSource, type EntityManager } from 'typeorm';
import { claimIdempotencyKey, purgeIdempotencyChunk, rememberResponse, storedResponse } from './idempotency.store';
import { CreateIdempotencyRecords1764150000000 } from './migrations/1764150000000-create-idempotency-records';

/**
 * Idempotency keys for commands a client may retry (architecture §6). The record is written in the same
 * transaction as the command's effects, so a command and its remembered response commit or vanish together;
 * a concurrent retry with the same key waits on the row lock and then replays the stored response.
 */
export interface IdempotentRequest {
  /** Who may reuse the key (the caller's subject): keys of different callers never collide. */
  readonly scope: string;
  readonly key: string;
  /** What was asked: the same key with a different request is refused. */
  readonly fingerprint: string;
}

export interface CommandResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** The same key with a different request: a client bug, answered 422 and changing nothing. */
export class IdempotencyKeyReused extends ProblemDetailsException {
  constructor(readonly key: string) {
    super({
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: 'IDEMPOTENCY.KEY_REUSED',
      detail: `Idempotency-Key ${key} was already used with a different request`,
      errors: [{ field: 'Idempotency-Key', code: 'KEY_REUSED', message: 'used before with a different body' }],
    });
  }
}

/** A stable fingerprint of a JSON request: object keys sorted, so the same body always hashes the same. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url');
}

/**
 * What a command remembers under the client's Idempotency-Key (nothing without one): scoped to the caller and the
 * command's route, so keys never collide across callers or commands, and fingerprinted by the request body.
 */
export function idempotentRequest(key: string | undefined, caller: string, route: string, body: unknown): IdempotentRequest | undefined {
  return key ? { scope: `${caller} ${route}`, key, fingerprint: fingerprintOf(body) } : undefined;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs `command` once per key. Must be called inside the command's transaction (`manager` bound to it).
 * Returns the fresh response, or the stored one with `replayed: true`.
 */
export async function runIdempotent<T>(
  manager: EntityManager,
  request: IdempotentRequest | undefined,
  command: () => Promise<CommandResponse<T>>,
): Promise<CommandResponse<T> & { replayed: boolean }> {
  if (!request) return { ...(await command()), replayed: false };
  if (!(await claimIdempotencyKey(manager, request))) {
    const stored = await storedResponse<T>(manager, request);
    if (stored.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused(request.key);
    return { status: stored.response_status, body: stored.response_body, replayed: true };
  }
  const response = await command();
  await rememberResponse(manager, request, response);
  return { ...response, replayed: false };
}

export { CreateIdempotencyRecords1764150000000 };
export const idempotencyMigrations = [CreateIdempotencyRecords1764150000000];

/** How long a retried command still gets its remembered response: clients retry within minutes, not days. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
/** Records one purge statement deletes at most: its locks stay short. */
const PURGE_CHUNK = 5000;

/**
 * Deletes idempotency records older than the retention, a chunk at a time (short locks). Returns how many went.
 * A key reused after that is a new command.
 */
export async function purgeIdempotencyRecords(dataSource: DataSource, retentionHours = IDEMPOTENCY_RETENTION_HOURS): Promise<number> {
  let purged = 0;
  for (;;) {
    const affected = await purgeIdempotencyChunk(dataSource, retentionHours, PURGE_CHUNK);
    purged += affected;
    if (affected < PURGE_CHUNK) return purged;
  }
}

/** Runs the purge hourly in every service that keeps idempotency records (replicas may overlap: harmless). */
@Injectable()
export class IdempotencyRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyRetention');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      purgeIdempotencyRecords(this.dataSource).then(
        (purged) => purged > 0 && this.logger.log(`purged ${purged} idempotency records`),
        (error: unknown) => this.logger.warn(`idempotency purge failed: ${String(error)}`),
      );
    }, 60 * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
