import { Role } from '@motcua/auth';
import { WorkingCalendar, formatVietnamDateTime, toVietnamIso } from '@motcua/calendar';
import { type AnyJson, callApi, eventually, receiveDossier, taskInQueue, useSuite } from '@motcua/testing';
import { procedures } from '../apps/workflow/src/migrations/seed/1764150000006-procedures';
import { type RunningSmsGatewaySimulator, startSmsGatewaySimulator } from '../simulators/sms-gateway/sms-gateway-simulator';
import { type SmtpSimulator, startSmtpSimulator } from '../simulators/smtp/smtp-simulator';

/**
 * Issue 18, end to end: a dossier walked from the desk's receipt to the hand-over leaves its applicant exactly the
 * messages the rules promise, each once and in order, at the provider (a real SMTP server; the SMS brandname
 * gateway's simulator) and in the delivery log the desk reads. Intake, workflow and notification run as processes
 * on the real broker and databases; both providers run in this test's process.
 *
 * The walk goes at a person's pace: after each step that tells the applicant something, the test waits for that
 * message at the provider before the next step (as minutes would pass at a real desk), so that the order is the
 * product's and not a race of the test. Then, once notification has consumed the hand-over (the coordinator's
 * milestone is in the log), the whole sequence is compared exactly: a message missing, extra, repeated or out of
 * order fails it.
 */
describe('what the applicant is told, from receipt to hand-over', () => {
  const SMS_API_KEY = 'journey-sms-api-key';
  const SMS_SECRET = 'journey-sms-callback-secret';
  const TRUC_BACH = '004.01.20.H26'; // phường Trúc Bạch: birth registration, received and decided at the ward
  const BA_DINH = '000.01.20.H26'; // quận Ba Đình: household business registration, received at the district desk
  const BA_DINH_ECONOMY = '004.01.21.H26'; // Phòng Kinh tế quận Ba Đình, which decides it
  /** The applicant's templates (message-templates.ts, audience applicant): nothing else may reach their channel. */
  const APPLICANT_TEMPLATES = [
    'dossier.received',
    'supplement.requested',
    'supplement.resumed',
    'appointment.extended',
    'dossier.overdue',
    'result.ready_at_desk',
    'result.by_post',
    'result.electronic',
    'dossier.stopped',
    'dossier.withdrawn',
  ];
  const calendar = new WorkingCalendar();

  // The providers first: the services read where they listen when they start (useSuite's env function is called
  // in its beforeAll, which runs after this one).
  let smtp: SmtpSimulator;
  let gateway: RunningSmsGatewaySimulator;
  beforeAll(async () => {
    smtp = await startSmtpSimulator();
    gateway = await startSmsGatewaySimulator({ apiKey: SMS_API_KEY, callbackSecret: SMS_SECRET, reportDelayMs: 50 });
  });

  const fixture = useSuite('applicant-journey', ['intake', 'workflow', 'notification'], () => ({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.smtpPort),
    SMS_GATEWAY_URL: gateway.url,
    SMS_GATEWAY_API_KEY: SMS_API_KEY,
    SMS_CALLBACK_SECRET: SMS_SECRET,
    DELIVERY_POLL_INTERVAL_MS: '20',
  }));
  const { suite } = fixture;
  const workflow = fixture.api('workflow');

  // The gateway reports deliveries to notification, which listens only now.
  beforeAll(() => {
    gateway.control({ callbackUrl: `${suite.url('notification')}/api/v1/delivery-reports/sms` });
  });

  afterAll(async () => {
    await smtp?.close();
    await gateway?.close();
  });

  /** Claims the dossier's task at `agency` as officer 1 of `role`; returns the task as claimed (its new version). */
  async function claim(code: string, agency: string, role: Role) {
    const token = await fixture.anOfficer(agency, role);
    const task = await taskInQueue(fixture, code, agency, token, 'none');
    expect(task).toMatchObject({ role, agencyCode: agency, ownerId: null });
    const claimed = await callApi('POST', workflow(`/tasks/${task.id}/claim`), token, { version: task.version });
    expect(claimed.status).toBe(200);
    return { token, id: task.id as string, version: claimed.body.version as number };
  }

  async function act(task: { token: string; id: string; version: number }, action: string, more: Record<string, unknown> = {}) {
    const done = await callApi('POST', workflow(`/tasks/${task.id}/actions`), task.token, { version: task.version, action, ...more });
    expect([action, done.status]).toEqual([action, 200]);
    return done.body;
  }

  /** Claims and finishes the dossier's task at `agency` with `action`. */
  const step = async (code: string, agency: string, role: Role, action: string) => act(await claim(code, agency, role), action);

  /** The dossier's whole delivery log as its receiving desk reads it, oldest first. */
  async function deliveryLog(code: string, desk: string): Promise<AnyJson[]> {
    const token = await fixture.anOfficer(desk, Role.Receiver);
    const items: AnyJson[] = [];
    let cursor: string | null = null;
    do {
      const page: AnyJson = await callApi(
        'GET',
        `${suite.url('notification')}/api/v1/notifications?dossierCode=${code}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
      );
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  const mailsAbout = (code: string) => smtp.messages().filter((m) => m.subject?.includes(code) || m.text?.includes(code));
  const mailsTo = (address: string) => smtp.messages().filter((m) => m.to.includes(address));

  /** Waits until the applicant's mailbox holds `count` mails; returns them. */
  const mailboxHolds = (address: string, count: number) =>
    eventually(() => mailsTo(address).length >= count && mailsTo(address), `${count} mail(s) to ${address}`, 15_000);
  const phoneHolds = (phone: string, count: number) =>
    eventually(() => gateway.messages(phone).length >= count && gateway.messages(phone), `${count} SMS to ${phone}`, 15_000);

  /**
   * Once notification has consumed the hand-over (its milestone to the coordinator is logged) and every applicant
   * message in the log has left (sent, or delivered as the provider reported): the log. A message the hand-over
   * would have added is in the log by then, in the same transaction as the milestone.
   */
  const settledLog = (code: string, desk: string) =>
    eventually(
      async () => {
        const log = await deliveryLog(code, desk);
        const handedOver = log.some((n) => n.templateKey === 'coordinator.milestone' && n.subject === `Hồ sơ ${code}: đã trả kết quả cho người nộp`);
        const leftAll = log.filter((n) => n.channel !== 'officer').every((n) => n.status === 'sent' || n.status === 'delivered');
        return handedOver && leftAll && log;
      },
      `the delivery log of ${code} settled after the hand-over`,
      15_000,
    );

  /** A few more dispatcher polls (20 ms each) and delivery reports: time for anything extra to show. */
  const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Each template key once: a duplicate shows as a count above 1. */
  const countsOf = (keys: string[]) => Object.fromEntries([...new Set(keys)].map((k) => [k, keys.filter((x) => x === k).length]));

  /** The text as the SMS adapter sends it: without diacritics, paragraphs closed up (this test's own reading). */
  const withoutDiacritics = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/ *\n[ \n]*/g, '\n')
      .trim();

  it('by email: received, then the result ready at the desk — each once, in order, at the SMTP server and in the log', async () => {
    const email = `hoa.journey.${Date.now()}@example.vn`;
    const receipt = await receiveDossier(fixture, { desk: TRUC_BACH, wardCode: '00004', fullName: 'Nguyễn Thị Hoa', applicant: { email } });
    expect(receipt.status).toBe(201);
    const code: string = receipt.body.code;
    const [received] = await mailboxHolds(email, 1);

    await step(code, TRUC_BACH, Role.Specialist, 'forward');
    const signed = await step(code, TRUC_BACH, Role.Leader, 'sign');
    expect(signed.nationalStatus).toBe(9);
    const [, ready] = await mailboxHolds(email, 2);
    const handedOver = await step(code, TRUC_BACH, Role.Returner, 'hand_over');
    expect(handedOver).toMatchObject({ status: 'done', nationalStatus: 10 });

    const log = await settledLog(code, TRUC_BACH);
    await quietFor(1_000);
    const finalLog = await deliveryLog(code, TRUC_BACH);
    expect(finalLog.map((n) => n.id)).toEqual(log.map((n) => n.id)); // nothing more came

    // at the SMTP server: exactly these two, in this order, to the applicant only
    const mails = mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual([`Hồ sơ ${code} đã được tiếp nhận`, `Hồ sơ ${code} đã có kết quả`]);
    expect(mailsAbout(code)).toEqual(mails); // nobody else got mail about the dossier (no officer, no second address)
    expect(mails.every((m) => m.to.length === 1 && m.to[0] === email)).toBe(true);
    expect(received.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Hoa,');
    expect(received.text).toContain(`- Mã hồ sơ: ${code}`);
    expect(received.text).toContain('- Hình thức nhận kết quả: Nhận trực tiếp tại Bộ phận Một cửa');
    const record = (await callApi('GET', `${suite.url('intake')}/api/v1/dossiers/${code}`, await fixture.anOfficer(TRUC_BACH, Role.Receiver))).body;
    expect(received.text).toContain(`- Thời gian hẹn trả kết quả: ${formatVietnamDateTime(new Date(record.appointmentAt))}`);
    expect(ready.text).toContain(`Hồ sơ ${code} (`);
    expect(ready.text).toContain('đã được giải quyết xong lúc');
    expect(ready.text).toContain('Mời Ông/Bà đến Bộ phận Một cửa của');
    for (const mail of mails) {
      expect(mail.text).toContain('Trân trọng,\nBộ phận Một cửa');
      expect(mail.text).not.toMatch(/\.(receiver|specialist|leader|returner)\.\d/); // never an officer's id
    }

    // in the log: the same two applicant messages, the same order, each sent (by the same Message-ID) once
    const toApplicant = finalLog.filter((n) => n.channel !== 'officer');
    expect(toApplicant.map((n) => n.templateKey)).toEqual(['dossier.received', 'result.ready_at_desk']);
    expect(countsOf(toApplicant.map((n) => n.templateKey))).toEqual({ 'dossier.received': 1, 'result.ready_at_desk': 1 });
    expect(toApplicant.map((n) => [n.channel, n.recipient, n.subject])).toEqual(mails.map((m) => ['email', email, m.subject]));
    expect(toApplicant.map((n) => n.status)).toEqual(['sent', 'sent']);
    expect(mails.map((m) => m.messageId)).toEqual(toApplicant.map((n) => expect.stringMatching(new RegExp(`^<${n.id}@`))));
    expect(toApplicant.map((n) => n.body)).toEqual(mails.map((m) => m.text?.trimEnd()));
    // the officers' messages stay in their inbox channel, addressed to officers, never in the applicant's channel
    const toOfficers = finalLog.filter((n) => n.channel === 'officer');
    expect(toOfficers.every((n) => !APPLICANT_TEMPLATES.includes(n.templateKey) && n.recipient !== email)).toBe(true);
    expect(toOfficers.map((n) => n.subject).sort()).toEqual([`Hồ sơ ${code}: kết quả đã được ký`, `Hồ sơ ${code}: đã trả kết quả cho người nộp`]);
    expect(finalLog.every((n) => n.channel === 'officer' || APPLICANT_TEMPLATES.includes(n.templateKey))).toBe(true);
  });

  it('by SMS (a phone number only): received, supplement asked, resumed, extension apology, result ready — each once, in order', async () => {
    // 1.001612 (household business, 3 working days): its appointment is always more than a working day away at
    // receipt, so the owner may ask for an extension (extension-rules.ts) without the test moving any time.
    const phone = `098${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const seeded = procedures.find((p) => p.code === '1.001612')!;
    const receipt = await receiveDossier(fixture, {
      procedureCode: '1.001612',
      desk: BA_DINH,
      wardCode: '00004',
      fullName: 'Trần Văn Bình',
      documents: seeded.documents.filter((d) => d.required).map(({ code, name }) => ({ code, name })),
      applicant: { phone },
    });
    expect(receipt.status).toBe(201);
    const code: string = receipt.body.code;
    await phoneHolds(phone, 1);
    const receiver = await fixture.anOfficer(BA_DINH, Role.Receiver);
    const slipOf = async () => (await callApi('GET', workflow(`/dossiers/${code}/control-slip`), receiver)).body;
    const originalAppointment = new Date((await eventually(async () => (await slipOf()).appointmentAt, 'the appointment at workflow')) as string);

    // the economy division asks for what is missing, at once and with a reason
    const missing = [{ name: 'Bản sao biên bản họp thành viên hộ gia đình' }];
    await act(await claim(code, BA_DINH_ECONOMY, Role.Specialist), 'request_supplement', {
      note: 'Hộ gia đình đăng ký kinh doanh cần biên bản họp',
      missing,
    });
    await phoneHolds(phone, 2);
    await eventually(
      async () => (await callApi('GET', `${suite.url('intake')}/api/v1/dossiers/${code}`, receiver)).body.nationalStatus === 5,
      'status 5 at intake',
    );

    // the applicant supplies it online, with the secret printed on the receipt
    const supplied = await callApi(
      'POST',
      `${suite.url('intake')}/api/v1/dossiers/${code}/supplements`,
      null,
      { documents: missing },
      {
        'x-lookup-secret': receipt.body.lookupSecret,
      },
    );
    expect(supplied.status).toBeLessThan(300);
    await phoneHolds(phone, 3);

    // the owner of the resumed step gives a new appointment with an apology, two working days after the current one
    const owner = await claim(code, BA_DINH_ECONOMY, Role.Specialist);
    const current = new Date((await slipOf()).appointmentAt as string);
    const newAppointment = calendar.addWorkingHours(current, 16);
    const reason = 'Cần xác minh thêm địa điểm kinh doanh với Ủy ban nhân dân phường';
    const extended = await callApi('POST', workflow(`/tasks/${owner.id}/extension`), owner.token, {
      version: owner.version,
      reason,
      newAppointmentAt: toVietnamIso(newAppointment),
    });
    expect(extended.status).toBe(200);
    await phoneHolds(phone, 4);

    await act({ ...owner, version: extended.body.version }, 'forward');
    const signed = await step(code, BA_DINH_ECONOMY, Role.DivisionHead, 'sign');
    expect(signed.nationalStatus).toBe(9);
    await phoneHolds(phone, 5);
    expect(await step(code, BA_DINH, Role.Returner, 'hand_over')).toMatchObject({ status: 'done', nationalStatus: 10 });

    const log = await settledLog(code, BA_DINH);
    await quietFor(1_000);
    const finalLog = await deliveryLog(code, BA_DINH);
    expect(finalLog.map((n) => n.id)).toEqual(log.map((n) => n.id)); // nothing more came

    // in the log: the five applicant messages, in order, by SMS to the number given, each once
    const toApplicant = finalLog.filter((n) => n.channel !== 'officer');
    const expected = ['dossier.received', 'supplement.requested', 'supplement.resumed', 'appointment.extended', 'result.ready_at_desk'];
    expect(toApplicant.map((n) => n.templateKey)).toEqual(expected);
    expect(Object.values(countsOf(toApplicant.map((n) => n.templateKey)))).toEqual([1, 1, 1, 1, 1]);
    expect(toApplicant.every((n) => n.channel === 'sms' && n.recipient === phone)).toBe(true);
    expect(toApplicant.every((n) => n.status === 'sent' || n.status === 'delivered')).toBe(true);
    expect(toApplicant.map((n) => n.subject)).toEqual([
      `Hồ sơ ${code} đã được tiếp nhận`,
      `Hồ sơ ${code}: đề nghị bổ sung hồ sơ`,
      `Hồ sơ ${code} được tiếp tục giải quyết`,
      `Hồ sơ ${code}: thư xin lỗi và hẹn lại ngày trả kết quả`,
      `Hồ sơ ${code} đã có kết quả`,
    ]);
    // the short forms, in Vietnamese with diacritics as the log keeps them
    const [receivedSms, askedSms, resumedSms, apologySms, readySms] = toApplicant.map((n) => n.body as string);
    expect(receivedSms).toContain(`Hồ sơ ${code} đã được tiếp nhận lúc`);
    expect(receivedSms).toContain(`hẹn trả kết quả ${formatVietnamDateTime(originalAppointment)}`);
    expect(askedSms).toBe(
      `Hồ sơ ${code} cần bổ sung: Bản sao biên bản họp thành viên hộ gia đình. Lý do: Hộ gia đình đăng ký kinh doanh cần biên bản họp. Liên hệ Bộ phận Một cửa Ủy ban nhân dân quận Ba Đình.`,
    );
    expect(resumedSms).toBe(`Hồ sơ ${code} đã nhận đủ phần bổ sung và được tiếp tục giải quyết. Hẹn trả kết quả: ${formatVietnamDateTime(current)}.`);
    expect(apologySms).toBe(
      `Xin lỗi Ông/Bà: hồ sơ ${code} chưa thể trả kết quả đúng hẹn ${formatVietnamDateTime(originalAppointment)} (${reason}). Hẹn lại: ${formatVietnamDateTime(newAppointment)}.`,
    );
    expect(readySms).toBe(
      `Hồ sơ ${code} đã có kết quả. Mời Ông/Bà đến Bộ phận Một cửa Ủy ban nhân dân quận Ba Đình nhận kết quả, mang theo giấy tiếp nhận và giấy tờ tùy thân.`,
    );

    // at the gateway: the same five, in the same order (its request id is the log's id), without diacritics, once each
    const texts = gateway.messages(phone);
    expect(texts.map((m) => m.requestId)).toEqual(toApplicant.map((n) => n.id));
    expect(texts.map((m) => m.text)).toEqual(toApplicant.map((n) => withoutDiacritics(n.body)));
    expect(texts.every((m) => m.duplicates === 0 && m.brandname === 'MOTCUA')).toBe(true);
    // no email about this dossier, no SMS to anyone else about it; the officers' messages in their own channel
    expect(mailsAbout(code)).toEqual([]);
    expect(gateway.messages().filter((m) => m.text.includes(code))).toEqual(texts);
    const toOfficers = finalLog.filter((n) => n.channel === 'officer');
    expect(toOfficers.every((n) => !APPLICANT_TEMPLATES.includes(n.templateKey) && n.recipient !== phone)).toBe(true);
    expect(toOfficers.map((n) => n.templateKey)).toEqual(toOfficers.map(() => 'coordinator.milestone'));
  });
});
