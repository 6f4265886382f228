import { Role } from '@motcua/auth';
import { BIRTH_REGISTRATION_DOCUMENTS, callApi as call, eventually, receiveDossier, useSuite } from '@motcua/testing';

/**
 * Officers read names where they need them: a task, the process-control slip and the messages they are sent name
 * the applicant, the procedure, the agency and every officer beside the codes, with what the desk received and
 * promised, statuses and refusals in Vietnamese. Intake, workflow and notification run as processes.
 */
describe('officers see names and facts, in Vietnamese', () => {
  const TRUC_BACH = '004.01.20.H26';
  const WARD_COMMITTEE = 'Ủy ban nhân dân phường Trúc Bạch';
  const BIRTH = 'Thủ tục đăng ký khai sinh';
  const fixture = useSuite('names', ['intake', 'workflow', 'notification']);
  const { suite } = fixture;
  const workflowDb = fixture.db('workflow');
  /** The demo officers' full names, as the organisation (workflow's staff) holds them. */
  let fullName: (role: string, n?: number) => string;

  beforeAll(async () => {
    const { rows } = await workflowDb.query<{ id: string; full_name: string }>(`SELECT id, full_name FROM officer WHERE id LIKE $1`, [`${TRUC_BACH}.%`]);
    const names = new Map(rows.map((o) => [o.id, o.full_name]));
    fullName = (role, n = 1) => names.get(`${TRUC_BACH}.${role}.${n}`)!;
  });

  const officer = (role: Role, n = 1) => fixture.anOfficer(TRUC_BACH, role, n);
  const workflow = fixture.api('workflow');
  /** The notifications of one template about the dossier, as its receiving desk reads them, once there are `count`. */
  const told = (code: string, templateKey: string, count = 1) =>
    eventually(async () => {
      const { body } = await call('GET', `${suite.url('notification')}/api/v1/notifications?dossierCode=${code}&limit=100`, await officer(Role.Receiver));
      const found = (body.items ?? []).filter((n: any) => n.templateKey === templateKey);
      return found.length === count ? found : undefined;
    }, `${count} ${templateKey} about ${code}`);

  it('names the applicant, the procedure, the agency and the officers on a task, its slip and the messages', async () => {
    const received = await receiveDossier(fixture, {
      desk: TRUC_BACH,
      wardCode: '00004',
      fullName: 'Đặng Thu Trang',
      applicant: { email: 'trang@example.vn' },
    });
    expect(received.status).toBe(201);
    const code = received.body.code as string;
    expect(received.body).toMatchObject({
      nationalStatusName: 'Đã tiếp nhận',
      nationalStatusKey: 'Accepted',
      procedureName: BIRTH,
      receivingAgencyName: WARD_COMMITTEE,
    });

    // the task in the queue: whose dossier, which procedure, what was received, when it is promised, who answers for it
    const specialist = await officer(Role.Specialist);
    const queued = await eventually(async () => {
      const { body } = await call('GET', workflow(`/tasks?agency=${TRUC_BACH}&limit=100`), specialist);
      return body.items?.find((t: any) => t.dossierCode === code);
    }, 'the task in the queue');
    expect(queued).toMatchObject({
      procedureCode: '1.001193',
      procedureName: BIRTH,
      agencyCode: TRUC_BACH,
      agencyName: WARD_COMMITTEE,
      applicantName: 'Đặng Thu Trang',
      appointmentAt: received.body.appointmentAt,
      coordinatorId: `${TRUC_BACH}.receiver.1`,
      coordinatorName: fullName('receiver'),
      ownerId: null,
      ownerName: null,
      nationalStatus: 4,
      nationalStatusName: 'Đang xử lý',
      nationalStatusKey: 'InProgress',
    });
    expect(queued.documents).toEqual(BIRTH_REGISTRATION_DOCUMENTS);

    // claimed: the owner is named; a stale claim is refused with a Vietnamese title and the same stable code
    const claimed = await call('POST', workflow(`/tasks/${queued.id}/claim`), specialist, { version: queued.version });
    expect(claimed.status).toBe(200);
    expect((await call('GET', workflow(`/tasks/${queued.id}`), specialist)).body).toMatchObject({
      ownerName: fullName('specialist'),
      applicantName: 'Đặng Thu Trang',
    });
    const stale = await call('POST', workflow(`/tasks/${queued.id}/claim`), await officer(Role.Specialist, 2), { version: queued.version });
    expect(stale).toMatchObject({ status: 409, body: { code: 'TASK.VERSION_CONFLICT', title: 'Nhiệm vụ đã thay đổi, đề nghị tải lại' } });

    // the leader gives it to another specialist: the displaced one is told, by name, by whom and where
    const leader = await officer(Role.Leader);
    const reassigned = await call('POST', workflow(`/tasks/${queued.id}/assign`), leader, {
      version: claimed.body.version,
      officerId: `${TRUC_BACH}.specialist.2`,
    });
    expect(reassigned.status).toBe(200);
    const [takenAway] = await told(code, 'task.taken_away');
    expect(takenAway.body).toContain(`Kính gửi đồng chí ${fullName('specialist')},`);
    expect(takenAway.body).toContain(
      `(bước 1 tại ${WARD_COMMITTEE}) đã được chuyển cho đồng chí ${fullName('specialist', 2)} bởi đồng chí ${fullName('leader')}`,
    );

    // forwarded, then signed: the coordinator hears of it by name, from whom and where
    const forwarded = await call('POST', workflow(`/tasks/${queued.id}/actions`), await officer(Role.Specialist, 2), {
      version: reassigned.body.version,
      action: 'forward',
    });
    expect(forwarded.status).toBe(200);
    const signing = await eventually(async () => (await call('GET', workflow(`/tasks/${forwarded.body.nextTaskId}`), leader)).body, 'the leader’s task');
    const taken = await call('POST', workflow(`/tasks/${signing.id}/claim`), leader, { version: signing.version });
    expect((await call('POST', workflow(`/tasks/${signing.id}/actions`), leader, { version: taken.body.version, action: 'sign' })).status).toBe(200);
    const [signed] = await told(code, 'coordinator.milestone');
    expect(signed.body).toContain(`Kính gửi đồng chí ${fullName('receiver')},`);
    expect(signed.body).toContain(`Kết quả được đồng chí ${fullName('leader')} ký tại ${WARD_COMMITTEE} (bước 2)`);

    // the applicant's receipt names the procedure and the desk
    const [receipt] = await told(code, 'dossier.received');
    expect(receipt.body).toContain(`- Thủ tục hành chính: ${BIRTH} (1.001193)\n- Đơn vị tiếp nhận: ${WARD_COMMITTEE}`);

    // the slip: the dossier's facts, its status in Vietnamese, and everyone on it by name
    const slip = (await call('GET', workflow(`/dossiers/${code}/control-slip`), await officer(Role.Receiver))).body;
    expect(slip).toMatchObject({
      procedureName: BIRTH,
      receivingAgencyName: WARD_COMMITTEE,
      coordinatorName: fullName('receiver'),
      applicantName: 'Đặng Thu Trang',
      documents: BIRTH_REGISTRATION_DOCUMENTS,
      appointmentAt: received.body.appointmentAt,
      nationalStatus: 9,
      nationalStatusName: 'Đã giải quyết xong, chờ trả kết quả',
      nationalStatusKey: 'Processed',
    });
    expect(slip.rows[0]).toMatchObject({
      givenByName: fullName('receiver'),
      receivedBy: `${TRUC_BACH}.specialist.2`,
      receivedByName: fullName('specialist', 2),
      completedByName: fullName('specialist', 2),
    });
    expect(slip.rows[0].ownerChanges.map((c: any) => [c.change, c.ownerName, c.byName])).toEqual([
      ['claimed', fullName('specialist'), fullName('specialist')],
      ['reassigned', fullName('specialist', 2), fullName('leader')],
    ]);
    expect(slip.rows[1]).toMatchObject({ givenByName: fullName('specialist', 2), receivedByName: fullName('leader'), completedByName: fullName('leader') });

    // the public record's status and history in Vietnamese, with the stable keys beside them
    const record = await eventually(async () => {
      const { body } = await call('GET', `${suite.url('intake')}/api/v1/dossiers/${code}`, await officer(Role.Receiver));
      return body.nationalStatus === 9 ? body : undefined;
    }, 'status 9 on the record');
    expect(record).toMatchObject({ nationalStatusName: 'Đã giải quyết xong, chờ trả kết quả', nationalStatusKey: 'Processed' });
    expect(record.history[0]).toMatchObject({
      nationalStatusName: 'Đã tiếp nhận',
      nationalStatusKey: 'Accepted',
      agencyCode: TRUC_BACH,
      agencyName: WARD_COMMITTEE,
    });
    // the coordinator by name, and each step's agency by name, on the public record too
    expect(record).toMatchObject({ coordinatorId: `${TRUC_BACH}.receiver.1`, coordinatorName: fullName('receiver') });
    const steps = record.history.filter((h: any) => h.source === 'workflow' && h.nationalStatus === 4);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step).toMatchObject({ agencyCode: TRUC_BACH, agencyName: WARD_COMMITTEE });
      expect(step.note).toContain(`(${WARD_COMMITTEE})`);
      expect(step.note).not.toContain(TRUC_BACH);
    }
  });

  it('titles every service’s refusals in Vietnamese, with their stable codes', async () => {
    expect((await call('GET', workflow('/tasks'), null)).body).toMatchObject({
      status: 401,
      code: 'AUTH.TOKEN_MISSING',
      title: 'Chưa đăng nhập: thiếu mã truy cập',
    });
    expect((await call('GET', `${suite.url('intake')}/api/v1/dossiers/${TRUC_BACH}-261126-9999`, await officer(Role.Receiver))).body).toMatchObject({
      status: 404,
      code: 'DOSSIER.NOT_FOUND',
      title: 'Không tìm thấy hồ sơ',
    });
    expect((await call('GET', `${suite.url('notification')}/api/v1/notifications?dossierCode=x&limit=0`, await officer(Role.Receiver))).body).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      title: 'Yêu cầu không hợp lệ',
    });
    expect((await call('GET', workflow('/no-such-thing'), await officer(Role.Receiver))).body).toMatchObject({
      status: 404,
      code: 'HTTP.NOT_FOUND',
      title: 'Không tìm thấy',
    });
  });
});
