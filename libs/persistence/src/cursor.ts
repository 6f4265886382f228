import { HttpStatus } from '@nestjs/common';
import { ProblemDetailsException } from '@motcua/errors';

/**
 * Keyset pagination, the one way lists page in this suite: a list is ordered by (created_at, id) and the
 * cursor is the last row's key, opaque to clients (base64url JSON). A cursor this service did not issue is the
 * client's error: `InvalidCursor` renders as a 400 problem naming the `cursor` field.
 */
export class InvalidCursor extends ProblemDetailsException {
  constructor() {
    super({
      status: HttpStatus.BAD_REQUEST,
      code: 'REQUEST.INVALID_CURSOR',
      errors: [{ field: 'cursor', code: 'INVALID_CURSOR', message: 'pass the nextCursor of a previous page unchanged' }],
    });
  }
}

export interface CursorKey {
  readonly createdAt: Date;
  readonly id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.createdAt.toISOString(), key.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string' && UUID.test(key[1])) {
    const createdAt = new Date(key[0]);
    if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: key[1] };
  }
  throw new InvalidCursor();
}

/** Cuts one extra row fetched beyond `limit` into the page and the cursor for the next one. */
export function toPage<T extends CursorKey>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}

/** For lists ordered by a natural key (an agency's code, a procedure's code): the last row's key. */
export function encodeKeyCursor(key: string): string {
  return Buffer.from(JSON.stringify([key])).toString('base64url');
}

export function decodeKeyCursor(cursor: string): string {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 1 && typeof key[0] === 'string' && key[0].length <= 200) return key[0];
  } catch {
    // malformed: the same client error as a wrong shape
  }
  throw new InvalidCursor();
}
