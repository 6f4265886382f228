import type { OfficialSchedule } from './official-schedule';

/**
 * The published yearly schedules for civil servants, as data. Each day names its source; docs/calendar-sources.md
 * says how far each was checked. The dates the Labour Code fixes (1/1, mùng 1 Tết, 10/3 âm lịch, 30/4, 1/5, 2/9)
 * apply without being listed; the rest of each Tết break is listed in full, as published.
 *
 * 2027: no schedule was found published (checked 2026-11-26), so 2027 uses the Labour Code defaults.
 */

const SOURCES = {
  tet2025:
    'Văn phòng Chính phủ, Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Thủ tướng đồng ý nghỉ Tết Ất Tỵ 25/01–02/02/2025, năm ngày nghỉ Tết 27–31/01); ' +
    'Bộ LĐTBXH, thông báo ngày 03/12/2024 — https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html, ' +
    'https://en.sggp.org.vn/ministry-asks-public-holidays-to-be-announced-at-least-30-days-in-advance-post114254.html',
  reunification2025:
    'Thủ tướng đồng ý hoán đổi ngày làm việc thứ Sáu 02/5/2025 sang thứ Bảy 26/4/2025 (nghỉ 30/4–04/5) — Cổng Thông tin điện tử Chính phủ, ' +
    'https://en.baochinhphu.vn/three-days-off-in-celebration-for-hung-kings-commemoration-day-111250304153250976.htm',
  nationalDay2025:
    'Bộ Nội vụ, thông báo nghỉ lễ Quốc khánh 2025 từ thứ Bảy 30/8 đến hết thứ Ba 02/9 (ngày liền kề: thứ Hai 01/9) — ' +
    'https://vietnamnews.vn/society/1722634/national-day-holiday-to-last-four-days.html, ' +
    'https://en.sggp.org.vn/vietnamese-workers-to-have-four-days-off-for-national-day-2025-post119346.html',
  newYear2026:
    'Văn phòng Chính phủ, Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng đồng ý nghỉ 01–04/01/2026, hoán đổi thứ Sáu 02/01 sang thứ Bảy 10/01) — ' +
    'https://helpall247.com/en/news/2026-new-year-holiday-4-days, ' +
    'https://thanhnien.vn/nguoi-lao-dong-co-the-nghi-le-tet-toi-26-ngay-trong-nam-2026-185260113172347178.htm',
  tetAndNationalDay2026:
    'Văn phòng Chính phủ, thông báo ngày 13/10/2025 (Thủ tướng phê duyệt nghỉ Tết Bính Ngọ 14–22/02/2026 và Quốc khánh 29/8–02/9/2026, ' +
    'hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8) — https://www.vietnam-briefing.com/news/2026-vietnam-public-holiday-schedule-tet-national-day-holidays.html, ' +
    'https://vietnammedia.vnanet.vn/video/lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-165342.htm',
  hungKings2026:
    'Giỗ Tổ Hùng Vương 26/4/2026 là Chủ nhật, nghỉ bù thứ Hai 27/4 (Bộ luật Lao động, Điều 111 khoản 3) — ' +
    'https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm, ' +
    'https://www.vietnam-briefing.com/news/2026-vietnam-public-holiday-schedule-tet-national-day-holidays.html',
};

const tetDays = (dates: readonly string[], name: string, source: string) => dates.map((date) => ({ date, name, source }));

export const OFFICIAL_SCHEDULES: readonly OfficialSchedule[] = [
  {
    year: 2025,
    source: 'Bộ Lao động – Thương binh và Xã hội (đến 02/2025) và Bộ Nội vụ: lịch nghỉ lễ, Tết năm 2025 đối với cán bộ, công chức, viên chức',
    daysOff: [
      ...tetDays(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], 'Tết Nguyên đán Ất Tỵ', SOURCES.tet2025),
      { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4)', source: SOURCES.reunification2025 },
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)', source: SOURCES.nationalDay2025 },
    ],
    workingDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/5', source: SOURCES.reunification2025 }],
  },
  {
    year: 2026,
    source: 'Bộ Nội vụ: lịch nghỉ lễ, Tết năm 2026 đối với cán bộ, công chức, viên chức',
    daysOff: [
      { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01)', source: SOURCES.newYear2026 },
      ...tetDays(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], 'Tết Nguyên đán Bính Ngọ', SOURCES.tetAndNationalDay2026),
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', source: SOURCES.hungKings2026 },
      { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8)', source: SOURCES.tetAndNationalDay2026 },
      { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)', source: SOURCES.tetAndNationalDay2026 },
    ],
    workingDays: [
      { date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01', source: SOURCES.newYear2026 },
      { date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8', source: SOURCES.tetAndNationalDay2026 },
    ],
  },
];
