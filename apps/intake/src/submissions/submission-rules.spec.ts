import type { Directory, ProcedureRules } from '@motcua/catalogue';
import { checkFiling, checkRefusal, refuseDecision } from './submission-rules';

// Hà Nội (01) → quận Ba Đình (001) → phường Trúc Bạch (00004), whose committee's desk receives birth registrations
const trucBach = { code: '004.01.20.H26', kind: 'people_committee', level: 'ward', areaCode: '00004', hasDesk: true, validFrom: '2018-01-01', validTo: null };
const organisation: Directory = {
  agencies: [trucBach],
  parentOfArea: new Map([
    ['01', null],
    ['001', '01'],
    ['00004', '001'],
  ]),
};
const procedure = (code: string, channels: number[]): ProcedureRules => ({
  code,
  active: true,
  channels,
  desks: [{ kind: 'fixed', agencyCode: trucBach.code }],
  documents: [
    { code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', required: true, copies: 1 },
    { code: 'GCS', name: 'Giấy chứng sinh', required: true, copies: 1 },
  ],
  steps: [{ number: 1, name: 'Trả kết quả', agency: { kind: 'receiving' }, role: 'returner', budgetHours: 2, actions: ['hand_over'] }],
});
const procedures = new Map([
  ['1.001193', procedure('1.001193', [1, 2, 3])],
  ['2.000815', procedure('2.000815', [1])],
]);
const catalogue = {
  procedure: (code: string) => procedures.get(code),
  agency: (code: string) => (code === trucBach.code ? trucBach : undefined),
  area: (code: string) => (organisation.parentOfArea.has(code) ? { level: code.length === 5 ? 'ward' : 'district' } : undefined),
  organisation,
};

const now = new Date('2026-12-08T03:00:00Z');
const aFiling = (overrides: object = {}) => ({
  procedureCode: '1.001193',
  receivingAgencyCode: trucBach.code,
  applicant: { wardCode: '00004' },
  documents: [{ code: 'TK-KS', name: 'Tờ khai' }],
  returnMethod: 'desk',
  filedAt: new Date('2026-12-08T02:00:00Z'),
  ...overrides,
});
const check = (overrides: object = {}) => checkFiling(aFiling(overrides), catalogue, now, '2026-12-08');

describe('filing an online submission with its desk', () => {
  it('files one the desk may receive online, even incomplete: completeness is the officer’s to judge', () => {
    expect(check()).toBeNull();
  });

  it('refuses a procedure not received online, naming the procedure (the portal sends no channel)', () => {
    expect(check({ procedureCode: '2.000815' })).toMatchObject({
      code: 'DOSSIER.CHANNEL_NOT_ALLOWED',
      errors: [expect.objectContaining({ field: 'procedureCode' })],
    });
  });

  it('refuses an unknown procedure and a desk that may not receive it, as the desk’s own receipt does', () => {
    expect(check({ procedureCode: '9.999999' })).toMatchObject({ code: 'DOSSIER.PROCEDURE_UNKNOWN' });
    expect(check({ receivingAgencyCode: '001.01.20.H26' })).toMatchObject({ code: 'DOSSIER.DESK_NOT_ALLOWED' });
  });

  it('refuses a document code the procedure does not list, naming the document', () => {
    expect(check({ documents: [{ name: 'Tờ khai' }, { code: 'XYZ', name: 'Giấy lạ' }] })).toMatchObject({
      code: 'SUBMISSION.DOCUMENT_UNKNOWN',
      errors: [expect.objectContaining({ field: 'documents.1.code' })],
    });
  });

  it('refuses a post return without an address', () => {
    expect(check({ returnMethod: 'post' })).toMatchObject({ code: 'DOSSIER.DELIVERY_ADDRESS_REQUIRED' });
  });

  it('refuses a filing later than now (a few minutes of clock skew allowed)', () => {
    expect(check({ filedAt: new Date('2026-12-08T03:04:00Z') })).toBeNull();
    expect(check({ filedAt: new Date('2026-12-08T04:00:00Z') })).toMatchObject({ code: 'SUBMISSION.FILED_IN_FUTURE' });
  });
});

describe('the desk’s decision', () => {
  it('is taken once', () => {
    expect(refuseDecision({ id: 'a', state: 'new', dossierCode: null })).toBeNull();
    expect(refuseDecision({ id: 'a', state: 'accepted', dossierCode: '004.01.20.H26-261208-0001' })).toMatchObject({ code: 'SUBMISSION.ALREADY_DECIDED' });
    expect(refuseDecision({ id: 'a', state: 'refused', dossierCode: null })).toMatchObject({ code: 'SUBMISSION.ALREADY_DECIDED' });
  });

  it('lists everything missing when it finds the dossier incomplete', () => {
    expect(checkRefusal({ outcome: 'incomplete' })).toMatchObject({ code: 'SUBMISSION.MISSING_REQUIRED' });
    expect(checkRefusal({ outcome: 'incomplete', missing: [{ name: 'Giấy chứng sinh' }] })).toBeNull();
    expect(checkRefusal({ outcome: 'refused' })).toBeNull();
  });
});
