import { version } from 'uuid';
import { isId, newId } from './ids';

describe('newId', () => {
  it('makes version 7 uuids, each new and each after the one before, across many draws of the random pool', () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    expect(ids.every((id) => isId(id) && version(id) === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
  });

  it('takes fresh random bits for each id', () => {
    const [a, b] = [newId(), newId()];
    // the last 10 hex digits are random (the 2 before them end the counter)
    expect(a.slice(-10)).not.toBe(b.slice(-10));
  });
});
