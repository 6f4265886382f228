import { WorkingCalendar, toVietnamIso } from '@motcua/calendar';
import { submissionClock } from './submission-clock';

const calendar = new WorkingCalendar();
const clock = (filedAt: string, on = calendar) => {
  const { countsFrom, decideBy } = submissionClock(on, new Date(filedAt));
  return { countsFrom: toVietnamIso(countsFrom), decideBy: toVietnamIso(decideBy) };
};

describe('the desk’s clock on an online submission', () => {
  it('counts a submission filed on Tuesday at 10:00 from the filing, to be decided by Wednesday’s closing', () => {
    expect(clock('2026-12-08T10:00:00+07:00')).toEqual({ countsFrom: '2026-12-08T10:00:00.000+07:00', decideBy: '2026-12-09T17:00:00.000+07:00' });
  });

  it('counts a submission filed on Friday at 18:00 from Monday’s 07:30, to be decided by Tuesday’s closing', () => {
    expect(clock('2026-12-11T18:00:00+07:00')).toEqual({ countsFrom: '2026-12-14T07:30:00.000+07:00', decideBy: '2026-12-15T17:00:00.000+07:00' });
  });

  it('counts a submission filed on Saturday from Monday’s opening', () => {
    expect(clock('2026-12-12T09:00:00+07:00').countsFrom).toBe('2026-12-14T07:30:00.000+07:00');
  });

  it('counts one filed on Friday at 16:30 from the filing: the paper cut-off of 15:00 is not the desk’s clock', () => {
    expect(clock('2026-12-11T16:30:00+07:00')).toEqual({ countsFrom: '2026-12-11T16:30:00.000+07:00', decideBy: '2026-12-14T17:00:00.000+07:00' });
  });

  it('counts one filed before opening or at lunch from the same day’s next opening', () => {
    expect(clock('2026-12-08T06:00:00+07:00').countsFrom).toBe('2026-12-08T07:30:00.000+07:00');
    expect(clock('2026-12-08T12:15:00+07:00').countsFrom).toBe('2026-12-08T13:00:00.000+07:00');
  });

  it('skips Tết: filed on Friday 13 February 2026 after closing, counted from Monday 23 February, decided by the 24th', () => {
    expect(clock('2026-02-13T17:30:00+07:00')).toEqual({ countsFrom: '2026-02-23T07:30:00.000+07:00', decideBy: '2026-02-24T17:00:00.000+07:00' });
  });

  it('moves the decision over a holiday: filed on Friday 28 August 2026, decided by Thursday 3 September (31/8–2/9 off)', () => {
    expect(clock('2026-08-28T10:00:00+07:00').decideBy).toBe('2026-09-03T17:00:00.000+07:00');
  });

  it('counts a working Saturday of the year’s schedule as a working day (22 August 2026)', () => {
    expect(clock('2026-08-22T09:00:00+07:00')).toEqual({ countsFrom: '2026-08-22T09:00:00.000+07:00', decideBy: '2026-08-24T17:00:00.000+07:00' });
  });

  it('keeps to the desk’s own office hours', () => {
    const early = new WorkingCalendar({
      officeHours: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
    });
    expect(clock('2026-12-11T18:00:00+07:00', early)).toEqual({ countsFrom: '2026-12-14T07:00:00.000+07:00', decideBy: '2026-12-15T17:00:00.000+07:00' });
  });
});
