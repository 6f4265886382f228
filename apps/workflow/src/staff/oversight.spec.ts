import { type Principal, Role } from '@motcua/auth';
import { oversightOf, rolesInForce } from './oversight';

const WARD = '004.01.20.H26';
const OTHER_WARD = '001.01.20.H26';
const DISTRICT = '000.01.20.H26';
const officer = (roles: Role[], agencies: string[]): Principal => ({ subject: 'x', kind: 'officer', roles, agencies, scopes: [] });

describe('what an officer oversees', () => {
  it('counts a role only at the agency where the organisation gives it', () => {
    const mixed = officer([Role.Leader, Role.Specialist], [OTHER_WARD, WARD]);
    const roles = [
      { agencyCode: OTHER_WARD, role: 'leader', active: true },
      { agencyCode: WARD, role: 'specialist', active: true },
    ];
    expect(oversightOf(mixed, roles)).toEqual({ member: [OTHER_WARD, WARD], heads: [OTHER_WARD], leads: [OTHER_WARD] });
  });

  it('needs the role in the token as well, and the agency among the token’s', () => {
    expect(oversightOf(officer([Role.Specialist], [DISTRICT]), [{ agencyCode: DISTRICT, role: 'leader', active: true }])).toMatchObject({
      heads: [],
      leads: [],
    });
    expect(oversightOf(officer([Role.Leader], [WARD]), [{ agencyCode: DISTRICT, role: 'leader', active: true }])).toMatchObject({ heads: [], leads: [] });
    expect(oversightOf(officer([Role.Leader], [DISTRICT]), [])).toEqual({ member: [], heads: [], leads: [] });
  });

  it('takes a head of desk or a division head as heads who lead nothing', () => {
    const head = officer([Role.HeadOfDesk, Role.DivisionHead], [WARD, DISTRICT]);
    const roles = [
      { agencyCode: WARD, role: 'head_of_desk', active: true },
      { agencyCode: DISTRICT, role: 'division_head', active: true },
      { agencyCode: DISTRICT, role: 'head_of_desk', active: true },
    ];
    expect(oversightOf(head, roles)).toEqual({ member: [WARD, DISTRICT], heads: [WARD, DISTRICT], leads: [] });
  });

  it('gives a citizen or a machine nothing to oversee', () => {
    for (const kind of ['citizen', 'machine'] as const) {
      expect(oversightOf({ ...officer([Role.Leader], [WARD]), kind }, [{ agencyCode: WARD, role: 'leader', active: true }])).toEqual({
        member: [],
        heads: [],
        leads: [],
      });
    }
  });

  it('keeps an agency the record places them at while on leave, but they head nothing there', () => {
    const away = oversightOf(officer([Role.Leader], [WARD]), [{ agencyCode: WARD, role: 'leader', active: false }]);
    expect(away).toEqual({ member: [WARD], heads: [], leads: [] });
  });

  it('takes an agency only where a role is in force: the token with no role, or another, reads nothing there', () => {
    const specialistThere = [{ agencyCode: WARD, role: 'specialist', active: true }];
    expect(oversightOf(officer([], [WARD]), specialistThere).member).toEqual([]);
    expect(oversightOf(officer([Role.Receiver], [WARD]), specialistThere).member).toEqual([]);
    expect(oversightOf(officer([Role.Specialist], [WARD]), specialistThere).member).toEqual([WARD]);
  });

  it('does not take an agency the token names but the record does not', () => {
    expect(oversightOf(officer([Role.Specialist], [WARD, OTHER_WARD]), [{ agencyCode: WARD, role: 'specialist', active: true }]).member).toEqual([WARD]);
  });
});

describe('the roles in force at an agency (the token narrows, the record confirms)', () => {
  it('keeps only the recorded roles the token also gives', () => {
    expect(rolesInForce(officer([Role.Receiver], [WARD]), WARD, ['specialist'])).toEqual([]);
    expect(rolesInForce(officer([], [WARD]), WARD, ['specialist', 'head_of_desk'])).toEqual([]);
    expect(rolesInForce(officer([Role.Receiver, Role.Specialist], [WARD]), WARD, ['specialist', 'leader'])).toEqual([Role.Specialist]);
  });

  it('gives nothing at an agency the token does not name, nor to a citizen or a machine', () => {
    expect(rolesInForce(officer([Role.Specialist], [OTHER_WARD]), WARD, ['specialist'])).toEqual([]);
    for (const kind of ['citizen', 'machine'] as const) expect(rolesInForce({ ...officer([Role.Specialist], [WARD]), kind }, WARD, ['specialist'])).toEqual([]);
  });

  it('ignores a recorded role that is no role of the process', () => {
    expect(rolesInForce(officer([Role.Specialist], [WARD]), WARD, ['specialist', 'janitor'])).toEqual([Role.Specialist]);
  });
});
