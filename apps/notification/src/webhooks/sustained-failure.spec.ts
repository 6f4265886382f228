import { disableReason, sustainedFailure } from './sustained-failure';

describe('a subscription failing', () => {
  const settings = { afterFailures: 20, afterHours: 24 };
  const since = new Date('2026-12-06T08:00:00Z');
  const hoursLater = (hours: number) => new Date(since.getTime() + hours * 3_600_000);

  it('is disabled after enough failures in a row over long enough', () => {
    expect(sustainedFailure({ consecutiveFailures: 20, failingSince: since }, hoursLater(24), settings)).toBe(true);
    expect(sustainedFailure({ consecutiveFailures: 57, failingSince: since }, hoursLater(30), settings)).toBe(true);
  });

  it('is not disabled by a burst of failures in a short outage', () => {
    expect(sustainedFailure({ consecutiveFailures: 500, failingSince: since }, hoursLater(23.9), settings)).toBe(false);
  });

  it('is not disabled by a few failures spread over days', () => {
    expect(sustainedFailure({ consecutiveFailures: 19, failingSince: since }, hoursLater(72), settings)).toBe(false);
  });

  it('may be disabled on the count alone where no time is required (tests, or an impatient operator)', () => {
    expect(sustainedFailure({ consecutiveFailures: 3, failingSince: since }, since, { afterFailures: 3, afterHours: 0 })).toBe(true);
  });

  it('is disabled with the reason in Vietnamese, the last answer in it', () => {
    expect(disableReason({ error: 'HTTP 500: boom', gone: false }, { consecutiveFailures: 20, failingSince: since }, hoursLater(25), settings)).toBe(
      'Tạm ngừng gửi sau 20 lần gửi liên tiếp không thành công kể từ 2026-12-06T08:00:00.000Z; lần cuối: HTTP 500: boom',
    );
    expect(disableReason({ error: 'HTTP 500: boom', gone: false }, { consecutiveFailures: 19, failingSince: since }, hoursLater(25), settings)).toBeNull();
  });

  it('is disabled at once when its receiver answers 410 Gone', () => {
    expect(disableReason({ error: 'HTTP 410', gone: true }, { consecutiveFailures: 1, failingSince: since }, since, settings)).toBe(
      'Bên nhận cho biết địa chỉ không còn nhận sự kiện; lần cuối: HTTP 410',
    );
  });
});
