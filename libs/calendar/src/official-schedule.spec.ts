import { parseOfficialSchedule } from './official-schedule';
import { OFFICIAL_SCHEDULES } from './official-schedules';

const valid = {
  year: 2026,
  daysOff: [
    { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh' },
    { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
  ],
  workingDays: [{ date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8' }],
  source: 'Bộ Nội vụ, thông báo lịch nghỉ lễ năm 2026',
};

const problemsOf = (input: unknown) => {
  const result = parseOfficialSchedule(input);
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('a yearly schedule as an administrator publishes it', () => {
  it('is accepted as published', () => {
    expect(parseOfficialSchedule(valid)).toEqual({ ok: true, schedule: valid });
  });

  it('keeps an entry’s own source and its unverified mark', () => {
    const day = { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam', source: 'Nghị quyết 80-NQ/TW', unverified: true };
    const result = parseOfficialSchedule({ ...valid, daysOff: [day] });
    expect(result.ok && result.schedule.daysOff).toEqual([day]);
  });

  it('names the field of every problem', () => {
    expect(
      problemsOf({
        year: 2026,
        daysOff: [
          { date: '2026-08-31', name: 'Nghỉ hoán đổi' },
          { date: '2026-02-30', name: 'Tết' },
          { date: '2027-01-01', name: 'Tết Dương lịch' },
          { date: '2026-08-31', name: '' },
        ],
        workingDays: [
          { date: '2026-08-24', name: 'Làm bù' },
          { date: '2026-08-31', name: 'Làm bù' },
        ],
        source: 'Bộ Nội vụ',
      }),
    ).toEqual([
      'daysOff.1.date: must be an existing date written YYYY-MM-DD',
      'daysOff.2.date: is not in 2026',
      'daysOff.3.name: must be a name (1–1000 characters)',
      'daysOff.3.date: 2026-08-31 is already listed at daysOff.0',
      'workingDays.0.date: 2026-08-24 is a Monday: only a Saturday or Sunday can be made a working day',
      'workingDays.1.date: 2026-08-31 is already listed at daysOff.0',
      'workingDays.1.date: 2026-08-31 is a Monday: only a Saturday or Sunday can be made a working day',
    ]);
  });

  it('refuses a misspelt field rather than silently dropping the working Saturdays', () => {
    const { workingDays, ...rest } = valid;
    expect(problemsOf({ ...rest, workingdays: workingDays })).toEqual(['workingdays: unknown field', 'workingDays: must be a list (empty when there is none)']);
    expect(problemsOf({ ...valid, daysOff: [{ date: '2026-09-01', name: 'Quốc khánh', kind: 'holiday' }] })).toEqual(['daysOff.0.kind: unknown field']);
  });

  it('requires a year, a source and objects', () => {
    expect(problemsOf({ ...valid, year: '2026', source: ' ' })).toEqual([
      'year: must be a whole year from 2000 to 2100',
      'source: must name the notice the schedule comes from (1–1000 characters)',
    ]);
    expect(problemsOf({ ...valid, workingDays: ['2026-08-22'] })).toEqual(['workingDays.0: must be an object { date, name }']);
    expect(problemsOf([])).toEqual([': must be an object']);
  });

  it('refuses to make a public holiday a working day', () => {
    // 1 May 2027 is a Saturday, but a public holiday by law.
    expect(problemsOf({ ...valid, year: 2027, daysOff: [], workingDays: [{ date: '2027-05-01', name: 'Làm bù' }] })).toEqual([
      'workingDays.0.date: 2027-05-01 is Ngày Quốc tế Lao động, a public holiday by law',
    ]);
  });
});

describe('the published schedules kept as data', () => {
  it.each(OFFICIAL_SCHEDULES.map((s) => [s.year, s] as const))('%i passes the parser, and every day names its source', (_year, schedule) => {
    expect(problemsOf(schedule)).toEqual([]);
    for (const day of [...schedule.daysOff, ...schedule.workingDays]) expect(day.source).toMatch(/https:\/\//);
  });

  it('covers 2025 and 2026; 2027 is not published yet', () => {
    expect(OFFICIAL_SCHEDULES.map((s) => s.year)).toEqual([2025, 2026]);
  });
});
