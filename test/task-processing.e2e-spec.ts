import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '@motcua/auth';
import { DossierSupplemented, event } from '@motcua/contracts';
import { BIRTH_REGISTRATION_DOCUMENTS, callApi as call, eventually, publishEvent, receiveDossier, taskInQueue, useSuite } from '@motcua/testing';
import { WorkingCalendar, appointmentFor, toVietnamIso } from '@motcua/calendar';
import { procedures } from '../apps/workflow/src/migrations/seed/1764150000006-procedures';

/**
 * One task, one owner: dossiers walked through real seeded processes by the demo staff, each step claimed by one
 * eligible officer and finished by its owner; every command a compare-and-set on the task's version. Intake and
 * workflow run as processes on the real broker and databases.
 */
describe('processing a dossier task by task', () => {
  const TRUC_BACH = '004.01.20.H26';
  const fixture = useSuite('task-processing', ['intake', 'workflow', 'notification']);
  const { suite, auth } = fixture;
  const workflowDb = fixture.db('workflow');
  const notificationDb = fixture.db('notification');

  const officer = fixture.anOfficer;
  const workflow = fixture.api('workflow');

  async function receive(procedureCode: string, desk: string, wardCode: string): Promise<string> {
    const seeded = procedures.find((p) => p.code === procedureCode)!;
    const documents =
      procedureCode === '1.001193' ? BIRTH_REGISTRATION_DOCUMENTS : seeded.documents.filter((d) => d.required).map(({ code, name }) => ({ code, name }));
    const { status, body } = await receiveDossier(fixture, { procedureCode, desk, wardCode, fullName: 'Đặng Thu Trang', documents });
    expect(status).toBe(201);
    return body.code;
  }

  /** The dossier's open task, as its agency's queue (or its owner's list) shows it. */
  const openTask = (dossierCode: string, agency: string, token: string, owner: 'none' | 'me' = 'none') =>
    taskInQueue(fixture, dossierCode, agency, token, owner);

  /** Publishes a version of death registration (1.000656) whose first step goes to the least-loaded specialist. */
  async function assignDeathsAutomatically() {
    const admin = await auth.token({ subject: 'quan-tri-vien', roles: [Role.Admin] });
    const current = (await call('GET', workflow('/procedures/1.000656'), admin)).body.versions.at(-1).steps;
    const published = await call('POST', workflow('/procedures/1.000656/versions'), admin, {
      steps: current.map((s: any, i: number) => (i === 0 ? { ...s, assignment: 'least_loaded' } : s)),
    });
    expect(published.status).toBe(201);
    return admin;
  }

  /** A death registration received at Phúc Xá's desk; its code. */
  async function receiveDeath(fullName: string): Promise<string> {
    const seeded = procedures.find((p) => p.code === '1.000656')!;
    const documents = seeded.documents.filter((d) => d.required).map(({ code, name }) => ({ code, name }));
    const { body } = await receiveDossier(fixture, { procedureCode: '1.000656', desk: '001.01.20.H26', wardCode: '00001', fullName, documents });
    return body.code as string;
  }

  /** Claims the dossier's task at `agency` as officer n of `role`, then finishes it with `action`. */
  async function step(dossierCode: string, agency: string, role: Role, action: string, note?: string) {
    const token = await officer(agency, role);
    const task = await openTask(dossierCode, agency, token);
    expect(task).toMatchObject({ role, agencyCode: agency, ownerId: null });
    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version });
    expect(claimed).toMatchObject({ status: 200, body: { ownerId: `${agency}.${role}.1`, version: task.version + 1 } });
    const done = await call('POST', workflow(`/tasks/${task.id}/actions`), token, { version: claimed.body.version, action, note });
    expect(done.status).toBe(200);
    return { task, done: done.body };
  }

  /** The notification service's messages of one template about the dossier, once there are `count` of them. */
  const told = (code: string, templateKey: string, count: number) =>
    eventually(async () => {
      const { rows } = await notificationDb.query(
        `SELECT recipient, channel, subject FROM notification WHERE dossier_code = $1 AND template_key = $2 ORDER BY recipient, created_at`,
        [code, templateKey],
      );
      return rows.length === count ? rows : undefined;
    }, `${count} ${templateKey} about ${code}`);

  const record = (code: string, token: Promise<string>) =>
    token.then(async (t) => (await call('GET', `${suite.url('intake')}/api/v1/dossiers/${code}`, t)).body);

  const statusHistory = async (code: string, desk: string, length: number) =>
    eventually(async () => {
      const body = await record(code, officer(desk, Role.Receiver));
      return body.history?.length === length ? body : undefined;
    }, `${length} rows of history for ${code}`);

  it('walks a birth registration straight through: checked, signed, handed over (2 → 4 → 9 → 10)', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    await step(code, TRUC_BACH, Role.Specialist, 'forward');
    const signed = await step(code, TRUC_BACH, Role.Leader, 'sign');
    expect(signed.done.nationalStatus).toBe(9);
    const returned = await step(code, TRUC_BACH, Role.Returner, 'hand_over');
    expect(returned.done).toMatchObject({ status: 'done', nextTaskId: null, nationalStatus: 10 });

    const shown = await statusHistory(code, TRUC_BACH, 5);
    expect(shown.history.map((h: any) => h.nationalStatus)).toEqual([2, 4, 4, 9, 10]);
    // the appointment on the receipt: 8 working hours from the receipt, in Vietnam's working time
    const calendar = new WorkingCalendar();
    expect(shown.appointmentAt).toBe(toVietnamIso(appointmentFor(calendar, new Date(shown.receivedAt), { value: 8, unit: 'working_hours' })));
    const slip = (await call('GET', workflow(`/dossiers/${code}/control-slip`), await officer(TRUC_BACH, Role.Receiver))).body;
    expect(slip.appointmentAt).toBe(shown.appointmentAt);
    // each step's deadline is its budget (4, 2, 2 working hours) from its hand-over; done at once, none is late
    expect(slip.rows.map((r: any) => r.stepDeadline)).toEqual(
      slip.rows.map((r: any, i: number) => toVietnamIso(calendar.addWorkingHours(new Date(r.handedOverAt), [4, 2, 2][i]))),
    );
    expect(slip.rows.every((r: any) => r.result === 'early' || r.result === 'on_time')).toBe(true);
    expect(shown).toMatchObject({ nationalStatus: 10, currentStep: null });
    // the coordinator heard of the milestones: the result signed, then handed over
    expect((await told(code, 'coordinator.milestone', 2)).map((n: any) => `${n.recipient} ${n.subject}`).sort()).toEqual([
      `${TRUC_BACH}.receiver.1 Hồ sơ ${code}: kết quả đã được ký`,
      `${TRUC_BACH}.receiver.1 Hồ sơ ${code}: đã trả kết quả cho người nộp`,
    ]);
    // exactly one task was ever open at a time, and none is open now
    const { rows } = await workflowDb.query(`SELECT step_number, status, owner_id FROM task WHERE dossier_code = $1 ORDER BY created_at`, [code]);
    expect(rows).toEqual([
      { step_number: 1, status: 'done', owner_id: `${TRUC_BACH}.specialist.1` },
      { step_number: 2, status: 'done', owner_id: `${TRUC_BACH}.leader.1` },
      { step_number: 3, status: 'done', owner_id: `${TRUC_BACH}.returner.1` },
    ]);
  });

  it('sends a dossier back with a reason, and forwards it again', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    await step(code, TRUC_BACH, Role.Specialist, 'forward');
    const leader = await officer(TRUC_BACH, Role.Leader);
    const task = await openTask(code, TRUC_BACH, leader);
    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), leader, { version: task.version });
    const noReason = await call('POST', workflow(`/tasks/${task.id}/actions`), leader, { version: claimed.body.version, action: 'send_back' });
    expect(noReason).toMatchObject({ status: 422, body: { code: 'TASK.REASON_REQUIRED', errors: [expect.objectContaining({ field: 'note' })] } });
    const back = await call('POST', workflow(`/tasks/${task.id}/actions`), leader, {
      version: claimed.body.version,
      action: 'send_back',
      note: 'Tờ khai ghi sai ngày sinh, đề nghị kiểm tra lại',
    });
    expect(back.body).toMatchObject({ status: 'done', nationalStatus: 4 });
    const again = await step(code, TRUC_BACH, Role.Specialist, 'forward');
    expect(again.task.stepNumber).toBe(1);
    await step(code, TRUC_BACH, Role.Leader, 'sign');
    const { rows } = await workflowDb.query(`SELECT step_number, outcome, note FROM task WHERE dossier_code = $1 ORDER BY created_at`, [code]);
    expect(rows.map((r) => `${r.step_number} ${r.outcome}`)).toEqual(['1 forward', '2 send_back', '1 forward', '2 sign', '3 null']);
    expect(rows[1].note).toBe('Tờ khai ghi sai ngày sinh, đề nghị kiểm tra lại');

    // the process-control slip tells the same story, a row per hand-over
    const slip = await call('GET', workflow(`/dossiers/${code}/control-slip`), await officer(TRUC_BACH, Role.Receiver));
    expect(slip.status).toBe(200);
    expect(slip.body).toMatchObject({ dossierCode: code, coordinatorId: `${TRUC_BACH}.receiver.1`, status: 'in_progress' });
    const specialist = `${TRUC_BACH}.specialist.1`;
    const leaderId = `${TRUC_BACH}.leader.1`;
    expect(slip.body.rows.map((r: any) => [r.stepNumber, r.givenBy, r.receivedBy, r.outcome])).toEqual([
      [1, `${TRUC_BACH}.receiver.1`, specialist, 'forward'],
      [2, specialist, leaderId, 'send_back'],
      [1, leaderId, specialist, 'forward'],
      [2, specialist, leaderId, 'sign'],
      [3, leaderId, null, null],
    ]);
    expect(slip.body.rows[1]).toMatchObject({ note: 'Tờ khai ghi sai ngày sinh, đề nghị kiểm tra lại', agencyName: 'Ủy ban nhân dân phường Trúc Bạch' });
    for (const row of slip.body.rows.slice(0, 4)) {
      expect(row.handedOverAt <= row.receivedAt && row.receivedAt <= row.completedAt).toBe(true);
    }
    expect(slip.body.rows[4]).toMatchObject({ receivedAt: null, completedAt: null });
    // a leader of the district above the ward reads it too; nobody else does
    expect((await call('GET', workflow(`/dossiers/${code}/control-slip`), await officer('000.01.20.H26', Role.Leader))).body.rows).toEqual(slip.body.rows);
    expect((await call('GET', workflow(`/dossiers/${code}/control-slip`), await officer('000.01.20.H26', Role.Specialist))).status).toBe(404);
    expect((await call('GET', workflow(`/dossiers/${code}/control-slip`), await officer('001.01.20.H26', Role.Receiver))).status).toBe(404);
    expect(
      (await call('GET', workflow(`/dossiers/${code}/control-slip`), await auth.token({ subject: 'c', kind: 'citizen', roles: [], agencies: [TRUC_BACH] })))
        .status,
    ).toBe(404);
    expect((await call('GET', workflow(`/dossiers/${code}/control-slip`), null)).status).toBe(401);
  });

  it('walks a liên thông chain ward → district → back to the ward, each step in its own agency', async () => {
    const PHU_CUONG = '625.19.20.H26'; // xã Phú Cường, huyện Ba Vì (seed codes)
    const code = await receive('1.004227', PHU_CUONG, '09625');
    await step(code, PHU_CUONG, Role.Specialist, 'forward');
    await step(code, PHU_CUONG, Role.Leader, 'forward');
    const { task: atDistrict } = await step(code, '005.19.21.H26', Role.Specialist, 'forward'); // the district's land registration branch
    // the ward's coordinator follows the dossier into the district's agencies; the ward's other officers do not
    expect((await call('GET', workflow(`/tasks/${atDistrict.id}`), await officer(PHU_CUONG, Role.Receiver))).body).toMatchObject({
      agencyCode: '005.19.21.H26',
      status: 'done',
    });
    expect((await call('GET', workflow(`/tasks/${atDistrict.id}`), await officer(PHU_CUONG, Role.Specialist))).status).toBe(404);
    await step(code, '002.19.21.H26', Role.DivisionHead, 'approve'); // natural resources and environment division
    await step(code, '000.19.20.H26', Role.Leader, 'sign'); // the district committee
    await step(code, PHU_CUONG, Role.Returner, 'hand_over');
    const shown = await statusHistory(code, PHU_CUONG, 8);
    expect(shown.history.map((h: any) => h.nationalStatus)).toEqual([2, 4, 4, 4, 4, 4, 9, 10]);
  });

  it('walks a city procedure received at a district desk: decided by Sở Tư pháp, returned at the district', async () => {
    const BA_VI = '000.19.20.H26';
    const JUSTICE = '000.00.05.H26';
    const code = await receive('2.000505', BA_VI, '00004');
    await step(code, BA_VI, Role.Receiver, 'forward');
    await step(code, JUSTICE, Role.Specialist, 'forward');
    await step(code, JUSTICE, Role.Leader, 'sign');
    await step(code, BA_VI, Role.Returner, 'hand_over');
    expect((await statusHistory(code, BA_VI, 6)).nationalStatus).toBe(10);
  });

  it('lists work queues by owner, status and procedure with counts, and a leader’s subtree', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const queued = await receive('1.001193', TRUC_BACH, '00004'); // stays in the queue
    const specialist = await officer(TRUC_BACH, Role.Specialist, 2);
    const task = await openTask(code, TRUC_BACH, specialist);
    const waiting = await openTask(queued, TRUC_BACH, specialist);
    const queue = await call('GET', workflow(`/tasks?agency=${TRUC_BACH}&procedure=1.001193&limit=100`), specialist);
    expect(queue.body.counts.queue).toBe(queue.body.items.length);
    expect(queue.body.items.every((t: any) => t.ownerId === null && t.procedureCode === '1.001193')).toBe(true);
    expect(queue.body.items.find((t: any) => t.id === task.id)).toMatchObject({ coordinatorId: `${TRUC_BACH}.receiver.1`, nationalStatus: 4 });
    expect((await call('GET', workflow(`/tasks?agency=${TRUC_BACH}&procedure=1.002804`), specialist)).body.items).toEqual([]);

    // due before: strictly before the step's deadline, in the list and in the counts
    const dueBefore = (at: string) => call('GET', workflow(`/tasks?agency=${TRUC_BACH}&limit=100&dueBefore=${encodeURIComponent(at)}`), specialist);
    const atDeadline = await dueBefore(task.dueAt);
    expect(atDeadline.body.items.map((t: any) => t.id)).not.toContain(task.id);
    expect(atDeadline.body.items.every((t: any) => t.dueAt < task.dueAt)).toBe(true);
    expect(atDeadline.body.counts.queue).toBe(atDeadline.body.items.length);
    const justAfter = await dueBefore(toVietnamIso(new Date(new Date(task.dueAt).getTime() + 60_000)));
    expect(justAfter.body.items.map((t: any) => t.id)).toContain(task.id);
    expect(justAfter.body.counts.queue).toBe(justAfter.body.items.length);
    expect((await dueBefore('next friday')).body).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'dueBefore' })] });

    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), specialist, { version: task.version });
    const mine = await call('GET', workflow('/tasks?owner=me'), specialist);
    expect(mine.body.items.map((t: any) => t.id)).toContain(task.id);
    expect(mine.body.counts.mine).toBe(mine.body.items.length);
    // the head of the agency sees whom each open task is with; an officer who heads nothing may not ask
    const leader = await officer(TRUC_BACH, Role.Leader);
    const all = await call('GET', workflow(`/tasks?owner=all&limit=100`), leader);
    expect(all.body.items.find((t: any) => t.id === task.id)).toMatchObject({ ownerId: `${TRUC_BACH}.specialist.2`, version: claimed.body.version });
    expect(all.body.items.find((t: any) => t.id === waiting.id)).toMatchObject({ ownerId: null });
    const allIds = all.body.items.map((t: any) => `${t.createdAt} ${t.id}`);
    expect(allIds).toEqual([...allIds].sort());
    expect((await call('GET', workflow('/tasks?owner=all'), specialist)).body).toMatchObject({ status: 403, code: 'TASK.ALL_FOR_HEADS' });
    // one task, with the version the next command names: for its agency's officers and a leader above it, 404 elsewhere
    expect((await call('GET', workflow(`/tasks/${task.id}`), specialist)).body).toMatchObject({
      id: task.id,
      ownerId: `${TRUC_BACH}.specialist.2`,
      version: claimed.body.version,
    });
    expect((await call('GET', workflow(`/tasks/${task.id}`), await officer('000.01.20.H26', Role.Leader))).body).toMatchObject({ id: task.id });
    expect((await call('GET', workflow(`/tasks/${task.id}`), await officer('000.01.20.H26', Role.Specialist))).body).toMatchObject({
      status: 404,
      code: 'TASK.NOT_FOUND',
    });
    expect((await call('GET', workflow(`/tasks/${randomUUID()}`), specialist)).body.code).toBe('TASK.NOT_FOUND');
    await call('POST', workflow(`/tasks/${task.id}/actions`), specialist, { version: claimed.body.version, action: 'forward' });
    const done = await call('GET', workflow('/tasks?owner=me&status=done&limit=100'), specialist);
    expect(done.body.items.find((t: any) => t.id === task.id)).toMatchObject({ status: 'done', outcome: 'forward' });

    // the district committee's leader sees the queues of the wards under it; a ward specialist may not ask
    const districtLeader = await officer('000.01.20.H26', Role.Leader);
    const own = await call('GET', workflow('/tasks?limit=100'), districtLeader);
    expect(own.body.items.filter((t: any) => t.dossierCode === code)).toEqual([]);
    const subtree = await call('GET', workflow(`/tasks?scope=subtree&agency=${TRUC_BACH}&limit=100`), districtLeader);
    expect(subtree.body.items.find((t: any) => t.dossierCode === code)).toMatchObject({ stepNumber: 2, agencyCode: TRUC_BACH });
    expect((await call('GET', workflow('/tasks?scope=subtree'), specialist)).body.code).toBe('TASK.SUBTREE_FOR_LEADERS');
    expect((await call('GET', workflow('/tasks?agency=001.01.20.H26'), specialist)).body.code).toBe('TASK.AGENCY_NOT_YOURS');
    expect((await call('GET', workflow('/tasks'), await auth.token({ subject: 'c', kind: 'citizen', roles: [], agencies: [] }))).status).toBe(403);
  });

  it('lets a role count only at the agency where the organisation gives it: heads see whom tasks are with, leaders their subtree', async () => {
    const DISTRICT = '000.01.20.H26';
    const PHUC_XA = '001.01.20.H26';
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const task = await openTask(code, TRUC_BACH, await officer(TRUC_BACH, Role.Specialist));
    const there = await openTask(await receive('1.001193', PHUC_XA, '00001'), PHUC_XA, await officer(PHUC_XA, Role.Specialist));
    /** An officer of the organisation with these roles, and a token with its own claims (which may say more). */
    const staff = async (roles: [string, string][], claims: { roles: Role[]; agencies: string[] }) => {
      const id = `scope.${randomUUID()}`;
      await workflowDb.query(`INSERT INTO officer (id, full_name) VALUES ($1, 'Cán bộ thử phạm vi')`, [id]);
      for (const [agency, role] of roles)
        await workflowDb.query(`INSERT INTO officer_role (officer_id, agency_code, role) VALUES ($1, $2, $3)`, [id, agency, role]);
      return { id, token: await auth.token({ subject: id, ...claims }) };
    };
    const year = new Date().getFullYear();
    const statistics = (token: string, agency?: string) =>
      call('GET', workflow(`/statistics?from=${year}-01-01&to=${year}-12-31&groupBy=agency${agency ? `&agency=${agency}` : ''}`), token);
    const ids = (response: { body: any }) => response.body.items.map((t: any) => t.id);

    // the leader of Phúc Xá who is a specialist at Trúc Bạch heads Phúc Xá only, whatever the token's flat roles say
    const { token: mixed } = await staff(
      [
        [PHUC_XA, 'leader'],
        [TRUC_BACH, 'specialist'],
      ],
      { roles: [Role.Leader, Role.Specialist], agencies: [PHUC_XA, TRUC_BACH] },
    );
    expect((await call('GET', workflow(`/tasks?owner=all&agency=${TRUC_BACH}`), mixed)).body).toMatchObject({
      status: 403,
      code: 'TASK.ALL_FOR_HEADS',
      errors: [expect.objectContaining({ field: 'owner' })],
    });
    const all = await call('GET', workflow('/tasks?owner=all&limit=100'), mixed);
    expect(ids(all)).toContain(there.id);
    expect(all.body.items.filter((t: any) => t.agencyCode !== PHUC_XA)).toEqual([]);
    expect(ids(await call('GET', workflow(`/tasks?agency=${TRUC_BACH}&limit=100`), mixed))).toContain(task.id); // a member's queue
    expect((await call('GET', workflow('/tasks?owner=all&status=done'), await officer(TRUC_BACH, Role.Specialist))).status).toBe(200); // done: one's own
    expect((await statistics(mixed, TRUC_BACH)).body.code).toBe('STATISTICS.AGENCY_NOT_YOURS');
    expect((await statistics(mixed)).body.rows.map((r: any) => r.key)).toEqual([PHUC_XA]);

    // a token that says leader for a district specialist opens nothing beyond the district's own queue
    const { token: claims } = await staff([[DISTRICT, 'specialist']], { roles: [Role.Leader], agencies: [DISTRICT] });
    expect((await call('GET', workflow('/tasks?scope=subtree'), claims)).body).toMatchObject({ status: 403, code: 'TASK.SUBTREE_FOR_LEADERS' });
    expect((await call('GET', workflow('/tasks?owner=all'), claims)).body.code).toBe('TASK.ALL_FOR_HEADS');
    expect((await call('GET', workflow(`/tasks/${task.id}`), claims)).body).toMatchObject({ status: 404, code: 'TASK.NOT_FOUND' });
    expect((await call('GET', workflow(`/dossiers/${code}/control-slip`), claims)).body).toMatchObject({ status: 404, code: 'DOSSIER.NOT_FOUND' });
    expect((await statistics(claims)).body.code).toBe('STATISTICS.LEADERS_ONLY');

    // the district's head of desk heads the district, not the wards under it
    const { token: deskHead } = await staff([[DISTRICT, 'head_of_desk']], { roles: [Role.HeadOfDesk], agencies: [DISTRICT] });
    expect((await call('GET', workflow('/tasks?scope=subtree'), deskHead)).body.code).toBe('TASK.SUBTREE_FOR_LEADERS');
    expect((await statistics(deskHead, TRUC_BACH)).body.code).toBe('STATISTICS.AGENCY_NOT_YOURS');
    const deskHeads = (await statistics(deskHead)).body.rows.map((r: any) => r.key);
    expect(deskHeads.filter((key: string) => key !== DISTRICT)).toEqual([]);

    // the district's leader sees the ward's task, its slip and whom it is with, until they go on leave
    const { id: leaderId, token: leader } = await staff([[DISTRICT, 'leader']], { roles: [Role.Leader], agencies: [DISTRICT] });
    expect(ids(await call('GET', workflow('/tasks?scope=subtree&owner=all&limit=100'), leader))).toEqual(expect.arrayContaining([task.id, there.id]));
    expect((await call('GET', workflow(`/tasks/${task.id}`), leader)).body).toMatchObject({ id: task.id });
    expect((await call('GET', workflow(`/dossiers/${code}/control-slip`), leader)).status).toBe(200);
    expect((await statistics(leader)).body.rows.map((r: any) => r.key)).toEqual(expect.arrayContaining([TRUC_BACH, PHUC_XA]));
    await workflowDb.query(`UPDATE officer SET status = 'on_leave' WHERE id = $1`, [leaderId]);
    expect((await call('GET', workflow(`/tasks?scope=subtree&agency=${TRUC_BACH}`), leader)).body.code).toBe('TASK.SUBTREE_FOR_LEADERS');
    expect((await call('GET', workflow(`/tasks/${task.id}`), leader)).status).toBe(404);
    expect((await call('GET', workflow(`/tasks?agency=${DISTRICT}`), leader)).status).toBe(200); // their own agency's queue stays theirs
  });

  it('asks the applicant for a supplement through the desk, and resumes at the step that asked once it is complete', async () => {
    const desk = await officer(TRUC_BACH, Role.Receiver);
    const { status, body: receipt } = await call('POST', `${suite.url('intake')}/api/v1/dossiers`, desk, {
      procedureCode: '1.001193',
      receivingAgencyCode: TRUC_BACH,
      channel: 1,
      applicant: { fullName: 'Ngô Bảo Châu', idNumber: '001090011111', wardCode: '00004' },
      documents: BIRTH_REGISTRATION_DOCUMENTS,
      returnMethod: 'desk',
    });
    expect(status).toBe(201);
    expect(receipt.lookupSecret).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const code = receipt.code;

    const specialist = await officer(TRUC_BACH, Role.Specialist);
    const task = await openTask(code, TRUC_BACH, specialist);
    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), specialist, { version: task.version });
    const missing = [{ code: 'GCS', name: 'Giấy chứng sinh' }, { name: 'Văn bản xác nhận của cơ sở y tế nơi sinh' }];
    const noList = await call('POST', workflow(`/tasks/${task.id}/actions`), specialist, {
      version: claimed.body.version,
      action: 'request_supplement',
      note: 'Thiếu giấy tờ',
    });
    expect(noList.body.code).toBe('TASK.MISSING_LIST_REQUIRED');
    const asked = await call('POST', workflow(`/tasks/${task.id}/actions`), specialist, {
      version: claimed.body.version,
      action: 'request_supplement',
      note: 'Giấy chứng sinh là bản sao không chứng thực; cần bản chính',
      missing,
    });
    expect(asked.body).toMatchObject({ status: 'done', nextTaskId: null, nationalStatus: 5 });

    // the public record shows the request; no task is open while the applicant has the dossier
    const waiting = await eventually(async () => {
      const body = await record(code, officer(TRUC_BACH, Role.Receiver));
      return body.nationalStatus === 5 ? body : undefined;
    }, 'status 5 on the record');
    expect(waiting.supplementRequest).toMatchObject({ round: 1, reason: 'Giấy chứng sinh là bản sao không chứng thực; cần bản chính', missing, stepNumber: 1 });
    expect((await workflowDb.query(`SELECT count(*)::int AS n FROM task WHERE dossier_code = $1 AND status = 'open'`, [code])).rows[0].n).toBe(0);

    const supply = (body: unknown, headers: Record<string, string>, token: string | null = null) =>
      call('POST', `${suite.url('intake')}/api/v1/dossiers/${code}/supplements`, token, body, headers);
    const everything = { documents: [{ code: 'GCS', name: 'Giấy chứng sinh (bản chính)' }, { name: 'Văn bản xác nhận của cơ sở y tế nơi sinh' }] };
    expect((await supply(everything, { 'x-lookup-secret': 'not-the-secret' })).status).toBe(404);
    expect((await supply(everything, {}, await auth.token({ subject: '001090099999', kind: 'citizen', roles: [], agencies: [] }))).status).toBe(404);
    const partial = await supply({ documents: [{ code: 'GCS', name: 'Giấy chứng sinh' }] }, { 'x-lookup-secret': receipt.lookupSecret });
    expect(partial).toMatchObject({ status: 422, body: { code: 'DOSSIER.SUPPLEMENT_INCOMPLETE' } });
    expect(partial.body.errors.map((e: any) => e.message)).toEqual(['Văn bản xác nhận của cơ sở y tế nơi sinh']);
    const key = randomUUID();
    const supplied = await supply(everything, { 'x-lookup-secret': receipt.lookupSecret, 'idempotency-key': key });
    expect(supplied).toMatchObject({ status: 201, body: { dossierCode: code, round: 1 } });
    expect((await supply(everything, { 'x-lookup-secret': receipt.lookupSecret, 'idempotency-key': key })).headers.get('idempotent-replayed')).toBe('true');
    // the applicant's own token works too, but there is nothing left to supply
    const again = await supply(everything, {}, await auth.token({ subject: '001090011111', kind: 'citizen', roles: [], agencies: [] }));
    expect(again).toMatchObject({ status: 409, body: { code: 'DOSSIER.NOT_AWAITING_SUPPLEMENT' } });

    // workflow resumes the same case at step 1, in the same queue
    const resumed = await openTask(code, TRUC_BACH, specialist);
    expect(resumed).toMatchObject({ stepNumber: 1, nationalStatus: 4 });
    await step(code, TRUC_BACH, Role.Specialist, 'forward');
    const shown = await eventually(async () => {
      const body = await record(code, officer(TRUC_BACH, Role.Receiver));
      return body.currentStep?.name?.startsWith('Lãnh đạo') ? body : undefined;
    }, 'the next step on the record');
    expect(shown.history.map((h: any) => h.nationalStatus)).toEqual([2, 4, 5, 5, 4, 4]);
    expect(shown.supplementRequest).toBeNull();
    expect((await told(code, 'coordinator.milestone', 1))[0]).toEqual({
      recipient: `${TRUC_BACH}.receiver.1`,
      channel: 'officer',
      subject: `Hồ sơ ${code}: cần bổ sung hồ sơ (lần 1)`,
    });
    const slip = await call('GET', workflow(`/dossiers/${code}/control-slip`), desk);
    expect(slip.body).toMatchObject({ supplementRounds: 1 });
    expect(slip.body.rows.map((r: any) => `${r.stepNumber} ${r.outcome}`)).toEqual(['1 request_supplement', '1 forward', '2 null']);
  });

  it('resumes a supplement asked for at the district’s third step at that step, in that agency, not at the start', async () => {
    const PHU_CUONG = '625.19.20.H26';
    const LAND_BRANCH = '005.19.21.H26';
    const seeded = procedures.find((p) => p.code === '1.004227')!;
    const { body: receipt } = await call('POST', `${suite.url('intake')}/api/v1/dossiers`, await officer(PHU_CUONG, Role.Receiver), {
      procedureCode: '1.004227',
      receivingAgencyCode: PHU_CUONG,
      channel: 1,
      applicant: { fullName: 'Phùng Văn Khải', wardCode: '09625' },
      documents: seeded.documents.filter((d) => d.required).map(({ code, name }) => ({ code, name })),
      returnMethod: 'desk',
    });
    const code = receipt.code;
    await step(code, PHU_CUONG, Role.Specialist, 'forward');
    await step(code, PHU_CUONG, Role.Leader, 'forward');
    const branch = await officer(LAND_BRANCH, Role.Specialist);
    const asking = await openTask(code, LAND_BRANCH, branch);
    const claimed = await call('POST', workflow(`/tasks/${asking.id}/claim`), branch, { version: asking.version });
    const asked = await call('POST', workflow(`/tasks/${asking.id}/actions`), branch, {
      version: claimed.body.version,
      action: 'request_supplement',
      note: 'Thiếu chứng từ nghĩa vụ tài chính',
      missing: [{ code: 'NVTC', name: 'Chứng từ thực hiện nghĩa vụ tài chính' }],
    });
    expect(asked.body).toMatchObject({ status: 'done', nationalStatus: 5 });
    const supplied = await eventually(async () => {
      const answer = await call(
        'POST',
        `${suite.url('intake')}/api/v1/dossiers/${code}/supplements`,
        null,
        { documents: [{ code: 'NVTC', name: 'Chứng từ thực hiện nghĩa vụ tài chính' }] },
        {
          'x-lookup-secret': receipt.lookupSecret,
        },
      );
      return answer.status === 201 ? answer : undefined;
    }, 'status 5 at intake');
    expect(supplied.body.round).toBe(1);
    const resumed = await openTask(code, LAND_BRANCH, branch);
    expect(resumed).toMatchObject({ stepNumber: 3, agencyCode: LAND_BRANCH, nationalStatus: 4 });
    expect((await workflowDb.query(`SELECT count(*)::int AS n FROM task WHERE dossier_code = $1 AND status = 'open'`, [code])).rows[0].n).toBe(1);
    const slip = (await call('GET', workflow(`/dossiers/${code}/control-slip`), await officer(PHU_CUONG, Role.Receiver))).body;
    expect(slip.rows.map((r: any) => `${r.stepNumber} ${r.agencyCode} ${r.outcome}`)).toEqual([
      `1 ${PHU_CUONG} forward`,
      `2 ${PHU_CUONG} forward`,
      `3 ${LAND_BRANCH} request_supplement`,
      `3 ${LAND_BRANCH} null`,
    ]);
  });

  it('does not resume a case waiting for a second supplement on a copy of the first one’s message', async () => {
    const { body: receipt } = await call('POST', `${suite.url('intake')}/api/v1/dossiers`, await officer(TRUC_BACH, Role.Receiver), {
      procedureCode: '1.001193',
      receivingAgencyCode: TRUC_BACH,
      channel: 1,
      applicant: { fullName: 'Tạ Minh Châu', wardCode: '00004' },
      documents: BIRTH_REGISTRATION_DOCUMENTS,
      returnMethod: 'desk',
    });
    const code = receipt.code;
    const specialist = await officer(TRUC_BACH, Role.Specialist);
    const missing = [{ name: 'Giấy chứng sinh' }];
    const askAndSupply = async (round: number) => {
      const task = await openTask(code, TRUC_BACH, specialist);
      const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), specialist, { version: task.version });
      const asked = await call('POST', workflow(`/tasks/${task.id}/actions`), specialist, {
        version: claimed.body.version,
        action: 'request_supplement',
        note: `Lần ${round}`,
        missing,
      });
      expect(asked.body).toMatchObject({ nationalStatus: 5 });
      return () =>
        eventually(async () => {
          const answer = await call(
            'POST',
            `${suite.url('intake')}/api/v1/dossiers/${code}/supplements`,
            null,
            { documents: missing },
            { 'x-lookup-secret': receipt.lookupSecret },
          );
          return answer.status === 201 ? answer.body : undefined;
        }, `round ${round} supplied`);
    };
    expect(await (await askAndSupply(1))()).toMatchObject({ round: 1 });
    const supplyRound2 = await askAndSupply(2); // round 1 resumed the case; round 2 is asked for
    const caseState = async () =>
      (await workflowDb.query(`SELECT status, supplement_rounds AS rounds FROM dossier_case WHERE dossier_code = $1`, [code])).rows[0];
    expect(await caseState()).toEqual({ status: 'awaiting_supplement', rounds: 2 });

    // an operator re-sends round 1's message under a new message id: applied, and the case still waits
    const [first] = (
      await fixture.db('intake').query(`SELECT payload FROM outbox_message WHERE type = 'intake.dossier.supplemented' AND payload->>'dossierCode' = $1`, [code])
    ).rows;
    expect(first.payload).toMatchObject({ round: 1 });
    const copy = await publishEvent(suite.prefix, event(DossierSupplemented, first.payload));
    await eventually(
      async () => ((await workflowDb.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [copy])).rowCount === 1 ? true : undefined),
      'the copy consumed',
    );
    expect(await caseState()).toEqual({ status: 'awaiting_supplement', rounds: 2 });
    expect((await workflowDb.query(`SELECT count(*)::int AS n FROM task WHERE dossier_code = $1 AND status = 'open'`, [code])).rows[0].n).toBe(0);

    // round 2's own supplement resumes it
    expect(await supplyRound2()).toMatchObject({ round: 2 });
    expect(await openTask(code, TRUC_BACH, specialist)).toMatchObject({ stepNumber: 1, nationalStatus: 4 });
  });

  it('stops processing with a notice when the body refuses (8)', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const { done } = await step(code, TRUC_BACH, Role.Specialist, 'refuse', 'Người yêu cầu không thuộc trường hợp đăng ký khai sinh tại phường');
    expect(done).toMatchObject({ status: 'done', nationalStatus: 8 });
    const shown = await statusHistory(code, TRUC_BACH, 3);
    expect(shown).toMatchObject({ nationalStatus: 8, currentStep: null });
    expect(shown.history[2].note).toBe('Người yêu cầu không thuộc trường hợp đăng ký khai sinh tại phường');
  });

  it('records the applicant’s withdrawal at the receiving desk (7), ending the open step', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const specialist = await officer(TRUC_BACH, Role.Specialist);
    const task = await openTask(code, TRUC_BACH, specialist);
    await call('POST', workflow(`/tasks/${task.id}/claim`), specialist, { version: task.version });
    const desk = await officer(TRUC_BACH, Role.Receiver);
    const slip = await call('GET', workflow(`/dossiers/${code}/control-slip`), desk);
    const withdraw = (token: string, version: number) =>
      call('POST', workflow(`/dossiers/${code}/withdrawal`), token, { version, reason: 'Người nộp có đơn xin rút hồ sơ' });
    expect((await withdraw(specialist, slip.body.version)).body.code).toBe('CASE.DESK_ONLY');
    expect((await withdraw(await officer('001.01.20.H26', Role.Receiver), slip.body.version)).status).toBe(404);
    expect((await withdraw(desk, slip.body.version - 1)).body.code).toBe('CASE.VERSION_CONFLICT');
    const withdrawn = await withdraw(desk, slip.body.version);
    expect(withdrawn.body).toMatchObject({ status: 'closed', nationalStatus: 7 });
    expect((await withdraw(desk, withdrawn.body.version)).body.code).toBe('CASE.CLOSED');
    const shown = await statusHistory(code, TRUC_BACH, 3);
    expect(shown).toMatchObject({ nationalStatus: 7, currentStep: null });
    const owned = await call('POST', workflow(`/tasks/${task.id}/actions`), specialist, { version: task.version + 1, action: 'forward' });
    expect(owned.body.code).toBe('TASK.CLOSED');
    // the slip: the step was with its owner when the desk recorded the withdrawal
    const ended = (await call('GET', workflow(`/dossiers/${code}/control-slip`), desk)).body;
    expect(ended.rows).toEqual([
      expect.objectContaining({
        stepNumber: 1,
        receivedBy: `${TRUC_BACH}.specialist.1`,
        completedBy: `${TRUC_BACH}.receiver.1`,
        outcome: 'withdrawn',
        note: 'Người nộp có đơn xin rút hồ sơ',
      }),
    ]);
    // and its owner is told that the task ended without them (the coordinator recorded it: no milestone for them)
    expect(await told(code, 'task.ended_by_withdrawal', 1)).toEqual([
      { recipient: `${TRUC_BACH}.specialist.1`, channel: 'officer', subject: `Hồ sơ ${code} đã được rút: nhiệm vụ bước 1 kết thúc` },
    ]);
    expect(
      (await notificationDb.query(`SELECT count(*)::int AS n FROM notification WHERE dossier_code = $1 AND template_key = 'coordinator.milestone'`, [code]))
        .rows[0].n,
    ).toBe(0);
  });

  it('lets only the head of the desk change the coordinator, shown on the record and on the task', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const head = await officer(TRUC_BACH, Role.HeadOfDesk);
    const receiver = await officer(TRUC_BACH, Role.Receiver);
    await openTask(code, TRUC_BACH, await officer(TRUC_BACH, Role.Specialist)); // routed: the case exists
    const { version } = (await call('GET', workflow(`/dossiers/${code}/control-slip`), head)).body;
    const change = (token: string, officerId: string) => call('PUT', workflow(`/dossiers/${code}/coordinator`), token, { version, officerId });
    expect((await change(receiver, `${TRUC_BACH}.receiver.2`)).body.code).toBe('CASE.HEAD_OF_DESK_ONLY');
    expect((await change(head, `${TRUC_BACH}.specialist.1`)).body).toMatchObject({ status: 422, code: 'CASE.COORDINATOR_NOT_ELIGIBLE' });
    const changed = await change(head, `${TRUC_BACH}.receiver.2`);
    expect(changed.body).toMatchObject({ coordinatorId: `${TRUC_BACH}.receiver.2`, version: version + 1 });
    await eventually(
      async () => ((await record(code, Promise.resolve(receiver))).coordinatorId === `${TRUC_BACH}.receiver.2` ? true : undefined),
      'the new coordinator on the record',
    );
    const task = await openTask(code, TRUC_BACH, await officer(TRUC_BACH, Role.Specialist));
    expect(task.coordinatorId).toBe(`${TRUC_BACH}.receiver.2`);
    // the slip still names the officer who accepted the dossier and handed it over
    const slip = (await call('GET', workflow(`/dossiers/${code}/control-slip`), head)).body;
    expect(slip).toMatchObject({
      coordinatorId: `${TRUC_BACH}.receiver.2`,
      rows: [expect.objectContaining({ stepNumber: 1, givenBy: `${TRUC_BACH}.receiver.1` })],
    });
  });

  it('assigns a step that says so to the least-loaded officer, and hands an officer’s tasks on when they go on leave', async () => {
    const PHUC_XA = '001.01.20.H26';
    const admin = await assignDeathsAutomatically();
    const death = () => receiveDeath('Phan Văn Đức');
    const ownerOf = (code: string) =>
      eventually(
        async () => (await workflowDb.query(`SELECT id, owner_id FROM task WHERE dossier_code = $1 AND status = 'open'`, [code])).rows[0]?.owner_id,
        `an owner for ${code}`,
      );
    const first = await death();
    expect(await ownerOf(first)).toBe(`${PHUC_XA}.specialist.1`);
    const second = await death();
    expect(await ownerOf(second)).toBe(`${PHUC_XA}.specialist.2`); // the least loaded
    // and a birth registration claimed by specialist 1 (its step is claimed, not assigned)
    const birth = await receive('1.001193', PHUC_XA, '00001');
    const one = await officer(PHUC_XA, Role.Specialist, 1);
    const birthTask = await openTask(birth, PHUC_XA, one);
    await call('POST', workflow(`/tasks/${birthTask.id}/claim`), one, { version: birthTask.version });

    const leave = (token: string) => call('PUT', workflow(`/officers/${PHUC_XA}.specialist.1/status`), token, { status: 'on_leave' });
    expect((await leave(await officer(TRUC_BACH, Role.Leader))).status).toBe(404); // another ward's head
    expect((await leave(one)).status).toBe(403); // a colleague, not a head
    const onLeave = await leave(await officer(PHUC_XA, Role.Leader));
    expect(onLeave.status).toBe(200);
    expect(onLeave.body.tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dossierCode: first, change: 'reassigned', ownerId: `${PHUC_XA}.specialist.2` }),
        expect.objectContaining({ dossierCode: birth, change: 'released', ownerId: null }),
      ]),
    );
    const told = await workflowDb.query(
      `SELECT payload->>'dossierCode' AS code, payload->>'change' AS change FROM outbox_message
        WHERE type = 'workflow.task.owner-changed' AND payload->>'previousOwnerId' = $1 ORDER BY created_at, id`,
      [`${PHUC_XA}.specialist.1`],
    );
    expect(told.rows).toEqual(
      expect.arrayContaining([
        { code: first, change: 'reassigned' },
        { code: birth, change: 'released' },
      ]),
    );
    // on leave, nothing new is given to them, nor may they claim
    const third = await death();
    expect(await ownerOf(third)).toBe(`${PHUC_XA}.specialist.2`);
    const released = await openTask(birth, PHUC_XA, one);
    expect((await call('POST', workflow(`/tasks/${released.id}/claim`), one, { version: released.version })).body.code).toBe('TASK.NOT_ELIGIBLE');
    expect((await call('PUT', workflow(`/officers/${PHUC_XA}.specialist.1/status`), admin, { status: 'active' })).body).toMatchObject({ status: 'active' });
  });

  it('passes over the least-loaded officer for an automatic step when their leave is being recorded at that moment', async () => {
    const PHUC_XA = '001.01.20.H26';
    await assignDeathsAutomatically();
    const { rows: ranked } = await workflowDb.query<{ id: string }>(
      `SELECT o.id FROM officer_role r JOIN officer o ON o.id = r.officer_id
        WHERE r.agency_code = $1 AND r.role = 'specialist' AND o.status = 'active'
        ORDER BY (SELECT count(*) FROM task t WHERE t.owner_id = o.id AND t.status = 'open'), o.id`,
      [PHUC_XA],
    );
    const [leastLoaded] = ranked.map((r) => r.id);
    // the leave is being recorded (the officer's row held) while a dossier's first task is opened
    const leave = new Client({ connectionString: suite.services.workflow.database.url });
    await leave.connect();
    try {
      await leave.query('BEGIN');
      await leave.query(`UPDATE officer SET status = 'on_leave' WHERE id = $1`, [leastLoaded]);
      const code = await receiveDeath('Hà Văn Lộc');
      await eventually(
        async () =>
          (await workflowDb.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0]
            .n === 1 || undefined,
        'the opening of the task waiting on the officer',
      );
      await leave.query('COMMIT');
      const task = await eventually(
        async () => (await workflowDb.query(`SELECT owner_id FROM task WHERE dossier_code = $1 AND status = 'open'`, [code])).rows[0],
        'the first task',
      );
      expect(task.owner_id).not.toBe(leastLoaded);
      expect(ranked.map((r) => r.id)).toContain(task.owner_id);
    } finally {
      await leave.query(`UPDATE officer SET status = 'active' WHERE id = $1`, [leastLoaded]);
      await leave.end();
    }
  });

  it('gives a task to exactly one of 50 officers claiming it at once; the 49 others get 409 and change nothing', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const ids = Array.from({ length: 50 }, (_, i) => `${TRUC_BACH}.specialist.rush-${i}`);
    await workflowDb.query(`INSERT INTO officer (id, full_name) SELECT id, 'Cán bộ ' || id FROM unnest($1::text[]) AS id`, [ids]);
    await workflowDb.query(`INSERT INTO officer_role (officer_id, agency_code, role) SELECT id, $2, 'specialist' FROM unnest($1::text[]) AS id`, [
      ids,
      TRUC_BACH,
    ]);
    const tokens = await Promise.all(ids.map((id) => auth.token({ subject: id, roles: [Role.Specialist], agencies: [TRUC_BACH] })));
    const task = await openTask(code, TRUC_BACH, tokens[0]);

    const answers = await Promise.all(tokens.map((token) => call('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version })));
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.body.code === 'TASK.VERSION_CONFLICT')).toHaveLength(49);
    const { rows } = await workflowDb.query(`SELECT owner_id, version FROM task WHERE id = $1`, [task.id]);
    expect(rows).toEqual([{ owner_id: won[0].body.ownerId, version: task.version + 1 }]);
    const events = await workflowDb.query(`SELECT kind FROM task_event WHERE task_id = $1 ORDER BY id`, [task.id]);
    expect(events.rows.map((r) => r.kind)).toEqual(['created', 'claimed']);
  });

  it('lets one of a completion and a reassignment racing win; the other gets 409', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const owner = await officer(TRUC_BACH, Role.Specialist, 1);
    const head = await officer(TRUC_BACH, Role.Leader, 1);
    const task = await openTask(code, TRUC_BACH, owner);
    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), owner, { version: task.version });
    const [completed, reassigned] = await Promise.all([
      call('POST', workflow(`/tasks/${task.id}/actions`), owner, { version: claimed.body.version, action: 'forward' }),
      call('POST', workflow(`/tasks/${task.id}/assign`), head, { version: claimed.body.version, officerId: `${TRUC_BACH}.specialist.2` }),
    ]);
    expect([completed.status, reassigned.status].sort()).toEqual([200, 409]);
    const kinds = (await workflowDb.query(`SELECT kind FROM task_event WHERE task_id = $1 ORDER BY id`, [task.id])).rows.map((r) => r.kind);
    expect(kinds).toEqual(completed.status === 200 ? ['created', 'claimed', 'completed'] : ['created', 'claimed', 'reassigned']);
    // and the slip tells the winner's story only
    const slip = (await call('GET', workflow(`/dossiers/${code}/control-slip`), owner)).body;
    expect(slip.rows[0]).toMatchObject(
      completed.status === 200
        ? { receivedBy: `${TRUC_BACH}.specialist.1`, outcome: 'forward' }
        : { receivedBy: `${TRUC_BACH}.specialist.2`, outcome: null, completedAt: null },
    );
    expect(slip.rows).toHaveLength(completed.status === 200 ? 2 : 1);
    expect(slip.rows[0].ownerChanges.map((c: any) => c.change)).toEqual(completed.status === 200 ? ['claimed'] : ['claimed', 'reassigned']);
  });

  it('reassigns and releases, and tells of it with the displaced owner named', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const first = await officer(TRUC_BACH, Role.Specialist, 1);
    const head = await officer(TRUC_BACH, Role.Leader, 1);
    const task = await openTask(code, TRUC_BACH, first);
    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), first, { version: task.version });
    const reassigned = await call('POST', workflow(`/tasks/${task.id}/assign`), head, {
      version: claimed.body.version,
      officerId: `${TRUC_BACH}.specialist.2`,
    });
    expect(reassigned.body).toMatchObject({ ownerId: `${TRUC_BACH}.specialist.2` });
    // the displaced owner can no longer act
    const stale = await call('POST', workflow(`/tasks/${task.id}/actions`), first, { version: reassigned.body.version, action: 'forward' });
    expect(stale).toMatchObject({ status: 403, body: { code: 'TASK.NOT_OWNER' } });
    const released = await call('POST', workflow(`/tasks/${task.id}/release`), head, { version: reassigned.body.version });
    expect(released.body).toMatchObject({ ownerId: null });
    const { rows } = await workflowDb.query(
      `SELECT payload->>'change' AS change, payload->>'previousOwnerId' AS previous, payload->>'ownerId' AS owner, (payload->>'sequence')::int AS sequence
         FROM outbox_message WHERE type = 'workflow.task.owner-changed' AND payload->>'taskId' = $1 ORDER BY created_at, id`,
      [task.id],
    );
    expect(rows).toEqual([
      { change: 'claimed', previous: null, owner: `${TRUC_BACH}.specialist.1`, sequence: 2 },
      { change: 'reassigned', previous: `${TRUC_BACH}.specialist.1`, owner: `${TRUC_BACH}.specialist.2`, sequence: 3 },
      { change: 'released', previous: `${TRUC_BACH}.specialist.2`, owner: null, sequence: 4 },
    ]);
    // the slip shows each hand-over between officers within the step, and that nobody has it now
    const [row] = (await call('GET', workflow(`/dossiers/${code}/control-slip`), head)).body.rows;
    expect(row.ownerChanges.map((c: any) => [c.change, c.ownerId, c.by])).toEqual([
      ['claimed', `${TRUC_BACH}.specialist.1`, `${TRUC_BACH}.specialist.1`],
      ['reassigned', `${TRUC_BACH}.specialist.2`, `${TRUC_BACH}.leader.1`],
      ['released', null, `${TRUC_BACH}.leader.1`],
    ]);
    expect(row).toMatchObject({ receivedBy: null, receivedAt: row.ownerChanges[0].at });
    // each displaced owner is told at once, in their work inbox
    expect(await told(code, 'task.taken_away', 2)).toEqual([
      { recipient: `${TRUC_BACH}.specialist.1`, channel: 'officer', subject: `Hồ sơ ${code}: nhiệm vụ bước 1 không còn do đồng chí xử lý` },
      { recipient: `${TRUC_BACH}.specialist.2`, channel: 'officer', subject: `Hồ sơ ${code}: nhiệm vụ bước 1 không còn do đồng chí xử lý` },
    ]);
  });

  it('answers a retried command with the same result (Idempotency-Key), and a stale one with 409', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const token = await officer(TRUC_BACH, Role.Specialist, 2);
    const task = await openTask(code, TRUC_BACH, token);
    const key = randomUUID();
    const first = await call('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version }, { 'idempotency-key': key });
    const retry = await call('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version }, { 'idempotency-key': key });
    expect(retry).toMatchObject({ status: 200, body: first.body });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const stale = await call('POST', workflow(`/tasks/${task.id}/actions`), token, { version: task.version, action: 'forward' });
    expect(stale).toMatchObject({ status: 409, body: { code: 'TASK.VERSION_CONFLICT' } });
    expect((await workflowDb.query(`SELECT status, version FROM task WHERE id = $1`, [task.id])).rows).toEqual([{ status: 'open', version: task.version + 1 }]);
  });

  it('guards every endpoint: another agency’s officer and a citizen see nothing, a wrong role is refused, no token is 401', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const owner = await officer(TRUC_BACH, Role.Specialist, 1);
    const task = await openTask(code, TRUC_BACH, owner);
    const claimed = await call('POST', workflow(`/tasks/${task.id}/claim`), owner, { version: task.version });
    const v = claimed.body.version;
    const caseVersion = (await call('GET', workflow(`/dossiers/${code}/control-slip`), owner)).body.version;
    const PHUC_XA = '001.01.20.H26';
    const citizen = await auth.token({ subject: '001190000001', kind: 'citizen', roles: [], agencies: [TRUC_BACH] });
    const endpoints: {
      name: string;
      method: 'GET' | 'POST' | 'PUT';
      url: string;
      body?: unknown;
      stranger: Promise<string>;
      wrongRole?: [Promise<string>, number, string];
    }[] = [
      { name: 'claim', method: 'POST', url: workflow(`/tasks/${task.id}/claim`), body: { version: v }, stranger: officer(PHUC_XA, Role.Specialist) }, // a wrong role's claim: the test below
      {
        name: 'assign',
        method: 'POST',
        url: workflow(`/tasks/${task.id}/assign`),
        body: { version: v, officerId: `${TRUC_BACH}.specialist.2` },
        stranger: officer(PHUC_XA, Role.Leader),
        wrongRole: [officer(TRUC_BACH, Role.Specialist, 2), 403, 'TASK.NOT_HEAD'],
      },
      {
        name: 'release',
        method: 'POST',
        url: workflow(`/tasks/${task.id}/release`),
        body: { version: v },
        stranger: officer(PHUC_XA, Role.Leader),
        wrongRole: [officer(TRUC_BACH, Role.Specialist, 2), 403, 'TASK.NOT_OWNER'],
      },
      {
        name: 'act',
        method: 'POST',
        url: workflow(`/tasks/${task.id}/actions`),
        body: { version: v, action: 'forward' },
        stranger: officer(PHUC_XA, Role.Specialist),
        wrongRole: [officer(TRUC_BACH, Role.Leader), 403, 'TASK.NOT_OWNER'],
      },
      {
        name: 'extension',
        method: 'POST',
        url: workflow(`/tasks/${task.id}/extension`),
        body: { version: v, reason: 'Cần xác minh thêm', newAppointmentAt: '2030-01-07T17:00:00+07:00' },
        stranger: officer(PHUC_XA, Role.Specialist),
        wrongRole: [officer(TRUC_BACH, Role.Specialist, 2), 403, 'TASK.NOT_OWNER'],
      },
      { name: 'task', method: 'GET', url: workflow(`/tasks/${task.id}`), stranger: officer(PHUC_XA, Role.Leader) },
      { name: 'slip', method: 'GET', url: workflow(`/dossiers/${code}/control-slip`), stranger: officer(PHUC_XA, Role.Receiver) },
      {
        name: 'withdraw',
        method: 'POST',
        url: workflow(`/dossiers/${code}/withdrawal`),
        body: { version: caseVersion, reason: 'Rút hồ sơ' },
        stranger: officer(PHUC_XA, Role.Receiver),
        wrongRole: [officer(TRUC_BACH, Role.Specialist), 403, 'CASE.DESK_ONLY'],
      },
      {
        name: 'coordinator',
        method: 'PUT',
        url: workflow(`/dossiers/${code}/coordinator`),
        body: { version: caseVersion, officerId: `${TRUC_BACH}.receiver.2` },
        stranger: officer(PHUC_XA, Role.HeadOfDesk),
        wrongRole: [officer(TRUC_BACH, Role.Receiver), 403, 'CASE.HEAD_OF_DESK_ONLY'],
      },
      {
        name: 'leave',
        method: 'PUT',
        url: workflow(`/officers/${TRUC_BACH}.specialist.1/status`),
        body: { status: 'on_leave' },
        stranger: officer(PHUC_XA, Role.Leader),
        wrongRole: [officer(TRUC_BACH, Role.Specialist, 2), 403, 'OFFICER.HEAD_ONLY'],
      },
      // an officer of the desk who does not receive dossiers does not take a supplement either
      {
        name: 'supplement',
        method: 'POST',
        url: `${suite.url('intake')}/api/v1/dossiers/${code}/supplements`,
        body: { documents: [{ name: 'Giấy chứng sinh' }] },
        stranger: officer(PHUC_XA, Role.Receiver),
        wrongRole: [officer(TRUC_BACH, Role.Specialist), 403, 'DOSSIER.DESK_ONLY'],
      },
    ];
    for (const e of endpoints) {
      const stranger = await call(e.method, e.url, await e.stranger, e.body);
      expect([e.name, stranger.status]).toEqual([e.name, 404]);
      expect([e.name, (await call(e.method, e.url, citizen, e.body)).status]).toEqual([e.name, 404]);
      // without a token: 401, except the applicant's supplement route, which is open to the lookup secret (404 without it)
      expect([e.name, (await call(e.method, e.url, null, e.body)).status]).toEqual([e.name, e.name === 'supplement' ? 404 : 401]);
      if (e.wrongRole) {
        const [token, status, errorCode] = e.wrongRole;
        expect([e.name, (await call(e.method, e.url, await token, e.body)).body]).toEqual([e.name, expect.objectContaining({ status, code: errorCode })]);
      }
    }
    expect((await call('GET', workflow('/tasks'), null)).status).toBe(401);
    // nothing changed: the owner still owns it at the same version, the case is where it was
    expect((await workflowDb.query(`SELECT owner_id, version, status FROM task WHERE id = $1`, [task.id])).rows).toEqual([
      { owner_id: `${TRUC_BACH}.specialist.1`, version: v, status: 'open' },
    ]);
    expect((await call('GET', workflow(`/dossiers/${code}/control-slip`), owner)).body).toMatchObject({
      version: caseVersion,
      coordinatorId: `${TRUC_BACH}.receiver.1`,
    });
    expect((await workflowDb.query(`SELECT status FROM officer WHERE id = $1`, [`${TRUC_BACH}.specialist.1`])).rows[0].status).toBe('active');
  });

  it('shows nothing of a task to another agency’s officer or a citizen, refuses a wrong role, and asks for a token', async () => {
    const code = await receive('1.001193', TRUC_BACH, '00004');
    const task = await openTask(code, TRUC_BACH, await officer(TRUC_BACH, Role.Specialist));
    const claim = (token: string | null) => call('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version });
    expect((await claim(await officer('001.01.20.H26', Role.Specialist))).body.code).toBe('TASK.NOT_FOUND');
    expect((await claim(await auth.token({ subject: 'citizen-1', kind: 'citizen', roles: [], agencies: [TRUC_BACH] }))).status).toBe(404);
    expect((await claim(await officer(TRUC_BACH, Role.Receiver))).body).toMatchObject({ status: 403, code: 'TASK.NOT_ELIGIBLE' });
    expect((await claim(null)).status).toBe(401);
    expect((await call('POST', workflow(`/tasks/not-a-task/claim`), await officer(TRUC_BACH, Role.Specialist), { version: 1 })).status).toBe(404);
    // 36 characters of hex and dashes that are no uuid: 404, not a database error
    const dashes = '-'.repeat(36);
    expect((await call('POST', workflow(`/tasks/${dashes}/claim`), await officer(TRUC_BACH, Role.Specialist), { version: 1 })).body).toMatchObject({
      status: 404,
      code: 'TASK.NOT_FOUND',
    });
    expect((await call('GET', workflow(`/tasks/${dashes}`), await officer(TRUC_BACH, Role.Specialist))).body).toMatchObject({
      status: 404,
      code: 'TASK.NOT_FOUND',
    });
    const bad = await call('POST', workflow(`/tasks/${task.id}/actions`), await officer(TRUC_BACH, Role.Specialist), { version: 0, action: 'teleport' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['action', 'version']);
    expect((await workflowDb.query(`SELECT owner_id, version FROM task WHERE id = $1`, [task.id])).rows).toEqual([{ owner_id: null, version: task.version }]);
  });
});
