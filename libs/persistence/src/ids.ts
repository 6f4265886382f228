import { validate, v7 } from 'uuid';

/**
 * A new primary key: a UUID version 7, time-ordered. Rows created together get neighbouring keys, so inserts
 * land at the right edge of each B-tree instead of on random pages: fewer page splits, a smaller working set,
 * and far fewer full-page images in the WAL after each checkpoint. Message ids are outbox keys, so inbox keys
 * in every consuming service benefit too.
 */
export function newId(): string {
  return v7();
}

/** Whether a path's id can name a row keyed by a uuid at all: anything else is a 404 without asking the database. */
export function isId(id: string): boolean {
  return validate(id);
}
