import { randomUUID } from 'node:crypto';
import { Role } from '@motcua/auth';
import { AppointmentChanged, NationalStatus, SupplementRequested, TaskCreated, event } from '@motcua/contracts';
import { postgresOptions } from '@motcua/persistence';
import { publishEvent, eventually, receiveDossier, useSuite, withEventPublisher } from '@motcua/testing';
import { DataSource } from 'typeorm';
import { entities, migrations } from '../src/database';
import { DossierStore, type WorkflowProgress } from '../src/dossiers/dossier.store';

/** Intake plays the public record: workflow's events may arrive late, twice or out of order, and it stays right. */
describe('the public record follows workflow', () => {
  const desk = '016.01.20.H26'; // Ủy ban nhân dân phường Ngọc Hà (seed code)
  const running = useSuite('workflow-progress', ['intake', 'workflow']);
  const { suite, auth } = running;
  const db = running.db('intake');
  let token: string;

  beforeAll(async () => {
    // Workflow runs until intake's catalogue replica is filled (intake is ready only then), and is then
    // stopped: this test plays workflow's part itself, and intake keeps receiving from its replica.
    await suite.crash('workflow');
    token = await auth.token({ subject: 'mot-cua-ngoc-ha', roles: [Role.Receiver], agencies: [desk] });
  });

  async function receive(): Promise<string> {
    return (await receipt()).code;
  }

  async function receipt(): Promise<{ code: string; lookupSecret: string }> {
    const { status, body } = await receiveDossier(running, { desk, wardCode: '00016', fullName: 'Đỗ Quang Huy' }, token);
    expect(status).toBe(201);
    return body as { code: string; lookupSecret: string };
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
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM dossier_status_change c JOIN dossier d ON d.id = c.dossier_id WHERE d.code = $1`, [code]);
    expect(rows[0].n).toBe(2);
  });

  it('applies a burst of facts (batches holding several of a dossier, newest first, one twice, one of no known dossier) as if one by one', async () => {
    const codes = await Promise.all(Array.from({ length: 6 }, () => receive()));
    const unknown = codes[0].replace(/\d+$/, '9999'); // a code no desk gave: retried on its own, never blocking the rest
    const twice = { message: appraise(codes[1]), id: randomUUID() };
    const unknownId = randomUUID();
    await withEventPublisher(suite.prefix, async (publish) => {
      for (const code of codes) {
        publish(sign(code));
        if (code === codes[1]) publish(twice.message, twice.id);
        else publish(appraise(code));
      }
      publish(appraise(unknown), unknownId);
      publish(twice.message, twice.id);
    });
    for (const code of codes) {
      await eventually(async () => ((await record(code)).history.length === 3 ? true : undefined), `${code}'s two steps`);
      const shown = await record(code);
      expect(shown).toMatchObject({ nationalStatus: 4, processVersion: 1 });
      expect(shown.currentStep.name).toBe(sign(code).stepName);
      expect(shown.history.map((h: any) => h.note)).toEqual([null, `${appraise(code).stepName} (${desk})`, `${sign(code).stepName} (${desk})`]);
    }
    // consumed after the others (one channel, in order) but never applied: its inbox row rolled back with it
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM inbox_message WHERE message_id = $1`, [unknownId]);
    expect(rows[0].n).toBe(0);
  });

  it('applies one batch’s facts with one statement as if one by one: the newest wins, each recorded once, unknown codes named', async () => {
    const [first, second] = [await receive(), await receive()];
    const unknown = first.replace(/\d+$/, '9999');
    const fact = (code: string, sequence: number, step: string, coordinatorName: string | null = null): WorkflowProgress => ({
      dossierCode: code,
      nationalStatus: 4,
      sequence,
      step,
      agencyCode: desk,
      processVersion: sequence === 3 ? null : 1,
      note: `${step} (${desk})`,
      occurredAt: new Date(startedAt + sequence * 1000).toISOString(),
      supplementRequest: null,
      coordinatorId: coordinatorName ? 'mot-cua-ngoc-ha' : null,
      coordinatorName,
    });
    const dataSource = new DataSource(postgresOptions({ url: suite.services.intake.database.url, entities, migrations, poolSize: 1 }));
    await dataSource.initialize();
    try {
      const known = await dataSource.transaction((manager) =>
        new DossierStore().applyWorkflowProgress(manager, [
          fact(first, 3, 'ký', 'Nguyễn Văn An'),
          fact(second, 2, 'thẩm định'),
          fact(first, 3, 'ký'),
          fact(unknown, 2, 'thẩm định'),
          fact(first, 2, 'thẩm định', 'Trần Thị Bình'),
        ]),
      );
      expect([...known].sort()).toEqual([first, second].sort());
    } finally {
      await dataSource.destroy();
    }
    const shown = await record(first);
    expect(shown).toMatchObject({ nationalStatus: 4, processVersion: 1, coordinatorName: 'Trần Thị Bình' });
    expect(shown.currentStep.name).toBe('ký');
    expect(shown.history.map((h: any) => h.note)).toEqual([null, `thẩm định (${desk})`, `ký (${desk})`]);
    expect((await record(second)).currentStep.name).toBe('thẩm định');
  });

  /** Publishes through the broker and waits until intake has consumed it: the next one arrives after it. */
  async function deliver(message: object): Promise<void> {
    const id = await publishEvent(suite.prefix, message);
    await eventually(
      async () => ((await db.query(`SELECT 1 FROM inbox_message WHERE message_id = $1`, [id])).rowCount === 1 ? true : undefined),
      `message ${id} to be consumed`,
    );
  }

  const step1 = 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch';
  const workflowFact = (code: string, sequence: number, at: Date) => ({ dossierCode: code, sequence, occurredAt: at.toISOString() });
  const task = (code: string, sequence: number, at: Date, resumedAfterSupplementRound?: number) =>
    event(TaskCreated, {
      ...workflowFact(code, sequence, at),
      nationalStatus: NationalStatus.InProgress,
      taskId: randomUUID(),
      caseId: randomUUID(),
      stepNumber: 1,
      stepName: step1,
      agencyCode: desk,
      role: 'specialist',
      processVersion: 1,
      ...(resumedAfterSupplementRound ? { resumedAfterSupplementRound } : {}),
    });
  const supplementRequested = (code: string, sequence: number, at: Date) =>
    event(SupplementRequested, {
      ...workflowFact(code, sequence, at),
      nationalStatus: NationalStatus.SupplementRequested,
      caseId: randomUUID(),
      stepNumber: 1,
      agencyCode: desk,
      requestedBy: `${desk}.specialist.1`,
      reason: 'Giấy chứng sinh là bản sao không chứng thực; cần bản chính',
      missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }],
      round: 1,
      coordinatorId: 'mot-cua-ngoc-ha',
    });
  // Thursday 26/11/2026 16:00 in Hà Nội; 1 h 25 min of office hours later is Friday 07:55
  const pausedFor85Minutes = (code: string, sequence: number, at: Date) =>
    event(AppointmentChanged, {
      ...workflowFact(code, sequence, at),
      nationalStatus: NationalStatus.SupplementRequested,
      cause: 'supplement_pause',
      appointmentAt: '2026-11-27T00:55:00.000Z',
      previousAppointmentAt: '2026-11-26T09:00:00.000Z',
      originalAppointmentAt: '2026-11-26T09:00:00.000Z',
      pausedWorkingMinutes: 85,
      reason: null,
      extension: 0,
      flagged: false,
      actorId: 'system',
      coordinatorId: 'mot-cua-ngoc-ha',
    });
  const pauseNote = 'Không tính 1 giờ 25 phút làm việc chờ bổ sung hồ sơ: hẹn trả kết quả mới 07:55 ngày 27/11/2026 (thay cho 16:00 ngày 26/11/2026)';
  const resumedNote = `Tiếp tục giải quyết sau khi bổ sung hồ sơ (lần 1): ${step1} (${desk})`;

  /**
   * A dossier received, at step 1 (workflow's 1), asked for a supplement (workflow's 3; its 2, the completed task,
   * is not on the record) and supplied at the desk. Returns when the supplement was recorded.
   */
  async function supplied(): Promise<{ code: string; requestedAt: Date; suppliedAt: Date }> {
    const { code, lookupSecret } = await receipt();
    const receivedAt = new Date((await record(code)).receivedAt);
    const requestedAt = new Date(receivedAt.getTime() + 2);
    await deliver(task(code, 1, new Date(receivedAt.getTime() + 1)));
    await deliver(supplementRequested(code, 3, requestedAt));
    const response = await fetch(`${suite.url('intake')}/api/v1/dossiers/${code}/supplements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lookup-secret': lookupSecret },
      body: JSON.stringify({ documents: [{ code: 'GCS', name: 'Giấy chứng sinh (bản chính)' }] }),
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { suppliedAt: string };
    expect(answer.suppliedAt).toMatch(/\+07:00$/); // shown in Vietnam time, as every time the API gives
    const suppliedAt = new Date(answer.suppliedAt);
    expect(suppliedAt.getTime()).toBeGreaterThan(requestedAt.getTime() + 1);
    return { code, requestedAt, suppliedAt };
  }

  const timeline = async (code: string) => {
    const shown = await record(code);
    return { nationalStatus: shown.nationalStatus, history: shown.history.map((h: any) => [h.nationalStatus, h.note]) };
  };
  const resumedTimeline = [
    [2, null],
    [4, `${step1} (${desk})`],
    [5, 'Yêu cầu bổ sung hồ sơ (lần 1): Giấy chứng sinh là bản sao không chứng thực; cần bản chính'],
    [5, 'Đã bổ sung hồ sơ (lần 1)'],
    [5, pauseNote],
    [4, resumedNote],
  ];

  // Workflow publishes the pause's appointment change (5) and then the resumed step's task (4) at one instant:
  // the history is in their sequence, whichever comes first.
  it.each([
    ['the pause, then the resumed task', ['pause', 'task']],
    ['the resumed task, then the pause', ['task', 'pause']],
  ])('ends the history with the resumption after a supplement when %s arrive', async (_, order) => {
    const { code, suppliedAt } = await supplied();
    const resumedAt = new Date(suppliedAt.getTime() + 1000);
    const messages = { pause: pausedFor85Minutes(code, 4, resumedAt), task: task(code, 5, resumedAt, 1) };
    for (const which of order) await deliver(messages[which as keyof typeof messages]);
    expect(await timeline(code)).toEqual({ nationalStatus: 4, history: resumedTimeline });
    expect((await record(code)).appointmentAt).toBe('2026-11-27T07:55:00.000+07:00');
  });

  it('keeps the supplement between its request and the resumption when workflow’s clock is behind intake’s', async () => {
    const { code, requestedAt, suppliedAt } = await supplied();
    // stamped by workflow after its request, but before the supplement by intake's clock
    const resumedAt = new Date(Math.floor((requestedAt.getTime() + suppliedAt.getTime()) / 2));
    await deliver(pausedFor85Minutes(code, 4, resumedAt));
    await deliver(task(code, 5, resumedAt, 1));
    expect(await timeline(code)).toEqual({ nationalStatus: 4, history: resumedTimeline });
  });
});
