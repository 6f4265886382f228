import 'reflect-metadata';
import { AppointmentChanged, DeadlineOverdue, DossierAccepted, ReturnMethod, SupplementRequested, TaskCreated, event } from '@motcua/contracts';
import { contactOnReceipt } from './applicant-contact';
import { extensionApologyNotification, overdueNotification, supplementRequestedNotification, supplementResumedNotification } from './applicant-progress';

const DOSSIER = '004.01.20.H26-261126-0002';
const settings = { lookupUrl: 'http://localhost:8080/intake/api/v1/dossiers' };
const contact = contactOnReceipt(
  event(DossierAccepted, {
    dossierCode: DOSSIER,
    nationalStatus: 2,
    sequence: 1,
    occurredAt: '2026-11-26T02:05:00.000Z',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 1,
    receivingAgencyCode: '004.01.20.H26',
    receivingAgencyName: 'Ủy ban nhân dân phường Trúc Bạch',
    coordinatorId: '004.01.20.H26.receiver.1',
    applicant: { fullName: 'Nguyễn Thị Hoa', wardCode: '00004', email: 'hoa@example.vn', phone: '0912345678' },
    returnMethod: ReturnMethod.Desk,
    receivedAt: '2026-11-26T02:05:00.000Z',
    appointmentAt: '2026-12-10T10:00:00.000Z',
  }),
);
const onlyPhone = { ...contact, email: null };
const workflow = { dossierCode: DOSSIER, sequence: 5, occurredAt: '2026-11-27T03:30:00.000Z', coordinatorId: '004.01.20.H26.receiver.1' };

describe('asking the applicant for a supplement', () => {
  const requested = event(SupplementRequested, {
    ...workflow,
    nationalStatus: 5,
    caseId: '0193a1c2-0000-7000-8000-000000000005',
    stepNumber: 2,
    agencyCode: '004.01.20.H26',
    agencyName: 'Ủy ban nhân dân phường Trúc Bạch',
    requestedBy: '004.01.20.H26.specialist.1',
    reason: 'Giấy chứng sinh bị mờ, không đọc được số',
    missing: [{ code: 'GCS', name: 'Giấy chứng sinh' }, { name: 'Bản sao giấy chứng nhận kết hôn' }],
    round: 1,
    coordinatorName: 'Hoàng Ngọc Lan',
  });

  it('lists everything missing, the reason, and whom to contact: the coordinator by name and the desk', () => {
    const draft = supplementRequestedNotification(contact, requested, settings);
    expect(draft).toMatchObject({ templateKey: 'supplement.requested', channel: 'email', recipient: 'hoa@example.vn', status: 'pending' });
    expect(draft.subject).toBe(`Hồ sơ ${DOSSIER}: đề nghị bổ sung hồ sơ`);
    expect(draft.body).toBe(
      [
        'Kính gửi Ông/Bà Nguyễn Thị Hoa,',
        '',
        `Để tiếp tục giải quyết hồ sơ ${DOSSIER} (Đăng ký khai sinh (1.001193)), Ủy ban nhân dân phường Trúc Bạch đề nghị Ông/Bà bổ sung:`,
        '- Giấy chứng sinh',
        '- Bản sao giấy chứng nhận kết hôn',
        'Lý do: Giấy chứng sinh bị mờ, không đọc được số',
        '',
        `Thời gian Ông/Bà bổ sung hồ sơ không tính vào thời hạn giải quyết. Ông/Bà nộp phần bổ sung tại Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch hoặc trực tuyến tại http://localhost:8080/intake/api/v1/dossiers/${DOSSIER} bằng mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
        'Mọi thắc mắc, xin Ông/Bà liên hệ cán bộ đầu mối Hoàng Ngọc Lan tại Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch.',
        '',
        'Trân trọng,',
        'Bộ phận Một cửa',
      ].join('\n'),
    );
  });

  it('goes by SMS in one line', () => {
    expect(supplementRequestedNotification(onlyPhone, requested, settings)).toMatchObject({
      channel: 'sms',
      recipient: '0912345678',
      body: `Hồ sơ ${DOSSIER} cần bổ sung: Giấy chứng sinh; Bản sao giấy chứng nhận kết hôn. Lý do: Giấy chứng sinh bị mờ, không đọc được số. Liên hệ Bộ phận Một cửa Ủy ban nhân dân phường Trúc Bạch.`,
    });
  });

  it('never shows an officer’s id: a coordinator the events did not name is “the dossier’s coordinator”', () => {
    const { body } = supplementRequestedNotification(contact, { ...requested, coordinatorName: undefined }, settings);
    expect(body).toContain('liên hệ cán bộ đầu mối của hồ sơ tại Bộ phận Một cửa');
    expect(body).not.toContain('receiver.1');
  });
});

describe('telling the applicant processing resumed after their supplement', () => {
  const task = (over: Partial<TaskCreated> = {}) =>
    event(TaskCreated, {
      ...workflow,
      nationalStatus: 4,
      taskId: '0193a1c2-0000-7000-8000-000000000006',
      caseId: '0193a1c2-0000-7000-8000-000000000005',
      stepNumber: 2,
      stepName: 'Thẩm định',
      agencyCode: '004.01.20.H26',
      role: 'specialist',
      processVersion: 1,
      resumedAfterSupplementRound: 1,
      ...over,
    });

  it('says it goes on, from when, and the appointment as it stands (moved by the pause)', () => {
    const draft = supplementResumedNotification({ ...contact, appointmentAt: new Date('2026-12-11T03:00:00.000Z') }, task(), settings);
    expect(draft?.subject).toBe(`Hồ sơ ${DOSSIER} được tiếp tục giải quyết`);
    expect(draft?.body).toContain(
      `Hồ sơ ${DOSSIER} (Đăng ký khai sinh (1.001193)) đã nhận đủ phần bổ sung và được tiếp tục giải quyết từ 10:30 ngày 27/11/2026.`,
    );
    expect(draft?.body).toContain('Thời gian hẹn trả kết quả: 10:00 ngày 11/12/2026 (thời gian chờ bổ sung không tính vào thời hạn giải quyết).');
  });

  it('gives the appointment the task carries, even when the pause’s appointment change has not reached the record yet', () => {
    const stale = { ...contact, appointmentAt: new Date('2026-12-08T03:00:00.000Z') };
    const draft = supplementResumedNotification(stale, task({ appointmentAt: '2026-12-11T03:00:00.000Z' }), settings);
    expect(draft?.body).toContain('Thời gian hẹn trả kết quả: 10:00 ngày 11/12/2026');
  });

  it('is for the resumed step’s task only', () => {
    expect(supplementResumedNotification(contact, task({ resumedAfterSupplementRound: undefined }), settings)).toBeNull();
  });
});

describe('the apology with a new appointment', () => {
  const changed = (over: Partial<AppointmentChanged> = {}) =>
    event(AppointmentChanged, {
      ...workflow,
      nationalStatus: 4,
      cause: 'extension',
      appointmentAt: '2026-12-17T10:00:00.000Z',
      previousAppointmentAt: '2026-12-10T10:00:00.000Z',
      originalAppointmentAt: '2026-12-10T10:00:00.000Z',
      pausedWorkingMinutes: null,
      reason: 'Cần xác minh thông tin khai sinh với Ủy ban nhân dân xã nơi sinh',
      extension: 1,
      flagged: false,
      actorId: '004.01.20.H26.specialist.1',
      ...over,
    });

  it('apologises, says why, and gives the original and the new appointment', () => {
    const draft = extensionApologyNotification(contact, changed(), settings);
    expect(draft).toMatchObject({
      templateKey: 'appointment.extended',
      channel: 'email',
      subject: `Hồ sơ ${DOSSIER}: thư xin lỗi và hẹn lại ngày trả kết quả`,
    });
    expect(draft?.body).toBe(
      [
        'Kính gửi Ông/Bà Nguyễn Thị Hoa,',
        '',
        `Hồ sơ ${DOSSIER} (Đăng ký khai sinh (1.001193)) của Ông/Bà có thời gian hẹn trả kết quả là 17:00 ngày 10/12/2026, nhưng việc giải quyết chưa thể hoàn thành đúng hẹn.`,
        'Lý do: Cần xác minh thông tin khai sinh với Ủy ban nhân dân xã nơi sinh',
        'Chúng tôi thành thật xin lỗi Ông/Bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả vào 17:00 ngày 17/12/2026.',
        'Mọi thắc mắc, xin Ông/Bà liên hệ cán bộ đầu mối của hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân phường Trúc Bạch.',
        '',
        'Trân trọng,',
        'Bộ phận Một cửa',
      ].join('\n'),
    );
  });

  it('by SMS, in short', () => {
    expect(extensionApologyNotification(onlyPhone, changed(), settings)?.body).toBe(
      `Xin lỗi Ông/Bà: hồ sơ ${DOSSIER} chưa thể trả kết quả đúng hẹn 17:00 ngày 10/12/2026 (Cần xác minh thông tin khai sinh với Ủy ban nhân dân xã nơi sinh). Hẹn lại: 17:00 ngày 17/12/2026.`,
    );
  });

  it('keeps the receipt’s appointment as the original on a second extension', () => {
    const second = changed({ previousAppointmentAt: '2026-12-17T10:00:00.000Z', appointmentAt: '2026-12-24T10:00:00.000Z', extension: 2, flagged: true });
    expect(extensionApologyNotification(contact, second, settings)?.body).toContain('hẹn trả kết quả là 17:00 ngày 10/12/2026');
  });

  it('is not sent for a supplement’s pause (told with the resumed processing)', () => {
    expect(extensionApologyNotification(contact, changed({ cause: 'supplement_pause', reason: null, pausedWorkingMinutes: 90 }), settings)).toBeNull();
  });
});

describe('telling the applicant the appointment passed', () => {
  const overdue = (over: Partial<DeadlineOverdue> = {}) =>
    event(DeadlineOverdue, {
      ...workflow,
      nationalStatus: 4,
      subject: 'dossier',
      taskId: null,
      agencyCode: '004.01.20.H26',
      deadline: '2026-12-10T10:00:00.000Z',
      ownerId: null,
      escalatedTo: [],
      ...over,
    });

  it('apologises when no extension was given', () => {
    const draft = overdueNotification(contact, overdue(), settings);
    expect(draft?.subject).toBe(`Hồ sơ ${DOSSIER}: chưa có kết quả đúng hẹn`);
    expect(draft?.body).toContain('có thời gian hẹn trả kết quả là 17:00 ngày 10/12/2026 nhưng đến nay chưa có kết quả.');
  });

  it('says nothing after an apology with a new appointment, nor of a task’s deadline', () => {
    expect(overdueNotification({ ...contact, extended: true }, overdue(), settings)).toBeNull();
    expect(overdueNotification(contact, overdue({ subject: 'task', taskId: '0193a1c2-0000-7000-8000-000000000006' }), settings)).toBeNull();
  });
});
