import { WorkingCalendar } from '@motcua/calendar';
import { checkExtension } from './extension-rules';

const calendar = new WorkingCalendar();
const at = (iso: string) => new Date(iso);

describe('an extension with an apology', () => {
  const appointment = at('2026-12-02T17:00:00+07:00'); // Wednesday

  it('is given at least one working day before the appointment, to a later one', () => {
    expect(checkExtension(calendar, at('2026-12-01T16:00:00+07:00'), appointment, at('2026-12-09T17:00:00+07:00'))).toBeNull();
  });

  it('is refused less than a working day before, for an earlier date, or without an appointment', () => {
    expect(checkExtension(calendar, at('2026-12-02T08:00:00+07:00'), appointment, at('2026-12-09T17:00:00+07:00'))).toMatchObject({
      code: 'EXTENSION.TOO_LATE',
    });
    // Friday 16:00 before a Wednesday appointment is more than a working day, the weekend not counted the other way
    expect(checkExtension(calendar, at('2026-11-27T16:00:00+07:00'), appointment, at('2026-12-09T17:00:00+07:00'))).toBeNull();
    expect(checkExtension(calendar, at('2026-12-01T08:00:00+07:00'), appointment, appointment)).toMatchObject({
      code: 'EXTENSION.NOT_LATER',
      errors: [{ field: 'newAppointmentAt' }],
    });
    expect(checkExtension(calendar, at('2026-12-01T08:00:00+07:00'), null, appointment)).toMatchObject({ code: 'EXTENSION.NO_APPOINTMENT' });
  });

  it('is refused for a time the desk is closed: a Sunday, the night, the lunch break, a holiday', () => {
    for (const closed of ['2026-12-13T03:00:00+07:00', '2026-12-09T21:00:00+07:00', '2026-12-09T12:00:00+07:00', '2027-01-01T09:00:00+07:00']) {
      expect([closed, checkExtension(calendar, at('2026-12-01T08:00:00+07:00'), appointment, at(closed))]).toEqual([
        closed,
        expect.objectContaining({ code: 'EXTENSION.OUTSIDE_OFFICE_HOURS', errors: [expect.objectContaining({ field: 'newAppointmentAt' })] }),
      ]);
    }
    for (const open of ['2026-12-09T07:30:00+07:00', '2026-12-09T11:30:00+07:00', '2026-12-09T16:00:00+07:00']) {
      expect([open, checkExtension(calendar, at('2026-12-01T08:00:00+07:00'), appointment, at(open))]).toEqual([open, null]);
    }
  });
});
