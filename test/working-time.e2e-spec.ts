import { Role } from '@motcua/auth';
import { AgencyCalendars, WorkingCalendar, appointmentFor, formatVietnamDateTime, stepDeadline, toVietnamIso } from '@motcua/calendar';
import { callApi as call, claimAndAct, eventually, receiveDossier, taskInQueue, useSuite } from '@motcua/testing';

/**
 * Deadlines are the law: the clock stops while the applicant supplies documents and the appointment moves by
 * that working time; a dossier that runs late gets an extension with an apology, the original appointment kept.
 * Intake and workflow run as processes; where a test needs time to have passed, it moves the case's instants
 * back in the database instead of waiting.
 */
describe('working time on a dossier', () => {
  const TRUC_BACH = '004.01.20.H26';
  const calendar = new WorkingCalendar();
  const fixture = useSuite('working-time', ['intake', 'workflow']);
  const { suite, auth } = fixture;
  const workflowDb = fixture.db('workflow');
  const db = async (sql: string, values: unknown[]) => (await workflowDb.query(sql, values)).rows;

  const officer = (role: Role, n = 1) => fixture.anOfficer(TRUC_BACH, role, n);
  const workflow = fixture.api('workflow');
  const record = async (code: string, desk = TRUC_BACH) =>
    (await call('GET', fixture.api('intake')(`/dossiers/${code}`), await fixture.anOfficer(desk, Role.Receiver))).body;

  /** A birth registration received at a ward's desk (Trúc Bạch's unless said) from an applicant of that ward. */
  async function receive(desk = { code: TRUC_BACH, wardCode: '00004' }): Promise<{ code: string; lookupSecret: string; appointmentAt: string }> {
    const { status, body } = await receiveDossier(fixture, { desk: desk.code, wardCode: desk.wardCode, fullName: 'Lý Thị Hạnh' });
    expect(status).toBe(201);
    return body;
  }

  async function ownTask(code: string, role: Role) {
    const token = await officer(role);
    const task = await taskInQueue(fixture, code, TRUC_BACH, token);
    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version });
    return { id: task.id as string, version: claimed.body.version as number, token };
  }

  async function finish(code: string, role: Role, action: string) {
    const task = await ownTask(code, role);
    expect((await call('POST', workflow(`/tasks/${task.id}/actions`), task.token, { version: task.version, action })).status).toBe(200);
  }

  it('prints the appointment on the receipt and keeps it on the record', async () => {
    const receipt = await receive();
    const expected = calendar.addWorkingHours(calendar.receiptStart(new Date((await record(receipt.code)).receivedAt)), 8);
    expect(receipt.appointmentAt).toBe(toVietnamIso(expected));
    expect(await record(receipt.code)).toMatchObject({ appointmentAt: receipt.appointmentAt, originalAppointmentAt: receipt.appointmentAt, extensionCount: 0 });
  });

  it('finishes a dossier on time once the working time it waited for a supplement is excluded', async () => {
    const receipt = await receive();
    const { code } = receipt;
    const specialist = await ownTask(code, Role.Specialist);
    await call('POST', workflow(`/tasks/${specialist.id}/actions`), specialist.token, {
      version: specialist.version,
      action: 'request_supplement',
      note: 'Cần bản chính giấy chứng sinh',
      missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }],
    });
    await eventually(async () => ((await record(code)).nationalStatus === 5 ? true : undefined), 'status 5');
    // The applicant took ten days; the appointment has passed: without the pause excluded, the dossier is late.
    await workflowDb.query(
      `UPDATE dossier_case SET appointment_at = now() - interval '1 minute', paused_at = now() - interval '10 days' WHERE dossier_code = $1`,
      [code],
    );
    const supplied = await call(
      'POST',
      `${suite.url('intake')}/api/v1/dossiers/${code}/supplements`,
      null,
      { documents: [{ code: 'GCS', name: 'Giấy chứng sinh (bản chính)' }] },
      { 'x-lookup-secret': receipt.lookupSecret },
    );
    expect(supplied.status).toBe(201);

    // workflow moved the appointment by the paused working time, and told intake
    const change = await eventually(
      async () =>
        (await workflowDb.query(`SELECT * FROM case_appointment_change c JOIN dossier_case d ON d.id = c.case_id WHERE d.dossier_code = $1`, [code])).rows[0],
      'the appointment moved',
    );
    expect(change.cause).toBe('supplement_pause');
    // in whole minutes: an appointment is given to the minute
    expect(Number(change.paused_working_ms)).toBe(Math.floor(calendar.workingTimeBetween(change.paused_from, change.paused_to) / 60_000) * 60_000);
    expect(change.appointment_at.getTime()).toBe(
      calendar.addWorkingHours(change.previous_appointment_at, Number(change.paused_working_ms) / 3_600_000).getTime(),
    );
    expect(change.appointment_at.getTime()).toBeGreaterThan(Date.now());
    const moved = await eventually(async () => {
      const body = await record(code);
      return body.appointmentAt === toVietnamIso(change.appointment_at) && body.history.length === 6 ? body : undefined;
    }, 'the new appointment and the resumed step on the record');
    expect(moved.originalAppointmentAt).toBe(receipt.appointmentAt);
    // the history ends with the resumption (4), after the pause that moved the appointment, whatever order they came in
    const pausedMinutes = Number(change.paused_working_ms) / 60_000;
    const paused = `${Math.floor(pausedMinutes / 60)} giờ${pausedMinutes % 60 ? ` ${pausedMinutes % 60} phút` : ''}`; // ten days: many hours
    expect(moved.history.slice(-2).map((h: any) => [h.nationalStatus, h.note])).toEqual([
      [
        5,
        `Không tính ${paused} làm việc chờ bổ sung hồ sơ: hẹn trả kết quả mới ${formatVietnamDateTime(change.appointment_at)} (thay cho ${formatVietnamDateTime(change.previous_appointment_at)})`,
      ],
      [4, expect.stringMatching(/^Tiếp tục giải quyết sau khi bổ sung hồ sơ \(lần 1\): /)],
    ]);
    expect(moved.history.map((h: any) => h.nationalStatus)).toEqual([2, 4, 5, 5, 5, 4]);
    expect(moved.nationalStatus).toBe(4);

    await finish(code, Role.Specialist, 'forward');
    await finish(code, Role.Leader, 'sign');
    await finish(code, Role.Returner, 'hand_over');
    const slip = await eventually(async () => {
      const { body } = await call('GET', workflow(`/dossiers/${code}/control-slip`), await officer(Role.Receiver));
      return body.status === 'closed' ? body : undefined;
    }, 'the case closed');
    expect(slip).toMatchObject({ outcome: 'returned', supplementRounds: 1 });
    expect(['early', 'on_time']).toContain(slip.result);
  });

  it('gives a running-late dossier an extension with an apology, keeps the original, and flags a second one', async () => {
    const { code, appointmentAt: original } = await receive();
    const task = await ownTask(code, Role.Specialist);
    // appointments the desk can keep: in its office hours on working days
    const appointment = calendar.addWorkingHours(new Date(Date.now() + 30 * 24 * 3_600_000), 1);
    await workflowDb.query(`UPDATE dossier_case SET appointment_at = $2 WHERE dossier_code = $1`, [code, appointment]);
    const extend = (version: number, newAppointmentAt: Date, token = task.token) =>
      call('POST', workflow(`/tasks/${task.id}/extension`), token, {
        version,
        reason: 'Cần xác minh thêm với bệnh viện nơi sinh',
        newAppointmentAt: newAppointmentAt.toISOString(),
      });

    expect((await extend(task.version, appointment, await officer(Role.Specialist, 2))).body.code).toBe('TASK.NOT_OWNER');
    expect((await extend(task.version, new Date(appointment.getTime() - 60_000))).body).toMatchObject({ status: 422, code: 'EXTENSION.NOT_LATER' });
    const later = calendar.addWorkingHours(appointment, 3 * 8);
    const first = await extend(task.version, later);
    expect(first).toMatchObject({ status: 200, body: { version: task.version + 1 } });

    const shown = await eventually(async () => {
      const body = await record(code);
      return body.extensionCount === 1 ? body : undefined;
    }, 'the extension on the record');
    expect(shown).toMatchObject({ appointmentAt: toVietnamIso(later), originalAppointmentAt: original });
    expect(shown.history.at(-1)).toMatchObject({
      nationalStatus: 4,
      note: `Gia hạn lần 1: hẹn trả kết quả mới ${formatVietnamDateTime(later)} (thay cho ${formatVietnamDateTime(appointment)}). Lý do: Cần xác minh thêm với bệnh viện nơi sinh`,
    });

    const evenLater = calendar.addWorkingHours(later, 8);
    expect((await extend(first.body.version, evenLater)).status).toBe(200);
    const { rows } = await workflowDb.query(
      `SELECT (payload->>'extension')::int AS extension, (payload->>'flagged')::boolean AS flagged, payload->>'originalAppointmentAt' AS original
         FROM outbox_message WHERE type = 'workflow.case.appointment-changed' AND payload->>'dossierCode' = $1 ORDER BY created_at, id`,
      [code],
    );
    expect(rows.map((r) => [r.extension, r.flagged])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(new Date(rows[0].original).toISOString()).toBe(new Date(original).toISOString());

    // less than a working day before the appointment, it is too late to apologise in advance
    await workflowDb.query(`UPDATE dossier_case SET appointment_at = now() + interval '1 minute' WHERE dossier_code = $1`, [code]);
    const tooLate = await extend(first.body.version + 1, calendar.addWorkingHours(new Date(), 10 * 8));
    expect(tooLate.body).toMatchObject({ status: 422, code: 'EXTENSION.TOO_LATE', errors: [expect.objectContaining({ field: 'newAppointmentAt' })] });
  });

  it('answers deadlines and a year’s days off, and lets an administrator publish a year', async () => {
    const token = await officer(Role.Specialist);
    const deadline = await call('GET', workflow('/calendar/deadline?from=2026-02-13T14:00:00%2B07:00&value=2&unit=working_days'), token);
    expect(deadline.body).toMatchObject({ deadline: '2026-02-24T14:00:00.000+07:00' }); // across the Tết 2026 break
    expect((await call('GET', workflow('/calendar/deadline?from=yesterday&value=-1&unit=weeks'), token)).body.errors.map((e: any) => e.field).sort()).toEqual([
      'from',
      'unit',
      'value',
    ]);

    const year = (await call('GET', workflow('/calendar/years/2026'), token)).body;
    expect(year.daysOff.map((d: any) => d.date)).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-16', '2026-02-20', '2026-04-30', '2026-09-02']));
    expect(year.workingDays.map((d: any) => d.date)).toContain('2026-01-10');
    expect(year.publishedHere).toBe(false);

    const schedule = {
      year: 2027,
      source: 'Thông báo thử nghiệm (kiểm thử)',
      daysOff: [
        { date: '2027-02-05', name: 'Tết Nguyên đán' },
        { date: '2027-02-08', name: 'Tết Nguyên đán' },
        { date: '2027-02-09', name: 'Tết Nguyên đán' },
        { date: '2027-02-10', name: 'Tết Nguyên đán' },
        { date: '2027-02-11', name: 'Tết Nguyên đán' },
        { date: '2027-02-12', name: 'Tết Nguyên đán (nghỉ bù)' },
      ],
      workingDays: [{ date: '2027-02-20', name: 'Làm bù' }],
    };
    const admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
    expect((await call('PUT', workflow('/calendar/years/2027'), token, schedule)).status).toBe(403);
    const bad = await call('PUT', workflow('/calendar/years/2027'), admin, { ...schedule, daysOff: [{ date: '2027-02-30', name: '' }] });
    expect(bad.body).toMatchObject({ status: 422, code: 'CALENDAR.SCHEDULE_INVALID' });
    expect(bad.body.errors.map((e: any) => e.field)).toContain('daysOff.0.date');
    expect((await call('PUT', workflow('/calendar/years/2027'), admin, schedule)).status).toBe(200);
    const published = (await call('GET', workflow('/calendar/years/2027'), token)).body;
    expect(published).toMatchObject({ publishedHere: true, source: 'Thông báo thử nghiệm (kiểm thử)' });
    expect(published.daysOff.map((d: any) => d.date)).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-12']));
    // intake, which prints the appointments, has the published year in its replica of the catalogue
    const replicated = await eventually(
      async () => (await fixture.db('intake').query(`SELECT entry FROM catalogue_replica WHERE kind = 'schedule' AND code = '2027'`)).rows[0]?.entry,
      'the 2027 schedule in intake',
    );
    expect(replicated).toMatchObject({ year: 2027, source: 'Thông báo thử nghiệm (kiểm thử)' });
    // Thursday 4 Feb 2027, 14:00 + 1 working day: the break now runs to the 12th → Monday 15 Feb
    expect((await call('GET', workflow('/calendar/deadline?from=2027-02-04T14:00:00%2B07:00&value=1&unit=working_days'), token)).body.deadline).toBe(
      '2027-02-15T14:00:00.000+07:00',
    );
  });

  it("follows an agency's own office hours: its desk's appointments and its tasks' deadlines", async () => {
    // Cống Vị's committee works 07:00–11:00 and 13:00–16:00: seven hours a day, so every count differs from the default.
    const CONG_VI = '007.01.20.H26';
    const hours = [
      { start: '07:00', end: '11:00' },
      { start: '13:00', end: '16:00' },
    ];
    const ward = new AgencyCalendars().of(hours);
    const admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
    const url = workflow(`/agencies/${CONG_VI}/office-hours`);
    expect((await call('PUT', url, await officer(Role.Leader), { officeHours: hours })).status).toBe(403);
    const overlapping = await call('PUT', url, admin, { officeHours: [hours[0], { start: '10:30', end: '16:00' }] });
    expect(overlapping.body).toMatchObject({ status: 422, code: 'CATALOGUE.OFFICE_HOURS_INVALID', errors: [{ field: 'officeHours.1' }] });
    const malformed = await call('PUT', url, admin, { officeHours: [{ start: '7h', end: '11:00' }] });
    expect(malformed.body).toMatchObject({ status: 400 });
    expect(malformed.body.errors.map((e: any) => e.field)).toEqual(['officeHours.0.start']);
    for (const body of [{}, { officeHours: 'early' }]) {
      const refused = (await call('PUT', url, admin, body)).body; // {}: not a silent reset
      expect(refused).toMatchObject({ status: 400 });
      expect([...new Set(refused.errors.map((e: any) => e.field))]).toEqual(['officeHours']);
    }
    expect((await call('PUT', workflow('/agencies/999.99.99.H26/office-hours'), admin, { officeHours: hours })).body).toMatchObject({
      status: 404,
      code: 'CATALOGUE.AGENCY_NOT_FOUND',
    });
    expect(await db(`SELECT office_hours FROM agency WHERE code = $1`, [CONG_VI])).toEqual([{ office_hours: null }]); // refusals changed nothing
    expect((await call('PUT', url, admin, { officeHours: hours })).body).toEqual({ code: CONG_VI, officeHours: hours });
    const [{ revision }] = await db(`SELECT revision FROM catalogue_revision`, []);
    expect((await call('PUT', url, admin, { officeHours: hours })).status).toBe(200);
    expect(await db(`SELECT revision FROM catalogue_revision`, [])).toEqual([{ revision }]); // repeating it tells nobody anything new
    expect((await call('GET', workflow(`/agencies/${CONG_VI}`), admin)).body.officeHours).toEqual(hours);

    const token = await officer(Role.Specialist);
    const from = '2026-11-23T07:00:00%2B07:00'; // a Monday
    expect((await call('GET', workflow(`/calendar/deadline?from=${from}&value=8&unit=working_hours&agency=${CONG_VI}`), token)).body.deadline).toBe(
      '2026-11-24T08:00:00.000+07:00',
    );
    expect((await call('GET', workflow(`/calendar/deadline?from=${from}&value=8&unit=working_hours`), token)).body.deadline).toBe(
      '2026-11-23T17:00:00.000+07:00',
    );
    expect((await call('GET', workflow(`/calendar/deadline?from=${from}&value=8&unit=working_hours&agency=999.99.99.H26`), token)).body).toMatchObject({
      status: 404,
      code: 'CATALOGUE.AGENCY_NOT_FOUND',
    });

    // intake prints the appointment in the desk's hours once its replica has heard (a receipt or two may come first)
    const receipt = await eventually(async () => {
      const body = await receive({ code: CONG_VI, wardCode: '00007' });
      const receivedAt = new Date((await record(body.code, CONG_VI)).receivedAt);
      const expected = appointmentFor(ward, receivedAt, { value: 8, unit: 'working_hours' });
      expect(expected.getTime()).not.toBe(appointmentFor(calendar, receivedAt, { value: 8, unit: 'working_hours' }).getTime());
      return body.appointmentAt === toVietnamIso(expected) ? body : undefined;
    }, 'an appointment in Cống Vị’s hours');

    // workflow opens the first task at the ward with a deadline in the ward's hours (4 working hours for step 1)
    const [task] = await eventually(async () => {
      const rows = await db(`SELECT created_at, due_at FROM task WHERE dossier_code = $1`, [receipt.code]);
      return rows.length ? rows : undefined;
    }, 'the first task');
    expect(task.due_at.toISOString()).toBe(stepDeadline(ward, task.created_at, 4).toISOString());
    expect(task.due_at.getTime()).not.toBe(stepDeadline(calendar, task.created_at, 4).getTime());

    // null, said outright, gives the agency the national hours again
    expect((await call('PUT', url, admin, { officeHours: null })).body).toEqual({ code: CONG_VI, officeHours: null });
    expect((await call('GET', workflow(`/calendar/deadline?from=${from}&value=8&unit=working_hours&agency=${CONG_VI}`), token)).body.deadline).toBe(
      '2026-11-23T17:00:00.000+07:00',
    );
  });

  it('counts on time by the national method: resolved early, on time or late, in progress overdue, withdrawn', async () => {
    const PHUC_XA = '001.01.20.H26';
    const at = (role: Role) => fixture.anOfficer(PHUC_XA, role);
    const receiveHere = async () => (await receiveDossier(fixture, { desk: PHUC_XA, wardCode: '00001', fullName: 'Mai Anh Tuấn' })).body.code as string;
    const stepHere = async (code: string, role: Role, action: string) => {
      const { done } = await claimAndAct(fixture, code, PHUC_XA, await at(role), action);
      expect(done.status).toBe(200);
    };
    const [resolved, resolvedLate, running, withdrawn] = [await receiveHere(), await receiveHere(), await receiveHere(), await receiveHere()];
    for (const code of [resolved, resolvedLate]) {
      await stepHere(code, Role.Specialist, 'forward');
      await stepHere(code, Role.Leader, 'sign'); // processed: the result is issued
    }
    // the round trip itself is walked above; here only its count matters: two supplement requests make it late
    await db(`UPDATE dossier_case SET supplement_rounds = 2 WHERE dossier_code = $1`, [resolvedLate]);
    await stepHere(running, Role.Specialist, 'forward');
    await db(`UPDATE dossier_case SET appointment_at = now() - interval '1 hour' WHERE dossier_code = $1`, [running]);
    await eventually(async () => (await db(`SELECT 1 FROM dossier_case WHERE dossier_code = $1`, [withdrawn])).length, 'the last case');
    const { version } = (await call('GET', workflow(`/dossiers/${withdrawn}/control-slip`), await at(Role.Receiver))).body;
    await call('POST', workflow(`/dossiers/${withdrawn}/withdrawal`), await at(Role.Receiver), { version, reason: 'Rút hồ sơ' });

    const year = new Date().getFullYear();
    const period = `from=${year}-01-01&to=${year}-12-31`;
    const leader = await at(Role.Leader);
    const { status, body } = await call('GET', workflow(`/statistics?${period}&groupBy=agency`), leader);
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      {
        key: PHUC_XA,
        name: 'Ủy ban nhân dân phường Phúc Xá',
        received: { carriedOver: 0, new: 4, byChannel: { inPerson: 4, online: 0, post: 0 } },
        resolved: { total: 2, early: expect.any(Number), onTime: expect.any(Number), late: 1 },
        inProgress: { total: 1, withinTime: 0, overdue: 1 },
        waitingForSupplement: 0,
        stopped: 0,
        withdrawn: 1,
      },
    ]);
    expect(body.rows[0].resolved.early + body.rows[0].resolved.onTime).toBe(1);

    // Early is before the appointment's day in Vietnam. For an appointment at 08:00 on 10 June (01:00 UTC): processed
    // at 16:30 on 9 June is early; at 06:45 on 10 June it is on time, though in UTC (23:45 on 9 June) that is the
    // day before.
    const resolvedOn = async (processedAt: string) => {
      await db(`UPDATE dossier_case SET appointment_at = $2, processed_at = $3 WHERE dossier_code = $1`, [resolved, `${year}-06-10T01:00:00Z`, processedAt]);
      return (await call('GET', workflow(`/statistics?${period}&groupBy=agency`), leader)).body.rows[0].resolved;
    };
    expect(await resolvedOn(`${year}-06-09T09:30:00Z`)).toEqual({ total: 2, early: 1, onTime: 0, late: 1 });
    expect(await resolvedOn(`${year}-06-09T23:45:00Z`)).toEqual({ total: 2, early: 0, onTime: 1, late: 1 });

    // scope: a specialist sees none, another ward's leader not this one; an administrator sees every desk
    expect((await call('GET', workflow(`/statistics?${period}`), await at(Role.Specialist))).body.code).toBe('STATISTICS.LEADERS_ONLY');
    const otherLeader = await auth.token({ subject: `${TRUC_BACH}.leader.1`, roles: [Role.Leader], agencies: [TRUC_BACH] });
    expect((await call('GET', workflow(`/statistics?${period}&agency=${PHUC_XA}`), otherLeader)).body.code).toBe('STATISTICS.AGENCY_NOT_YOURS');
    const admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
    const all = (await call('GET', workflow(`/statistics?${period}&groupBy=level`), admin)).body.rows;
    expect(all.map((r: any) => [r.key, r.name])).toEqual([['ward', 'Cấp xã']]);
    expect(all[0].received.new).toBeGreaterThanOrEqual(4);
    expect((await call('GET', workflow(`/statistics?from=${year}-12-31&to=${year}-01-01`), admin)).body.code).toBe('STATISTICS.EMPTY_PERIOD');
  });
});
