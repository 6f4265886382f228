import { Role } from '@motcua/auth';
import { aDossierAccepted, callApi, eventually, firstTaskOf, useSuite } from '@motcua/testing';

const WARD = '031.01.20.H26';
const SPECIALIST = `${WARD}.specialist.1`;

/**
 * A task command reads the task and its case, decides, and writes in one statement that holds only if both are
 * still as read. These tests change them between the read and the write (a second connection holds the row the
 * command's write needs, and commits once the command waits on it).
 */
describe('a task command writes only what it decided on', () => {
  const running = useSuite('task-commands', ['workflow']);
  const { suite, auth } = running;
  const db = running.db('workflow');

  const post = async (path: string, subject: string, role: Role, body: unknown, headers: Record<string, string> = {}, base = suite.url('workflow')) => {
    const { status, body: answer } = await callApi(
      'POST',
      `${base}/api/v1${path}`,
      await auth.token({ subject, roles: [role], agencies: [WARD] }),
      body,
      headers,
    );
    return { status, body: answer as { code?: string; version?: number; ownerId?: string } };
  };
  const claim = (taskId: string, version: number, headers: Record<string, string> = {}) =>
    post(`/tasks/${taskId}/claim`, SPECIALIST, Role.Specialist, { version }, headers);

  /** A new dossier's first task, open in the ward's queue. */
  const firstTask = () => firstTaskOf(running, aDossierAccepted({ receivingAgencyCode: WARD, applicant: { fullName: 'Đỗ Văn Nam', wardCode: '00031' } }));

  /** Runs `change` in a transaction, starts `command`, commits once the command waits on a row lock. */
  const meanwhile = async <T>(change: string, values: unknown[], command: () => Promise<T>): Promise<T> => {
    await db.query('BEGIN');
    await db.query(change, values);
    const answer = command();
    await eventually(
      async () =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))
          .rows[0].n === 1 || undefined,
      'the command waiting on the row',
    );
    await db.query('COMMIT');
    return answer;
  };

  const ownerEvents = async (dossierCode: string) =>
    (
      await db.query<{ sequence: number; ownerId: string }>(
        `SELECT (payload->>'sequence')::int AS sequence, payload->>'ownerId' AS "ownerId" FROM outbox_message
          WHERE type = 'workflow.task.owner-changed' AND payload->>'dossierCode' = $1`,
        [dossierCode],
      )
    ).rows;

  it.each([
    ['without', {}],
    ['with an Idempotency-Key (in a transaction)', { 'Idempotency-Key': 'claim-after-a-deadline-mark' }],
  ])('decides again when the dossier changed but the task did not, and numbers its event after the change (%s)', async (_, headers: Record<string, string>) => {
    const task = await firstTask();
    const before = (await db.query<{ seq: number }>(`SELECT event_sequence AS seq FROM dossier_case WHERE dossier_code = $1`, [task.dossierCode])).rows[0].seq;
    // a deadline mark takes the dossier's next sequence number while the claim is between its read and its write
    const answer = await meanwhile(`UPDATE dossier_case SET event_sequence = event_sequence + 1 WHERE dossier_code = $1`, [task.dossierCode], () =>
      claim(task.id, task.version, headers),
    );
    expect(answer).toEqual({ status: 200, body: expect.objectContaining({ ownerId: SPECIALIST, version: task.version + 1 }) });
    expect(await ownerEvents(task.dossierCode)).toEqual([{ sequence: before + 2, ownerId: SPECIALIST }]);
    const { rows } = await db.query(
      `SELECT event_sequence, (SELECT count(*)::int FROM task_event e WHERE e.case_id = c.id AND e.kind = 'claimed') AS claims FROM dossier_case c WHERE dossier_code = $1`,
      [task.dossierCode],
    );
    expect(rows).toEqual([{ event_sequence: before + 2, claims: 1 }]);
  });

  it('answers 409 and writes nothing when the task changed between its read and its write', async () => {
    const task = await firstTask();
    const seq = (await db.query<{ seq: number }>(`SELECT event_sequence AS seq FROM dossier_case WHERE dossier_code = $1`, [task.dossierCode])).rows[0].seq;
    // another officer's claim lands first (done here by hand, holding the task's row)
    const answer = await meanwhile(
      `UPDATE task SET owner_id = $2, owned_at = now(), version = version + 1 WHERE id = $1`,
      [task.id, `${WARD}.specialist.2`],
      () => claim(task.id, task.version),
    );
    expect(answer).toEqual({ status: 409, body: expect.objectContaining({ code: 'TASK.VERSION_CONFLICT' }) });
    expect(await ownerEvents(task.dossierCode)).toEqual([]);
    const { rows } = await db.query(
      `SELECT t.owner_id, c.event_sequence, (SELECT count(*)::int FROM task_event e WHERE e.task_id = t.id AND e.kind = 'claimed') AS claims
         FROM task t JOIN dossier_case c ON c.id = t.case_id WHERE t.id = $1`,
      [task.id],
    );
    expect(rows).toEqual([{ owner_id: `${WARD}.specialist.2`, event_sequence: seq, claims: 0 }]);
  });

  it('gives no task to an officer whose leave is recorded while they claim it', async () => {
    const task = await firstTask();
    // the leave is written (the officer's row held) after the claim read them at work, before it writes
    const answer = await meanwhile(`UPDATE officer SET status = 'on_leave' WHERE id = $1`, [SPECIALIST], () => claim(task.id, task.version));
    try {
      expect(answer).toEqual({ status: 403, body: expect.objectContaining({ code: 'TASK.NOT_ELIGIBLE' }) });
      expect(await ownerEvents(task.dossierCode)).toEqual([]);
      expect((await db.query(`SELECT owner_id, version FROM task WHERE id = $1`, [task.id])).rows).toEqual([{ owner_id: null, version: task.version }]);
    } finally {
      await db.query(`UPDATE officer SET status = 'active' WHERE id = $1`, [SPECIALIST]);
    }
  });

  it('lets one of a forward and a withdrawal of the same dossier win, the other 409, never a deadlock', async () => {
    const tasks = await Promise.all(Array.from({ length: 12 }, () => firstTask()));
    for (const task of tasks) expect((await claim(task.id, task.version)).status).toBe(200);
    const answers = await Promise.all(
      tasks.map(async (task) => {
        const { rows } = await db.query<{ version: number }>(`SELECT version FROM dossier_case WHERE dossier_code = $1`, [task.dossierCode]);
        return Promise.all([
          post(`/tasks/${task.id}/actions`, SPECIALIST, Role.Specialist, { version: task.version + 1, action: 'forward' }),
          post(`/dossiers/${task.dossierCode}/withdrawal`, `${WARD}.receiver.1`, Role.Receiver, { version: rows[0].version, reason: 'Người nộp rút hồ sơ' }),
        ]);
      }),
    );
    for (const [forward, withdrawal] of answers) {
      expect([forward.status, withdrawal.status].sort()).toEqual([200, 409]);
    }
    const { rows } = await db.query<{ status: string; open: number }>(
      `SELECT c.status, (SELECT count(*)::int FROM task t WHERE t.case_id = c.id AND t.status = 'open') AS open FROM dossier_case c WHERE c.dossier_code = ANY($1)`,
      [tasks.map((t) => t.dossierCode)],
    );
    // withdrawn: closed with nothing open; forwarded: the next step's task open
    for (const row of rows) expect(row.status === 'closed' ? row.open === 0 : row.open === 1).toBe(true);
  });

  const forward = (taskId: string, version: number, subject = SPECIALIST) =>
    post(`/tasks/${taskId}/actions`, subject, Role.Specialist, { version, action: 'forward' });
  const taskRow = async (taskId: string) =>
    (
      await db.query(
        `SELECT t.status, t.owner_id, t.version, (SELECT count(*)::int FROM task n WHERE n.case_id = t.case_id AND n.status = 'open' AND n.id <> t.id) AS next
           FROM task t WHERE t.id = $1`,
        [taskId],
      )
    ).rows[0];

  it('numbers the events after a deadline mark that came since, and opens exactly one next task', async () => {
    const task = await firstTask();
    expect((await claim(task.id, task.version)).status).toBe(200);
    const { rows } = await db.query<{ seq: number }>(
      `UPDATE dossier_case SET event_sequence = event_sequence + 1 WHERE dossier_code = $1 RETURNING event_sequence AS seq`,
      [task.dossierCode],
    );
    expect((await forward(task.id, task.version + 1)).status).toBe(200);
    const events = await db.query<{ type: string; sequence: number }>(
      `SELECT type, (payload->>'sequence')::int AS sequence FROM outbox_message
        WHERE payload->>'dossierCode' = $1 AND type IN ('workflow.task.completed', 'workflow.task.created') AND (payload->>'sequence')::int > $2 ORDER BY 2`,
      [task.dossierCode, rows[0].seq],
    );
    expect(events.rows).toEqual([
      { type: 'workflow.task.completed', sequence: rows[0].seq + 1 },
      { type: 'workflow.task.created', sequence: rows[0].seq + 2 },
    ]);
    expect(await taskRow(task.id)).toMatchObject({ status: 'done', next: 1 });
  });

  /**
   * Replicas of workflow share one database (as behind a load balancer): what one process wrote is what the
   * command on the other decides on, and its statement holds only if that is still so.
   */
  describe('with a second workflow process', () => {
    let replica: string;
    const SECOND = `${WARD}.specialist.2`;
    /** The ward's leader gives the task to the second specialist through the other workflow process. */
    const reassignElsewhere = (taskId: string, version: number) =>
      post(`/tasks/${taskId}/assign`, `${WARD}.leader.1`, Role.Leader, { version, officerId: SECOND }, {}, replica);

    beforeAll(async () => {
      replica = (await suite.startReplica('workflow')).url;
    }, 120_000);

    it('answers the displaced owner 409 and writes nothing when another process reassigned the task since', async () => {
      const task = await firstTask();
      expect((await claim(task.id, task.version)).status).toBe(200);
      expect((await reassignElsewhere(task.id, task.version + 1)).status).toBe(200);
      // the displaced owner, with the version their claim answered
      expect(await forward(task.id, task.version + 1)).toEqual({ status: 409, body: expect.objectContaining({ code: 'TASK.VERSION_CONFLICT' }) });
      expect(await taskRow(task.id)).toEqual({ status: 'open', owner_id: SECOND, version: task.version + 2, next: 0 });
    });

    it('lets the new owner act on this process on a task the other reassigned', async () => {
      const task = await firstTask();
      expect((await claim(task.id, task.version)).status).toBe(200);
      expect((await reassignElsewhere(task.id, task.version + 1)).status).toBe(200);
      expect(await forward(task.id, task.version + 2, SECOND)).toEqual({
        status: 200,
        body: expect.objectContaining({ status: 'done', nextTaskId: expect.any(String) }),
      });
      expect(await taskRow(task.id)).toEqual({ status: 'done', owner_id: SECOND, version: task.version + 3, next: 1 });
    });
  });
});
