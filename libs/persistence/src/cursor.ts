/**
 * Keyset pagination, the one way lists page in this suite: a list is ordered by a unique key (e.g. created_at,
 * id) and the cursor is the last row's key, opaque to clients (base64url JSON).
 */
export class InvalidCursor extends Error {
  constructor() {
    super('cursor is not one this service issued');
    this.name = 'InvalidCursor';
  }
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return key as (string | number)[];
    }
  } catch {
    // fall through: malformed JSON is the same client error as a wrong shape
  }
  throw new InvalidCursor();
}

/** Cuts one extra row fetched beyond `limit` into the page and the cursor for the next one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
