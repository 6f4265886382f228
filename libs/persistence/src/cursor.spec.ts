import { InvalidCursor, decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor, toPage } from './cursor';

const id = '01a217b5-d7c5-7364-8464-1d8221da2bd8';

describe('cursor pagination', () => {
  it('round-trips a (createdAt, id) key', () => {
    const key = { createdAt: new Date('2026-11-26T04:00:00.123Z'), id };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });

  it('refuses a cursor that is garbage, of the wrong shape, or holds a bad instant or id', () => {
    const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(() => decodeCursor('not base64 json')).toThrow(InvalidCursor);
    expect(() => decodeCursor(raw(['2026-11-26T04:00:00Z']))).toThrow(InvalidCursor);
    expect(() => decodeCursor(raw({ a: 1 }))).toThrow(InvalidCursor);
    expect(() => decodeCursor(raw(['yesterday', id]))).toThrow(InvalidCursor);
    expect(() => decodeCursor(raw(['2026-11-26T04:00:00Z', 'not-a-uuid']))).toThrow(InvalidCursor);
  });

  it('is a 400 problem naming the cursor field', () => {
    const problem = new InvalidCursor();
    expect(problem.getStatus()).toBe(400);
    expect(problem.getResponse()).toMatchObject({ code: 'REQUEST.INVALID_CURSOR', errors: [{ field: 'cursor' }] });
  });

  it('gives a next cursor only when a row beyond the page exists', () => {
    const rows = [1, 2, 3].map((n) => ({ createdAt: new Date(Date.UTC(2026, 0, n)), id }));
    expect(toPage(rows, 2)).toEqual({ items: rows.slice(0, 2), nextCursor: encodeCursor(rows[1]) });
    expect(toPage(rows, 3)).toEqual({ items: rows, nextCursor: null });
  });

  it('round-trips a natural key and refuses anything else', () => {
    expect(decodeKeyCursor(encodeKeyCursor('004.01.20.H26'))).toBe('004.01.20.H26');
    expect(() => decodeKeyCursor(encodeCursor({ createdAt: new Date(), id }))).toThrow(InvalidCursor);
    expect(() => decodeKeyCursor('%%%')).toThrow(InvalidCursor);
  });
});
