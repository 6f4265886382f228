import type { Client } from 'pg';
import { Role } from '@motcua/auth';
import { aSubmission, eventually, useSuite } from '@motcua/testing';

/**
 * Nothing lost, nothing twice, through real crashes: intake is killed (SIGKILL) right after accepting a rush of
 * dossiers, while its relay is still publishing, and workflow is killed in the middle of routing them. After
 * both restart, every dossier has exactly one case and one first task, and every public record shows status 4
 * with exactly one workflow row in its history.
 */
describe('crashes in the middle of the flow', () => {
  const desks = ['001.01.20.H26', '004.01.20.H26', '006.01.20.H26', '007.01.20.H26'];
  const wards = ['00001', '00004', '00006', '00007'];
  const total = 1_000;
  const fixture = useSuite('crash-recovery', ['intake', 'workflow']);
  const { suite, auth } = fixture;
  const intakeDb = fixture.db('intake');
  const workflowDb = fixture.db('workflow');

  const count = async (db: Client, sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);

  it('routes every accepted dossier exactly once after intake and workflow are killed mid-flow', async () => {
    const token = await auth.token({ subject: 'mot-cua-ba-dinh', roles: [Role.Receiver], agencies: desks });
    const submit = (i: number) =>
      fetch(`${suite.url('intake')}/api/v1/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(aSubmission({ desk: desks[i % desks.length], wardCode: wards[i % wards.length], fullName: `Hoàng Văn Nam ${i}` })),
      }).then((r) => r.status);

    // Workflow dies once it has routed some of the rush, with deliveries in flight.
    let tasksWhenWorkflowDied = -1;
    const killWorkflow = (async () => {
      tasksWhenWorkflowDied = await eventually(
        async () => {
          const n = await count(workflowDb, 'SELECT count(*) AS n FROM task');
          return n >= 50 ? n : undefined;
        },
        'workflow to route the first dossiers',
        60_000,
      );
      await suite.crash('workflow');
    })();

    const statuses: number[] = [];
    for (let i = 0; i < total; i += 100) {
      statuses.push(...(await Promise.all(Array.from({ length: 100 }, (_, j) => submit(i + j)))));
    }
    // Intake dies the moment the last receipt is answered, its relay typically still publishing (a handful of
    // rows unsent, others sent but not yet marked: those go again, and the inbox absorbs them).
    await suite.crash('intake');
    await killWorkflow;
    expect(statuses.filter((s) => s === 201)).toHaveLength(total);
    expect(tasksWhenWorkflowDied).toBeLessThan(total); // the crash really happened mid-flow

    await suite.restart('workflow');
    await suite.restart('intake');

    await eventually(
      async () => ((await count(intakeDb, 'SELECT count(*) AS n FROM dossier WHERE national_status = 4')) === total ? true : undefined),
      'every public record at status 4',
      120_000,
    );
    expect(await count(workflowDb, 'SELECT count(*) AS n FROM dossier_case')).toBe(total);
    expect(await count(workflowDb, 'SELECT count(DISTINCT dossier_code) AS n FROM task')).toBe(total);
    expect(await count(workflowDb, 'SELECT count(*) AS n FROM task')).toBe(total);
    expect(await count(intakeDb, `SELECT count(*) AS n FROM dossier_status_change WHERE source = 'workflow'`)).toBe(total);
    expect(await count(intakeDb, 'SELECT count(*) AS n FROM outbox_message WHERE sent_at IS NULL')).toBe(0);
  }, 240_000);
});
