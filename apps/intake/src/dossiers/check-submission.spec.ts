import type { Directory, DirectoryAgency, ProcedureRules } from '@motcua/catalogue';
import { type Submission, type SubmissionCatalogue, checkSubmission } from './check-submission';

// Hà Nội (01) → quận Ba Đình (001) → phường Phúc Xá (00001), phường Trúc Bạch (00004);
// huyện Ba Vì (271) → xã Ba Trại (09700), which (in this test) has no committee in force
const desk = (code: string, kind: string, level: string, areaCode: string, hasDesk = true) => ({
  code,
  kind,
  level,
  areaCode,
  hasDesk,
  validFrom: '2018-01-01',
  validTo: null,
});
const agencies = [
  desk('000.00.00.H26', 'people_committee', 'city', '01', false),
  desk('000.00.05.H26', 'department_justice', 'city', '01'),
  desk('000.01.20.H26', 'people_committee', 'district', '001'),
  desk('000.19.20.H26', 'people_committee', 'district', '271'),
  desk('001.01.20.H26', 'people_committee', 'ward', '00001'),
  desk('004.01.20.H26', 'people_committee', 'ward', '00004'),
  desk('001.01.21.H26', 'justice_division', 'district', '001', false),
];
const organisation: Directory = {
  agencies,
  parentOfArea: new Map([
    ['01', null],
    ['001', '01'],
    ['271', '01'],
    ['00001', '001'],
    ['00004', '001'],
    ['09700', '271'],
  ]),
};

const birthRegistration: ProcedureRules = {
  code: '1.001193',
  active: true,
  channels: [1, 2, 3],
  desks: [{ kind: 'competent', level: 'ward', agencyKind: 'people_committee' }],
  documents: [
    { code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', required: true, copies: 1 },
    { code: 'GCS', name: 'Giấy chứng sinh', required: true, copies: 1 },
    { code: 'UQ', name: 'Văn bản ủy quyền', required: false, copies: 1 },
  ],
  steps: [
    {
      number: 1,
      name: 'Kiểm tra',
      agency: { kind: 'competent', level: 'ward', agencyKind: 'people_committee' },
      role: 'specialist',
      budgetHours: 4,
      actions: ['forward'],
    },
    { number: 2, name: 'Trả kết quả', agency: { kind: 'receiving' }, role: 'returner', budgetHours: 2, actions: ['hand_over'] },
  ],
};
const criminalRecord: ProcedureRules = {
  code: '2.000000',
  active: true,
  channels: [1, 2],
  desks: [
    { kind: 'fixed', agencyCode: '000.00.05.H26' },
    { kind: 'any', level: 'district', agencyKind: 'people_committee' },
  ],
  documents: [{ code: 'TK', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', required: true, copies: 1 }],
  steps: [
    { number: 1, name: 'Sở Tư pháp xử lý', agency: { kind: 'fixed', agencyCode: '000.00.05.H26' }, role: 'specialist', budgetHours: 40, actions: ['forward'] },
    { number: 2, name: 'Trả kết quả', agency: { kind: 'receiving' }, role: 'returner', budgetHours: 2, actions: ['hand_over'] },
  ],
};

const catalogue = (procedures: ProcedureRules[]): SubmissionCatalogue => ({
  procedure: (code) => procedures.find((p) => p.code === code),
  agency: (code) => agencies.find((a) => a.code === code) as (DirectoryAgency & { hasDesk: boolean }) | undefined,
  area: (code) => (organisation.parentOfArea.has(code) ? { level: code.length === 5 ? 'ward' : 'district' } : undefined),
  organisation,
});

const birthAtTrucBach: Submission = {
  procedureCode: '1.001193',
  channel: 1,
  receivingAgencyCode: '004.01.20.H26',
  wardCode: '00004',
  documents: [{ code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh' }, { name: 'giấy chứng sinh ' }],
};
const today = '2026-11-26';
const check = (submission: Partial<Submission>, procedures = [birthRegistration, criminalRecord]) =>
  checkSubmission({ ...birthAtTrucBach, ...submission }, catalogue(procedures), today);

describe('whether a desk may accept a dossier', () => {
  it('accepts a complete dossier at the applicant’s own ward desk (documents matched by code or by name)', () => {
    expect(check({})).toBeNull();
  });

  it.each([
    [{ procedureCode: '9.999999' }, 'DOSSIER.PROCEDURE_UNKNOWN', 'procedureCode'],
    [{ channel: 4 }, 'DOSSIER.CHANNEL_NOT_ALLOWED', 'channel'],
    [{ wardCode: '99999' }, 'DOSSIER.AREA_UNKNOWN', 'applicant.wardCode'],
    [{ wardCode: '00001' }, 'DOSSIER.DESK_NOT_ALLOWED', 'receivingAgencyCode'],
    [{ receivingAgencyCode: '000.01.20.H26' }, 'DOSSIER.DESK_NOT_ALLOWED', 'receivingAgencyCode'],
    [{ receivingAgencyCode: '001.01.21.H26' }, 'DOSSIER.DESK_NOT_ALLOWED', 'receivingAgencyCode'],
    [{ receivingAgencyCode: '999.99.99.H26' }, 'DOSSIER.DESK_NOT_ALLOWED', 'receivingAgencyCode'],
  ])('refuses %j with %s naming %s', (submission, code, field) => {
    expect(check(submission)).toMatchObject({ code, errors: [expect.objectContaining({ field })] });
  });

  it('refuses a deactivated procedure', () => {
    expect(check({}, [{ ...birthRegistration, active: false }])).toMatchObject({ code: 'DOSSIER.PROCEDURE_INACTIVE' });
  });

  it('lists every missing required document, and never an optional one', () => {
    const refusal = check({ documents: [{ name: 'Văn bản ủy quyền' }] });
    expect(refusal).toMatchObject({ code: 'DOSSIER.DOCUMENTS_MISSING' });
    expect(refusal?.errors?.map((e) => e.message)).toEqual(['TK-KS: Tờ khai đăng ký khai sinh', 'GCS: Giấy chứng sinh']);
  });

  it('lets any district desk of the city receive a city procedure, wherever the applicant lives, and not a ward desk', () => {
    const criminal = { procedureCode: '2.000000', documents: [{ code: 'TK', name: 'Tờ khai' }] };
    expect(check({ ...criminal, receivingAgencyCode: '000.19.20.H26', wardCode: '00004' })).toBeNull();
    expect(check({ ...criminal, receivingAgencyCode: '000.00.05.H26', wardCode: '09700' })).toBeNull();
    expect(check({ ...criminal, receivingAgencyCode: '004.01.20.H26' })).toMatchObject({ code: 'DOSSIER.DESK_NOT_ALLOWED' });
  });

  it('refuses a desk whose agency was dissolved, and an any-ward rule for an applicant of another city', () => {
    const dissolved = catalogue([birthRegistration]);
    const expired = { ...agencies.find((a) => a.code === '004.01.20.H26')!, validTo: '2025-06-30' };
    expect(checkSubmission(birthAtTrucBach, { ...dissolved, agency: (code) => (code === expired.code ? expired : undefined) }, today)).toMatchObject({
      code: 'DOSSIER.DESK_NOT_ALLOWED',
    });

    const anyWardDesk: ProcedureRules = { ...birthRegistration, desks: [{ kind: 'any', level: 'ward', agencyKind: 'people_committee' }] };
    const twoCities: SubmissionCatalogue = {
      ...catalogue([anyWardDesk]),
      area: (code) => (code === '26734' || organisation.parentOfArea.has(code) ? { level: 'ward' } : undefined),
      organisation: { agencies, parentOfArea: new Map([...organisation.parentOfArea, ['79', null], ['760', '79'], ['26734', '760']]) },
    };
    // a Hồ Chí Minh City ward (26734) is not the Trúc Bạch desk's city
    expect(checkSubmission({ ...birthAtTrucBach, wardCode: '26734' }, twoCities, today)).toMatchObject({ code: 'DOSSIER.DESK_NOT_ALLOWED' });
  });

  it('refuses, rather than routes to nobody, an applicant whose area has no competent body at a step', () => {
    const anyWardDesk: ProcedureRules = { ...birthRegistration, desks: [{ kind: 'any', level: 'ward', agencyKind: 'people_committee' }] };
    // xã Ba Trại has no ward committee here: the desk may receive, but step 1 has no competent body
    expect(check({ wardCode: '09700' }, [anyWardDesk])).toMatchObject({
      code: 'DOSSIER.NO_COMPETENT_AGENCY',
      errors: [expect.objectContaining({ field: 'applicant.wardCode', message: expect.stringContaining('step 1') })],
    });
  });
});
