import { InvalidCursor, decodeCursor, encodeCursor, toPage } from './cursor';

describe('cursor pagination', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(['2026-11-26T04:00:00.000Z', 'a1']), 2)).toEqual(['2026-11-26T04:00:00.000Z', 'a1']);
  });

  it('refuses a cursor that is garbage or of the wrong shape', () => {
    expect(() => decodeCursor('not base64 json', 2)).toThrow(InvalidCursor);
    expect(() => decodeCursor(encodeCursor(['only one']), 2)).toThrow(InvalidCursor);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toThrow(InvalidCursor);
  });

  it('gives a next cursor only when a row beyond the page exists', () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(toPage(rows, 2, (r) => [r.id])).toEqual({ items: [{ id: 1 }, { id: 2 }], nextCursor: encodeCursor([2]) });
    expect(toPage(rows, 3, (r) => [r.id])).toEqual({ items: rows, nextCursor: null });
  });
});
