import { appointmentFor, stepDeadline, timeliness } from './deadlines';
import { toVietnamIso } from './vietnam-time';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar();
const at = (iso: string) => new Date(iso);
const shown = (d: Date) => toVietnamIso(d).slice(0, 16);

describe('the appointment on the receipt', () => {
  it('counts working hours from the receipt, across the lunch break', () => {
    // Thursday 26 Nov 2026, 10:00: 8 working hours → Friday 10:00
    expect(shown(appointmentFor(calendar, at('2026-11-26T10:00:00+07:00'), { value: 8, unit: 'working_hours' }))).toBe('2026-11-27T10:00');
  });

  it('starts the next working day after the 15:00 cut-off, and skips the weekend', () => {
    // Friday 27 Nov 2026, 15:30 → counts from Monday 30 Nov 07:30; 3 working days → the end of Wednesday 2 Dec
    expect(shown(appointmentFor(calendar, at('2026-11-27T15:30:00+07:00'), { value: 3, unit: 'working_days' }))).toBe('2026-12-02T17:00');
  });

  it('skips the Tết 2026 break for a dossier received just before it', () => {
    // Friday 13 Feb 2026, 14:00 (before the cut-off): 2 working days, Tết off 16–20 Feb → Tuesday 24 Feb 14:00
    expect(shown(appointmentFor(calendar, at('2026-02-13T14:00:00+07:00'), { value: 2, unit: 'working_days' }))).toBe('2026-02-24T14:00');
  });

  it('counts calendar days by the Civil Code: the first day not counted, a day off moves to the next working day’s end', () => {
    // Monday 23 Nov 2026 + 5 calendar days → Saturday 28 Nov (a day off) → Monday 30 Nov 17:00
    expect(shown(appointmentFor(calendar, at('2026-11-23T09:00:00+07:00'), { value: 5, unit: 'calendar_days' }))).toBe('2026-11-30T17:00');
  });
});

describe('step deadlines and their results', () => {
  it('gives a step its budget in working hours from its hand-over', () => {
    expect(shown(stepDeadline(calendar, at('2026-11-26T16:00:00+07:00'), 4))).toBe('2026-11-27T10:30');
  });

  it('says early on an earlier day, on time on the deadline’s day, late after it', () => {
    const deadline = at('2026-11-27T10:30:00+07:00');
    expect(timeliness(at('2026-11-26T16:30:00+07:00'), deadline)).toBe('early');
    expect(timeliness(at('2026-11-27T08:00:00+07:00'), deadline)).toBe('on_time');
    expect(timeliness(deadline, deadline)).toBe('on_time');
    expect(timeliness(at('2026-11-27T10:31:00+07:00'), deadline)).toBe('late');
  });
});
