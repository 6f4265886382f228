import { Role } from '@motcua/auth';
import { WorkingCalendar } from '@motcua/calendar';
import { BIRTH_REGISTRATION_DOCUMENTS, eventually, receiveDossier, useSuite } from '@motcua/testing';

/**
 * The deadline watch with two replicas of workflow sweeping every 150 ms: every task and dossier past its deadline
 * is told of once (and the task escalated to its agency's leaders once), every one near it once, never twice.
 */
describe('the deadline watch, with two replicas of workflow', () => {
  const TRUC_BACH = '004.01.20.H26';
  const calendar = new WorkingCalendar();
  const fixture = useSuite('deadline-watch', ['intake', 'workflow'], { WATCH_INTERVAL_MS: '150', WATCH_DUE_SOON_WORKING_HOURS: '0.5' });
  const { suite, auth } = fixture;
  const db = fixture.db('workflow');

  beforeAll(() => suite.startReplica('workflow'));

  it('tells of each overdue and due-soon task and dossier exactly once, escalating overdue tasks to the leaders', async () => {
    const receiver = await fixture.anOfficer(TRUC_BACH, Role.Receiver);
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      codes.push((await receiveDossier(fixture, { desk: TRUC_BACH, wardCode: '00004', fullName: `Trịnh Văn Khải ${i}` }, receiver)).body.code);
    }
    await eventually(
      async () => ((await db.query(`SELECT count(*)::int AS n FROM task WHERE dossier_code = ANY($1)`, [codes])).rows[0].n === 20 ? true : undefined),
      'the twenty tasks',
    );
    const [overdue, soon] = [codes.slice(0, 10), codes.slice(10)];
    const now = new Date();
    await db.query(`UPDATE dossier_case SET appointment_at = now() + interval '30 days' WHERE dossier_code = ANY($1)`, [codes]);
    await db.query(`UPDATE task SET due_at = now() - interval '1 hour' WHERE dossier_code = ANY($1)`, [overdue]);
    await db.query(`UPDATE task SET due_at = $2 WHERE dossier_code = ANY($1)`, [soon, calendar.addWorkingHours(now, 0.25)]);
    // and one dossier past its appointment
    await db.query(`UPDATE dossier_case SET appointment_at = now() - interval '1 minute' WHERE dossier_code = $1`, [soon[0]]);

    const told = async (type: string) =>
      (
        await db.query<{ code: string; n: number; escalated: string[] | null; subject: string }>(
          `SELECT payload->>'dossierCode' AS code, payload->>'subject' AS subject, count(*)::int AS n,
                  (array_agg(payload->'escalatedTo'))[1] AS escalated
             FROM outbox_message WHERE type = $1 AND payload->>'dossierCode' = ANY($2) GROUP BY 1, 2 ORDER BY 1, 2`,
          [type, codes],
        )
      ).rows;
    await eventually(
      async () => ((await told('workflow.deadline.overdue')).length === 11 && (await told('workflow.deadline.due-soon')).length === 10 ? true : undefined),
      'everything told',
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a dozen more sweeps by each replica

    const overdueTold = await told('workflow.deadline.overdue');
    expect(overdueTold.filter((r) => r.subject === 'task').map((r) => [r.code, r.n])).toEqual(overdue.map((code) => [code, 1]));
    expect(overdueTold.find((r) => r.subject === 'task')?.escalated).toEqual([`${TRUC_BACH}.leader.1`]);
    expect(overdueTold.filter((r) => r.subject === 'dossier')).toEqual([{ code: soon[0], subject: 'dossier', n: 1, escalated: [] }]);
    expect((await told('workflow.deadline.due-soon')).map((r) => [r.code, r.subject, r.n])).toEqual(soon.map((code) => [code, 'task', 1]));
    const escalations = await db.query(
      `SELECT count(*)::int AS n FROM task_event e JOIN task t ON t.id = e.task_id WHERE e.kind = 'escalated' AND t.dossier_code = ANY($1)`,
      [codes],
    );
    expect(escalations.rows[0].n).toBe(10);
  });

  it('tells of a dossier’s new appointment again once a supplement moved it, when it too is due and passes', async () => {
    const desk = await auth.token({ subject: `${TRUC_BACH}.receiver.1`, roles: [Role.Receiver], agencies: [TRUC_BACH] });
    const specialist = await auth.token({ subject: `${TRUC_BACH}.specialist.1`, roles: [Role.Specialist], agencies: [TRUC_BACH] });
    const call = async (method: string, url: string, token: string | null, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify(body),
      });
      return (await response.json()) as any;
    };
    const receipt = await call('POST', `${suite.url('intake')}/api/v1/dossiers`, desk, {
      procedureCode: '1.001193',
      receivingAgencyCode: TRUC_BACH,
      channel: 1,
      applicant: { fullName: 'Lương Thị Hoa', wardCode: '00004' },
      documents: BIRTH_REGISTRATION_DOCUMENTS,
      returnMethod: 'desk',
    });
    const task = await eventually(
      async () => (await db.query(`SELECT id, version FROM task WHERE dossier_code = $1`, [receipt.code])).rows[0],
      'the first task',
    );
    const toldOverdue = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'workflow.deadline.overdue' AND payload->>'subject' = 'dossier' AND payload->>'dossierCode' = $1`,
          [receipt.code],
        )
      ).rows[0].n as number;
    await db.query(`UPDATE dossier_case SET appointment_at = now() - interval '1 minute' WHERE dossier_code = $1`, [receipt.code]);
    await eventually(async () => ((await toldOverdue()) === 1 ? true : undefined), 'the dossier told overdue');

    // a supplement is asked for; the applicant takes a week (in working time, whatever the hour now) to bring it
    const claimed = await call('POST', `${suite.url('workflow')}/api/v1/tasks/${task.id}/claim`, specialist, { version: task.version });
    const missing = [{ name: 'Giấy chứng sinh' }];
    await call('POST', `${suite.url('workflow')}/api/v1/tasks/${task.id}/actions`, specialist, {
      version: claimed.version,
      action: 'request_supplement',
      note: 'Thiếu giấy chứng sinh',
      missing,
    });
    await eventually(
      async () => ((await db.query(`SELECT paused_at FROM dossier_case WHERE dossier_code = $1`, [receipt.code])).rows[0].paused_at ? true : undefined),
      'the case paused',
    );
    await eventually(
      async () => ((await call('GET', `${suite.url('intake')}/api/v1/dossiers/${receipt.code}`, desk, undefined)).nationalStatus === 5 ? true : undefined),
      'status 5 at intake',
    );
    await db.query(`UPDATE dossier_case SET paused_at = now() - interval '7 days' WHERE dossier_code = $1`, [receipt.code]);
    await call(
      'POST',
      `${suite.url('intake')}/api/v1/dossiers/${receipt.code}/supplements`,
      null,
      { documents: missing },
      { 'x-lookup-secret': receipt.lookupSecret },
    );
    const moved = await eventually(
      async () =>
        (await db.query(`SELECT appointment_at FROM dossier_case WHERE dossier_code = $1 AND paused_at IS NULL AND appointment_at > now()`, [receipt.code]))
          .rows[0],
      'the appointment moved by the pause',
    );
    expect(moved.appointment_at.getTime()).toBeGreaterThan(Date.now());
    // the resumed step's task tells the appointment as the pause left it (whatever order its consumers see events in)
    const resumed = await db.query(
      `SELECT payload FROM outbox_message WHERE type = 'workflow.task.created' AND payload->>'dossierCode' = $1 AND payload ? 'resumedAfterSupplementRound'`,
      [receipt.code],
    );
    expect(resumed.rows.map((r) => new Date(r.payload.appointmentAt).getTime())).toEqual([moved.appointment_at.getTime()]);

    // the new appointment passes too: told again, once
    await db.query(`UPDATE dossier_case SET appointment_at = now() - interval '1 minute' WHERE dossier_code = $1`, [receipt.code]);
    await eventually(async () => ((await toldOverdue()) === 2 ? true : undefined), 'the new appointment told overdue');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await toldOverdue()).toBe(2);
  });
});
