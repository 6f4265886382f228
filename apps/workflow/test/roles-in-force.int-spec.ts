import { Role } from '@motcua/auth';
import { aDossierAccepted, callApi, firstTaskOf, useSuite } from '@motcua/testing';

const WARD = '031.01.20.H26';
const OTHER_WARD = '004.01.20.H26';
const SPECIALIST = `${WARD}.specialist.1`;
const HEAD_OF_DESK = `${WARD}.head_of_desk.1`;
const RECEIVER = `${WARD}.receiver.1`;

/**
 * One rule for every task and case command and every read: an officer acts at an agency with the roles the
 * organisation's record gives them there that their token also gives (the token narrows, the record confirms).
 */
describe('the roles in force: the token narrows, the record confirms', () => {
  const running = useSuite('roles-in-force', ['workflow']);
  const { auth } = running;
  const db = running.db('workflow');

  const call = async (method: 'GET' | 'POST' | 'PUT', path: string, subject: string, roles: Role[], body?: unknown, agencies = [WARD]) =>
    callApi(method, running.api('workflow')(path), await auth.token({ subject, roles, agencies }), body);

  /** A new dossier's first task (the ward specialist's step), open in the ward's queue. */
  const firstTask = async () => {
    const task = await firstTaskOf(running, aDossierAccepted({ receivingAgencyCode: WARD, applicant: { fullName: 'Đỗ Văn Nam', wardCode: '00031' } }));
    expect(task.role).toBe('specialist');
    return task;
  };
  const ownerOf = async (taskId: string) =>
    (await db.query<{ owner: string | null; version: number }>(`SELECT owner_id AS owner, version FROM task WHERE id = $1`, [taskId])).rows[0];

  it('refuses a claim by a specialist whose token gives another role, or none', async () => {
    const task = await firstTask();
    for (const roles of [[Role.Receiver], []]) {
      const answer = await call('POST', `/tasks/${task.id}/claim`, SPECIALIST, roles, { version: task.version });
      expect(answer).toMatchObject({ status: 403, body: { code: 'TASK.NOT_ELIGIBLE' } });
    }
    expect(await ownerOf(task.id)).toEqual({ owner: null, version: task.version });
    // the same officer with the role in their token takes it
    expect(await call('POST', `/tasks/${task.id}/claim`, SPECIALIST, [Role.Specialist], { version: task.version })).toMatchObject({ status: 200 });
  });

  it('refuses a claim by a token that names a role the organisation did not give', async () => {
    const task = await firstTask();
    // the receiver's token says specialist: the record says receiver
    const answer = await call('POST', `/tasks/${task.id}/claim`, RECEIVER, [Role.Specialist], { version: task.version });
    expect(answer).toMatchObject({ status: 403, body: { code: 'TASK.NOT_ELIGIBLE' } });
    expect((await ownerOf(task.id)).owner).toBeNull();
  });

  it('refuses an assignment by the head of desk whose token says receiver, and lets them assign with head_of_desk', async () => {
    const task = await firstTask();
    const asReceiver = await call('POST', `/tasks/${task.id}/assign`, HEAD_OF_DESK, [Role.Receiver], { version: task.version, officerId: SPECIALIST });
    expect(asReceiver).toMatchObject({ status: 403, body: { code: 'TASK.NOT_HEAD' } });
    expect((await ownerOf(task.id)).owner).toBeNull();
    const asHead = await call('POST', `/tasks/${task.id}/assign`, HEAD_OF_DESK, [Role.HeadOfDesk], { version: task.version, officerId: SPECIALIST });
    expect(asHead).toMatchObject({ status: 200, body: { ownerId: SPECIALIST } });
  });

  it('refuses the owner’s actions once their token no longer gives the step’s role', async () => {
    const task = await firstTask();
    const claimed = await call('POST', `/tasks/${task.id}/claim`, SPECIALIST, [Role.Specialist], { version: task.version });
    expect(claimed.status).toBe(200);
    const version = claimed.body.version!;
    for (const [path, body] of [
      ['actions', { version, action: 'forward' }],
      ['release', { version }],
    ] as const) {
      expect(await call('POST', `/tasks/${task.id}/${path}`, SPECIALIST, [Role.Receiver], body)).toMatchObject({
        status: 403,
        body: { code: 'TASK.NOT_ELIGIBLE' },
      });
    }
    expect(await ownerOf(task.id)).toEqual({ owner: SPECIALIST, version });
  });

  it('hides a task from a token that names its agency when the organisation does not place the officer there', async () => {
    const task = await firstTask();
    // a specialist of another ward, whose token claims this ward too
    const stranger = `${OTHER_WARD}.specialist.1`;
    const agencies = [OTHER_WARD, WARD];
    expect(await call('POST', `/tasks/${task.id}/claim`, stranger, [Role.Specialist], { version: task.version }, agencies)).toMatchObject({
      status: 404,
      body: { code: 'TASK.NOT_FOUND' },
    });
    expect(await call('GET', `/tasks/${task.id}`, stranger, [Role.Specialist], undefined, agencies)).toMatchObject({ status: 404 });
    const queue = await call('GET', `/tasks?owner=none&limit=100`, stranger, [Role.Specialist], undefined, agencies);
    expect(queue.status).toBe(200);
    expect(queue.body.items!.map((t: { id: string }) => t.id)).not.toContain(task.id);
    expect(await call('GET', `/tasks?agency=${WARD}`, stranger, [Role.Specialist], undefined, agencies)).toMatchObject({
      status: 403,
      body: { code: 'TASK.AGENCY_NOT_YOURS' },
    });
    expect(await call('GET', `/dossiers/${task.dossierCode}/control-slip`, stranger, [Role.Specialist], undefined, agencies)).toMatchObject({ status: 404 });
    expect((await ownerOf(task.id)).owner).toBeNull();
  });

  it('refuses a withdrawal or a new coordinator unless the desk role is in force', async () => {
    const task = await firstTask();
    const slip = await call('GET', `/dossiers/${task.dossierCode}/control-slip`, RECEIVER, [Role.Receiver]);
    expect(slip.status).toBe(200);
    const version = slip.body.version!;
    // the receiver's token gives only specialist: no desk role in force
    expect(
      await call('POST', `/dossiers/${task.dossierCode}/withdrawal`, RECEIVER, [Role.Specialist], { version, reason: 'Công dân xin rút hồ sơ' }),
    ).toMatchObject({
      status: 403,
      body: { code: 'CASE.DESK_ONLY' },
    });
    // the head of desk whose token says receiver does not head the desk
    expect(
      await call('PUT', `/dossiers/${task.dossierCode}/coordinator`, HEAD_OF_DESK, [Role.Receiver], { version, officerId: `${WARD}.receiver.2` }),
    ).toMatchObject({
      status: 403,
      body: { code: 'CASE.HEAD_OF_DESK_ONLY' },
    });
    const { rows } = await db.query(`SELECT status, version FROM dossier_case WHERE dossier_code = $1`, [task.dossierCode]);
    expect(rows[0]).toEqual({ status: 'in_progress', version });
  });

  it('shows nothing to a token that gives no role in force, the dossier’s coordinator included', async () => {
    const task = await firstTask();
    // the specialist with a token that gives no role: not in their lists, 404 for the task and the slip
    const queue = await call('GET', `/tasks?owner=none&limit=100`, SPECIALIST, []);
    expect(queue.status).toBe(200);
    expect(queue.body.items!.map((t: { id: string }) => t.id)).not.toContain(task.id);
    expect(await call('GET', `/tasks/${task.id}`, SPECIALIST, [])).toMatchObject({ status: 404 });
    expect(await call('GET', `/dossiers/${task.dossierCode}/control-slip`, SPECIALIST, [])).toMatchObject({ status: 404 });
    // the coordinator reads the task with a token for their desk, not with one that names no role or another agency
    expect(await call('GET', `/tasks/${task.id}`, RECEIVER, [Role.Receiver])).toMatchObject({ status: 200 });
    expect(await call('GET', `/tasks/${task.id}`, RECEIVER, [], undefined, [])).toMatchObject({ status: 404 });
    expect(await call('GET', `/tasks/${task.id}`, RECEIVER, [Role.Specialist], undefined, [OTHER_WARD])).toMatchObject({ status: 404 });
  });

  it('refuses a leave recorded by a head whose token gives no head role (403), and takes it with the role', async () => {
    const colleague = `${WARD}.specialist.2`;
    const asReceiver = await call('PUT', `/officers/${colleague}/status`, HEAD_OF_DESK, [Role.Receiver], { status: 'on_leave' });
    expect(asReceiver).toMatchObject({ status: 403, body: { code: 'OFFICER.HEAD_ONLY' } });
    const stranger = await call('PUT', `/officers/${colleague}/status`, `${OTHER_WARD}.head_of_desk.1`, [Role.HeadOfDesk], { status: 'on_leave' }, [
      OTHER_WARD,
    ]);
    expect(stranger).toMatchObject({ status: 404, body: { code: 'OFFICER.NOT_FOUND' } });
    expect((await db.query(`SELECT status FROM officer WHERE id = $1`, [colleague])).rows[0].status).toBe('active');
    expect(await call('PUT', `/officers/${colleague}/status`, HEAD_OF_DESK, [Role.HeadOfDesk], { status: 'on_leave' })).toMatchObject({ status: 200 });
    expect(await call('PUT', `/officers/${colleague}/status`, HEAD_OF_DESK, [Role.HeadOfDesk], { status: 'active' })).toMatchObject({ status: 200 });
  });
});
