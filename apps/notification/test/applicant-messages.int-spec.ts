import { Role } from '@motcua/auth';
import {
  AppointmentChanged,
  CaseClosed,
  CoordinatorChanged,
  DeadlineOverdue,
  type DossierAccepted,
  ReturnMethod,
  SupplementRequested,
  TaskCompleted,
  TaskCreated,
  event,
} from '@motcua/contracts';
import { TEST_DESK, aDossierAccepted, eventually, useServiceApp, withEventPublisher } from '@motcua/testing';
import request from 'supertest';
import { AppModule, SERVICE } from '../src/app.module';
import { entities, migrations } from '../src/database';

/** A notification row as the applicant's messages are checked: what they read, where it went, whether it waits. */
type Row = Record<'template_key' | 'channel' | 'subject' | 'body' | 'status', string> & { recipient: string | null };

const CASE = '0193a1c2-0000-7000-8000-0000000000c1';
const TASK = '0193a1c2-0000-7000-8000-0000000000d1';
const COORDINATOR = `${TEST_DESK}.receiver.1`;
const LOOKUP = 'http://localhost:8080/intake/api/v1/dossiers';

/** Workflow's events about one dossier, in the order a real walk gives them (sequence numbers rising). */
function walk(accepted: DossierAccepted) {
  let sequence = 1;
  // workflow's events name the coordinator of the moment: the new one after a change
  let coordinatorId = COORDINATOR;
  const base = (nationalStatus: number, at: string) => ({
    dossierCode: accepted.dossierCode,
    nationalStatus,
    sequence: ++sequence,
    occurredAt: at,
    coordinatorId,
  });
  const step = { taskId: TASK, stepNumber: 2, stepName: 'Thẩm định', agencyCode: TEST_DESK };
  return {
    supplementRequested: () =>
      event(SupplementRequested, {
        ...base(5, '2026-11-27T03:30:00.000Z'),
        caseId: CASE,
        stepNumber: 2,
        agencyCode: TEST_DESK,
        agencyName: 'Sở Tư pháp thành phố Hà Nội',
        requestedBy: `${TEST_DESK}.specialist.1`,
        reason: 'Giấy chứng sinh bị mờ',
        missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }],
        round: 1,
      }),
    coordinatorChanged: () => {
      coordinatorId = `${TEST_DESK}.receiver.2`;
      return event(CoordinatorChanged, {
        ...base(5, '2026-11-27T04:00:00.000Z'),
        previousCoordinatorId: COORDINATOR,
        changedBy: `${TEST_DESK}.head.1`,
        coordinatorName: 'Phạm Thu Trang',
      });
    },
    pauseMoved: () =>
      event(AppointmentChanged, {
        ...base(5, '2026-11-28T02:00:00.000Z'),
        cause: 'supplement_pause',
        appointmentAt: '2026-12-11T10:00:00.000Z',
        previousAppointmentAt: '2026-12-10T10:00:00.000Z',
        originalAppointmentAt: '2026-12-10T10:00:00.000Z',
        pausedWorkingMinutes: 480,
        reason: null,
        extension: 0,
        flagged: false,
        actorId: 'system',
      }),
    resumed: () =>
      event(TaskCreated, {
        ...base(4, '2026-11-28T02:00:00.000Z'),
        ...step,
        taskId: '0193a1c2-0000-7000-8000-0000000000d2',
        caseId: CASE,
        role: 'specialist',
        processVersion: 1,
        resumedAfterSupplementRound: 1,
      }),
    extended: () =>
      event(AppointmentChanged, {
        ...base(4, '2026-12-08T02:00:00.000Z'),
        cause: 'extension',
        appointmentAt: '2026-12-18T10:00:00.000Z',
        previousAppointmentAt: '2026-12-11T10:00:00.000Z',
        originalAppointmentAt: '2026-12-10T10:00:00.000Z',
        pausedWorkingMinutes: null,
        reason: 'Cần xác minh với nơi sinh',
        extension: 1,
        flagged: false,
        actorId: `${TEST_DESK}.specialist.1`,
      }),
    completed: (action: string, nationalStatus: number) =>
      event(TaskCompleted, { ...base(nationalStatus, '2026-12-15T08:15:00.000Z'), ...step, action, actorId: `${TEST_DESK}.leader.1`, note: null }),
    closed: (outcome: CaseClosed['outcome'], nationalStatus: number, note: string | null = null) =>
      event(CaseClosed, { ...base(nationalStatus, '2026-12-16T02:00:00.000Z'), caseId: CASE, outcome, actorId: `${TEST_DESK}.leader.1`, note }),
    overdue: () =>
      event(DeadlineOverdue, {
        ...base(4, '2026-12-18T10:00:00.000Z'),
        subject: 'dossier',
        taskId: null,
        agencyCode: TEST_DESK,
        deadline: '2026-12-18T10:00:00.000Z',
        ownerId: null,
        escalatedTo: [],
      }),
  };
}

describe('notification: what the applicant is told, from the events', () => {
  const { service, db, server } = useServiceApp({
    service: SERVICE,
    module: AppModule,
    entities,
    migrations,
    // one consumer transaction at a time: a burst's events of a dossier are applied in the order published
    env: { MESSAGING_CONSUMER_CONCURRENCY: '1' },
  });

  /** The applicant's messages about a dossier (the officers' go to their inbox), oldest first. */
  const toldApplicant = (dossierCode: string): Promise<Row[]> =>
    db.query(
      `SELECT template_key, channel, recipient, subject, body, status FROM notification WHERE dossier_code = $1 AND channel <> 'officer' ORDER BY created_at, id`,
      [dossierCode],
    );

  /** Publishes one event and waits until it is applied: a walk's events arrive in order, as from one case's outbox. */
  const deliver = async (...events: object[]): Promise<void> => {
    for (const e of events) {
      const before = server.counts.handled + server.counts.duplicate;
      await service.publish(e);
      await eventually(() => server.counts.handled + server.counts.duplicate > before, 'the event to be applied');
    }
  };

  const byTemplate = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.template_key, row]));

  it('tells an applicant with an email each milestone once: received, supplement, resumed, apology, result at the desk', async () => {
    const accepted = aDossierAccepted({
      coordinatorId: COORDINATOR,
      appointmentAt: '2026-12-10T10:00:00.000Z',
      receivingAgencyName: 'Sở Tư pháp thành phố Hà Nội',
      procedureName: 'Đăng ký khai sinh',
    });
    const events = walk(accepted);
    await deliver(accepted, events.supplementRequested(), events.coordinatorChanged(), events.pauseMoved(), events.resumed(), events.extended());
    // signed (9), then numbered and issued (still 9), then handed over (10): the result is told once, when signed
    await deliver(events.completed('sign', 9), events.completed('forward', 9), events.completed('hand_over', 10), events.closed('returned', 10));
    // the appointment passes after the apology: nothing more to tell
    await deliver(events.overdue());

    const rows = await toldApplicant(accepted.dossierCode);
    expect(rows.map((row) => row.template_key)).toEqual([
      'dossier.received',
      'supplement.requested',
      'supplement.resumed',
      'appointment.extended',
      'result.ready_at_desk',
    ]);
    for (const row of rows) expect(row).toMatchObject({ channel: 'email', recipient: 'hoa@example.vn', status: 'pending' });
    const told = byTemplate(rows);
    expect(told['dossier.received'].body).toContain('- Thời gian hẹn trả kết quả: 17:00 ngày 10/12/2026');
    expect(told['dossier.received'].body).toContain(`tại ${LOOKUP}/${accepted.dossierCode} bằng mã tra cứu`);
    expect(told['supplement.requested'].body).toContain('Sở Tư pháp thành phố Hà Nội đề nghị Ông/Bà bổ sung:\n- Giấy chứng sinh\nLý do: Giấy chứng sinh bị mờ');
    // the coordinator changed before the supplement was answered: the new one is named from then on
    expect(told['supplement.resumed'].body).toContain('Thời gian hẹn trả kết quả: 17:00 ngày 11/12/2026');
    expect(told['supplement.resumed'].body).toContain('liên hệ cán bộ đầu mối Phạm Thu Trang tại Bộ phận Một cửa của Sở Tư pháp thành phố Hà Nội');
    expect(told['appointment.extended'].subject).toBe(`Hồ sơ ${accepted.dossierCode}: thư xin lỗi và hẹn lại ngày trả kết quả`);
    expect(told['appointment.extended'].body).toContain('hẹn trả kết quả là 17:00 ngày 10/12/2026');
    expect(told['appointment.extended'].body).toContain(
      'Lý do: Cần xác minh với nơi sinh\nChúng tôi thành thật xin lỗi Ông/Bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả vào 17:00 ngày 18/12/2026.',
    );
    expect(told['result.ready_at_desk'].subject).toBe(`Hồ sơ ${accepted.dossierCode} đã có kết quả`);
    expect(told['result.ready_at_desk'].body).toContain('Mời Ông/Bà đến Bộ phận Một cửa của Sở Tư pháp thành phố Hà Nội để nhận kết quả');
  });

  it('sends the SMS form to an applicant who gave only a phone number, and a result by post says so', async () => {
    const accepted = aDossierAccepted({
      applicant: { email: undefined, phone: '0987654321' },
      returnMethod: ReturnMethod.Post,
      appointmentAt: '2026-12-10T10:00:00.000Z',
    });
    const events = walk(accepted);
    await deliver(accepted, events.completed('sign', 9));

    const rows = await toldApplicant(accepted.dossierCode);
    expect(rows).toEqual([
      expect.objectContaining({ template_key: 'dossier.received', channel: 'sms', recipient: '0987654321', status: 'pending' }),
      expect.objectContaining({
        template_key: 'result.by_post',
        channel: 'sms',
        recipient: '0987654321',
        status: 'pending',
        body: `Hồ sơ ${accepted.dossierCode} đã có kết quả, sẽ được gửi qua bưu chính đến địa chỉ Ông/Bà đã đăng ký. Mã vận đơn sẽ được báo sau.`,
      }),
    ]);
    expect(rows[0].body).toBe(
      `Hồ sơ ${accepted.dossierCode} đã được tiếp nhận lúc 09:05 ngày 26/11/2026, hẹn trả kết quả 17:00 ngày 10/12/2026. Tra cứu: ${LOOKUP}/${accepted.dossierCode} (mã tra cứu in trên giấy tiếp nhận).`,
    );
  });

  it('tells of a missed appointment where no extension was given, and confirms a withdrawal', async () => {
    const accepted = aDossierAccepted({ appointmentAt: '2026-12-10T10:00:00.000Z' });
    const events = walk(accepted);
    await deliver(accepted, events.overdue(), events.closed('withdrawn', 7, 'Người nộp có đơn xin rút hồ sơ'));

    const rows = await toldApplicant(accepted.dossierCode);
    expect(rows.map((row) => row.template_key)).toEqual(['dossier.received', 'dossier.overdue', 'dossier.withdrawn']);
    expect(rows[1].body).toContain('có thời gian hẹn trả kết quả là 17:00 ngày 18/12/2026 nhưng đến nay chưa có kết quả');
  });

  it('records a refusal for an applicant without email or phone as no_contact, with its reason', async () => {
    const accepted = aDossierAccepted({ applicant: { email: undefined, phone: undefined } });
    const events = walk(accepted);
    await deliver(accepted, events.closed('stopped', 8, 'Không thuộc thẩm quyền giải quyết'));

    const rows = await toldApplicant(accepted.dossierCode);
    expect(rows).toEqual([
      expect.objectContaining({ template_key: 'dossier.received', channel: 'none', recipient: null, status: 'no_contact' }),
      expect.objectContaining({ template_key: 'dossier.stopped', channel: 'none', recipient: null, status: 'no_contact' }),
    ]);
    expect(rows[1].body).toContain('Lý do: Không thuộc thẩm quyền giải quyết');
  });

  it('records an event delivered twice once', async () => {
    const accepted = aDossierAccepted();
    const supplement = walk(accepted).supplementRequested();
    await deliver(accepted);
    const messageId = await service.publish(supplement);
    const before = server.counts.handled + server.counts.duplicate;
    await service.publish(supplement, messageId);
    await eventually(() => server.counts.handled + server.counts.duplicate >= before + 1, 'the copy to be consumed');
    await eventually(async () => (await toldApplicant(accepted.dossierCode)).length === 2, 'the supplement message');
    expect((await toldApplicant(accepted.dossierCode)).map((row) => row.template_key)).toEqual(['dossier.received', 'supplement.requested']);
  });

  it('tells each applicant of a burst, whose batches hold a receipt and the events that read it', async () => {
    const batched = server.counts.appliedInBatches;
    const dossiers = Array.from({ length: 8 }, () => aDossierAccepted());
    const before = server.counts.handled;
    // each dossier's receipt, its coordinator's change and its withdrawal, all published back to back on one channel
    await withEventPublisher(service.prefix, async (publish) => {
      for (const accepted of dossiers) {
        const events = walk(accepted);
        for (const e of [accepted, events.coordinatorChanged(), events.closed('withdrawn', 7, 'Người nộp có đơn xin rút hồ sơ')]) publish(e);
      }
    });
    await eventually(() => server.counts.handled >= before + dossiers.length * 3, 'the burst to be applied');
    expect(server.counts.appliedInBatches).toBeGreaterThan(batched);
    for (const accepted of dossiers) {
      expect((await toldApplicant(accepted.dossierCode)).map((row) => row.template_key)).toEqual(['dossier.received', 'dossier.withdrawn']);
      const [contact] = await db.query(`SELECT coordinator_id FROM applicant_contact WHERE dossier_code = $1`, [accepted.dossierCode]);
      expect(contact.coordinator_id).toBe(`${TEST_DESK}.receiver.2`);
    }
  });

  it('tells of an event that came before the receipt it needs, once the receipt is applied (retried, not dropped)', async () => {
    const accepted = aDossierAccepted();
    const events = walk(accepted);
    // e.g. the receipt still in the other consumer transaction, or waiting for a retry of its own
    const changed = await service.publish(events.coordinatorChanged());
    const closed = await service.publish(events.closed('withdrawn', 7, 'Người nộp có đơn xin rút hồ sơ'));
    await eventually(() => server.counts.retried >= 2, 'both to be tried again later');
    await deliver(accepted);
    await eventually(
      async () => (await db.query(`SELECT 1 FROM inbox_message WHERE message_id = ANY($1)`, [[changed, closed]])).length === 2,
      'both applied on a later attempt',
      15_000,
    );
    expect((await toldApplicant(accepted.dossierCode)).map((row) => row.template_key)).toEqual(['dossier.received', 'dossier.withdrawn']);
    const [contact] = await db.query(`SELECT coordinator_id FROM applicant_contact WHERE dossier_code = $1`, [accepted.dossierCode]);
    expect(contact.coordinator_id).toBe(`${TEST_DESK}.receiver.2`);
  });

  describe('the templates, for operators', () => {
    const http = () => service.app.getHttpServer();

    it('lists every template with its audience, channels, texts and placeholders', async () => {
      const token = await service.token([Role.Admin], [TEST_DESK]);
      const { body } = await request(http()).get('/api/v1/templates').auth(token, { type: 'bearer' }).expect(200);
      const received = body.items.find((item: { key: string }) => item.key === 'dossier.received');
      expect(received).toMatchObject({
        audience: 'applicant',
        channels: ['email', 'sms'],
        subject: 'Hồ sơ {dossierCode} đã được tiếp nhận',
        sms: expect.stringContaining('{lookupUrl}'),
      });
      expect(received.placeholders).toContainEqual({ name: 'lookupUrl', meaning: expect.stringContaining('NOTIFICATION_LOOKUP_URL') });
      expect(body.items.find((item: { key: string }) => item.key === 'coordinator.milestone')).toMatchObject({
        audience: 'officer',
        channels: ['officer'],
        sms: null,
      });
    });

    it('previews a template with the values given; 404 for an unknown key, 422 naming a missing placeholder', async () => {
      const token = await service.token([Role.Receiver], [TEST_DESK]);
      const values = {
        dossierCode: 'X-1',
        officer: 'Bùi Quang Dũng',
        stepNumber: '2',
        agency: 'Sở Tư pháp',
        change: 'đã được trả về hàng chờ của đơn vị',
        actor: 'Hoàng Ngọc Lan',
        occurredAt: '09:05 ngày 26/11/2026',
      };
      const preview = await request(http()).post('/api/v1/templates/task.taken_away/preview').send({ values }).auth(token, { type: 'bearer' }).expect(200);
      expect(preview.body).toMatchObject({ key: 'task.taken_away', subject: 'Hồ sơ X-1: nhiệm vụ bước 2 không còn do đồng chí xử lý', sms: null });

      const unknown = await request(http()).post('/api/v1/templates/no.such/preview').send({ values }).auth(token, { type: 'bearer' }).expect(404);
      expect(unknown.body.code).toBe('TEMPLATE.NOT_FOUND');
      const withoutOfficer = Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'officer'));
      const missing = await request(http())
        .post('/api/v1/templates/task.taken_away/preview')
        .send({ values: withoutOfficer })
        .auth(token, { type: 'bearer' })
        .expect(422);
      expect(missing.body).toMatchObject({ code: 'TEMPLATE.PLACEHOLDER_MISSING', errors: [expect.objectContaining({ field: 'values.officer' })] });
    });

    it('is for officers only', async () => {
      const citizen = await service.token([], [TEST_DESK], 'citizen');
      const response = await request(http()).get('/api/v1/templates').auth(citizen, { type: 'bearer' }).expect(403);
      expect(response.body.code).toBe('TEMPLATE.OFFICERS_ONLY');
    });
  });
});
