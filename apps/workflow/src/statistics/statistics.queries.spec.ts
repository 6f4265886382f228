import { type StatisticsRow, regroup } from './statistics.queries';

const row = (key: string, n: number): StatisticsRow => ({
  key,
  received: { carriedOver: n, new: 2 * n, byChannel: { inPerson: n, online: n, post: 0 } },
  resolved: { total: n, early: n, onTime: 0, late: 0 },
  inProgress: { total: n, withinTime: 0, overdue: n },
  waitingForSupplement: n,
  stopped: 0,
  withdrawn: n,
});

describe('statistics added up by a key', () => {
  it('sums every count of the agencies of a level, keeps the others apart, and leaves its input alone', () => {
    const rows = [row('001.01.20.H26', 1), row('000.01.20.H26', 10), row('004.01.20.H26', 2)];
    const level = (code: string) => (code.startsWith('000.') ? 'district' : 'ward');
    const summed = regroup(rows, level);
    expect(summed.map((r) => r.key)).toEqual(['district', 'ward']);
    expect(summed[1]).toEqual({ ...row('ward', 3), received: { carriedOver: 3, new: 6, byChannel: { inPerson: 3, online: 3, post: 0 } } });
    expect(rows[0].received.new).toBe(2);
  });
});
