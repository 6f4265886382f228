import { instantOfPortalDate, portalDate } from './portal-date';

describe('portal dates (yyyyMMddHHmmss, Asia/Ho_Chi_Minh)', () => {
  it('writes an instant in Vietnamese wall time', () => {
    expect(portalDate('2026-12-07T07:30:05.000Z')).toBe('20261207143005');
  });

  it('moves to the next day after 17:00 UTC', () => {
    expect(portalDate(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
  });

  it('reads a portal date back as the same instant, and refuses what is not one', () => {
    expect(instantOfPortalDate('20261207143005')?.toISOString()).toBe('2026-12-07T07:30:05.000Z');
    expect(instantOfPortalDate('20261307143005')).toBeNull();
    expect(instantOfPortalDate('2026-12-07')).toBeNull();
  });
});
