import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '@motcua/auth';
import { NationalStatus, TaskCreated, event } from '@motcua/contracts';
import { type TestAuth, createTestAuth, publishEvent, type RunningSuite, eventually, startSuite, BIRTH_REGISTRATION_DOCUMENTS } from '@motcua/testing';

/** Intake plays the public record: workflow's events may arrive late, twice or out of order, and it stays right. */
describe('the public record follows workflow', () => {
  const desk = '016.01.20.H26'; // Ủy ban nhân dân phường Ngọc Hà (seed code)
  let auth: TestAuth;
  let suite: RunningSuite;
  let db: Client;
  let token: string;

  beforeAll(async () => {
    auth = createTestAuth();
    // Workflow runs until intake's catalogue replica is filled (intake is ready only then), and is then
    // stopped: this test plays workflow's part itself, and intake keeps receiving from its replica.
    suite = await startSuite('workflow-progress', auth.env, ['intake', 'workflow']);
    await suite.crash('workflow');
    db = new Client({ connectionString: suite.services.intake.database.url });
    await db.connect();
    token = await auth.token({ subject: 'mot-cua-ngoc-ha', roles: [Role.Receiver], agencies: [desk] });
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
    auth?.cleanup();
  }, 60_000);

  async function receive(): Promise<string> {
    const response = await fetch(`${suite.url('intake')}/api/v1/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        procedureCode: '1.001193',
        receivingAgencyCode: desk,
        channel: 1,
        applicant: { fullName: 'Đỗ Quang Huy', wardCode: '00016' },
        documents: BIRTH_REGISTRATION_DOCUMENTS,
        returnMethod: 'desk',
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { code: string }).code;
  }

  const record = async (code: string) => {
    const response = await fetch(`${suite.url('intake')}/api/v1/dossiers/${code}`, { headers: { authorization: `Bearer ${token}` } });
    return (await response.json()) as any;
  };

  // Workflow's steps happen after the receipts of this file (which come within a minute of its start).
  const startedAt = Date.now() + 60_000;
  const taskCreated = (code: string, sequence: number, stepNumber: number, stepName: string) =>
    event(TaskCreated, {
      dossierCode: code,
      nationalStatus: NationalStatus.InProgress,
      sequence,
      occurredAt: new Date(startedAt + sequence * 1000).toISOString(), // the later step happened later
      taskId: randomUUID(),
      caseId: randomUUID(),
      stepNumber,
      stepName,
      agencyCode: desk,
      role: stepNumber === 1 ? 'specialist' : 'leader',
      processVersion: 1,
    });
  const appraise = (code: string) => taskCreated(code, 2, 1, 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch');
  const sign = (code: string) => taskCreated(code, 3, 2, 'Lãnh đạo Ủy ban nhân dân cấp xã ký giấy khai sinh');

  it('keeps the newer step when the older event arrives last, and records both steps in their order', async () => {
    const code = await receive();
    await publishEvent(suite.prefix, sign(code));
    await eventually(async () => ((await record(code)).currentStep ? true : undefined), 'the later step to be applied');
    const olderId = await publishEvent(suite.prefix, appraise(code));
    await eventually(
      async () => ((await db.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [olderId])).rowCount === 1 ? true : undefined),
      'the older event to be consumed',
    );
    const shown = await record(code);
    expect(shown).toMatchObject({ nationalStatus: 4, processVersion: 1 });
    expect(shown.currentStep).toEqual({ name: sign(code).stepName, agencyCode: desk, agencyName: 'Ủy ban nhân dân phường Ngọc Hà' });
    expect(shown.history.map((h: any) => [h.nationalStatus, h.note])).toEqual([
      [2, null],
      [4, `${appraise(code).stepName} (${desk})`],
      [4, `${sign(code).stepName} (${desk})`],
    ]);
  });

  it('accepts an event from a newer producer that carries a field this version does not know', async () => {
    const code = await receive();
    await publishEvent(suite.prefix, Object.assign(appraise(code), { dueAt: '2026-12-01T10:00:00.000Z' }));
    const shown = await eventually(async () => {
      const r = await record(code);
      return r.nationalStatus === 4 ? r : undefined;
    }, 'the newer event to be applied');
    expect(shown.currentStep.agencyCode).toBe(desk);
  });

  it('applies a message delivered twice once', async () => {
    const code = await receive();
    const created = appraise(code);
    const messageId = randomUUID();
    await publishEvent(suite.prefix, created, messageId);
    await publishEvent(suite.prefix, created, messageId);
    await eventually(async () => ((await record(code)).nationalStatus === 4 ? true : undefined), 'status 4');
    await eventually(
      async () => ((await db.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [messageId])).rowCount === 1 ? true : undefined),
      'the inbox to hold the message',
    );
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM dossier_status_change c JOIN dossier d ON d.id = c.dossier_id WHERE d.code = $1`,
      [code],
    );
    expect(rows[0].n).toBe(2);
  });
});
