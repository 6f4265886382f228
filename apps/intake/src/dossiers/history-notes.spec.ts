import { appointmentNote, supplementRequestNote, taskNote, workingDuration } from './history-notes';

describe('the notes of a dossier’s status history', () => {
  describe('working time', () => {
    it('is said in hours and minutes, leaving out a part that is nought', () => {
      expect(workingDuration(85)).toBe('1 giờ 25 phút');
      expect(workingDuration(180)).toBe('3 giờ');
      expect(workingDuration(25)).toBe('25 phút');
      expect(workingDuration(17 * 60 + 3)).toBe('17 giờ 3 phút');
    });
  });

  describe('a pause for a supplement', () => {
    // Thursday 26/11/2026, 16:00 in Hà Nội; 1 h 25 min of office hours later is Friday 07:55
    const pause = {
      cause: 'supplement_pause' as const,
      previousAppointmentAt: '2026-11-26T09:00:00.000Z',
      appointmentAt: '2026-11-27T00:55:00.000Z',
      pausedWorkingMinutes: 85,
      extension: 0,
      flagged: false,
      reason: null,
    };

    it('says the working time not counted, and the new appointment beside the one it replaces, in Vietnam time', () => {
      expect(appointmentNote(pause)).toBe(
        'Không tính 1 giờ 25 phút làm việc chờ bổ sung hồ sơ: hẹn trả kết quả mới 07:55 ngày 27/11/2026 (thay cho 16:00 ngày 26/11/2026)',
      );
    });

    it('never says nought hours for a pause of a few minutes, nor a fraction of an hour', () => {
      const threeMinutes = appointmentNote({ ...pause, pausedWorkingMinutes: 3, appointmentAt: '2026-11-26T09:03:00.000Z' });
      expect(threeMinutes).toBe('Không tính 3 phút làm việc chờ bổ sung hồ sơ: hẹn trả kết quả mới 16:03 ngày 26/11/2026 (thay cho 16:00 ngày 26/11/2026)');
      const halfAnHour = appointmentNote({ ...pause, pausedWorkingMinutes: 30, appointmentAt: '2026-11-26T09:30:00.000Z' });
      expect(halfAnHour).toMatch(/^Không tính 30 phút làm việc chờ bổ sung hồ sơ: /);
    });

    it('says a pause of working days in hours: a working day’s length is the agency’s office hours', () => {
      expect(appointmentNote({ ...pause, pausedWorkingMinutes: 2 * 8 * 60 + 3 * 60 })).toMatch(/^Không tính 19 giờ làm việc chờ bổ sung hồ sơ: /);
    });

    it('still reads right when the paused time was not told', () => {
      expect(appointmentNote({ ...pause, pausedWorkingMinutes: null })).toMatch(
        /^Không tính thời gian chờ bổ sung hồ sơ: hẹn trả kết quả mới 07:55 ngày 27\/11\/2026/,
      );
    });
  });

  describe('an extension with an apology', () => {
    const extension = {
      cause: 'extension' as const,
      previousAppointmentAt: '2026-11-26T09:00:00.000Z',
      appointmentAt: '2026-11-30T10:00:00.000Z',
      pausedWorkingMinutes: null,
      extension: 1,
      flagged: false,
      reason: 'Cần xác minh thêm với bệnh viện nơi sinh',
    };

    it('says which extension, the new appointment beside the one it replaces, and why', () => {
      expect(appointmentNote(extension)).toBe(
        'Gia hạn lần 1: hẹn trả kết quả mới 17:00 ngày 30/11/2026 (thay cho 16:00 ngày 26/11/2026). Lý do: Cần xác minh thêm với bệnh viện nơi sinh',
      );
    });

    it('marks one extension too many, and leaves out a reason it was not given', () => {
      expect(appointmentNote({ ...extension, extension: 2, flagged: true, reason: null })).toBe(
        'Gia hạn lần 2 (quá một lần): hẹn trả kết quả mới 17:00 ngày 30/11/2026 (thay cho 16:00 ngày 26/11/2026)',
      );
    });
  });

  describe('a step’s task', () => {
    const step = { stepName: 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ', agencyCode: '004.01.20.H26' };

    it('names the step and its agency, by name where the event gives it', () => {
      expect(taskNote({ ...step, agencyName: 'Ủy ban nhân dân phường Trúc Bạch' })).toBe(
        'Công chức tư pháp – hộ tịch kiểm tra hồ sơ (Ủy ban nhân dân phường Trúc Bạch)',
      );
      expect(taskNote(step)).toBe('Công chức tư pháp – hộ tịch kiểm tra hồ sơ (004.01.20.H26)');
    });

    it('says that processing resumed after the applicant’s supplement', () => {
      expect(taskNote({ ...step, resumedAfterSupplementRound: 2 })).toBe(
        'Tiếp tục giải quyết sau khi bổ sung hồ sơ (lần 2): Công chức tư pháp – hộ tịch kiểm tra hồ sơ (004.01.20.H26)',
      );
    });
  });

  describe('a supplement request', () => {
    it('says which round and why', () => {
      expect(supplementRequestNote({ round: 1, reason: 'Giấy chứng sinh là bản sao không chứng thực' })).toBe(
        'Yêu cầu bổ sung hồ sơ (lần 1): Giấy chứng sinh là bản sao không chứng thực',
      );
    });

    it('is not left empty when no reason was given', () => {
      expect(supplementRequestNote({ round: 2, reason: '' })).toBe('Yêu cầu bổ sung hồ sơ (lần 2)');
    });
  });
});
