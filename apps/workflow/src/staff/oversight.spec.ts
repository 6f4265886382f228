import { type Principal, Role } from '@motcua/auth';
import { oversightOf } from './oversight';

const WARD = '004.01.20.H26';
const OTHER_WARD = '001.01.20.H26';
const DISTRICT = '000.01.20.H26';
const officer = (roles: Role[], agencies: string[]): Principal => ({ subject: 'x', kind: 'officer', roles, agencies, scopes: [] });

describe('what an officer oversees', () => {
  it('counts a role only at the agency where the organisation gives it', () => {
    const mixed = officer([Role.Leader, Role.Specialist], [OTHER_WARD, WARD]);
    const roles = [
      { agencyCode: OTHER_WARD, role: 'leader' },
      { agencyCode: WARD, role: 'specialist' },
    ];
    expect(oversightOf(mixed, roles)).toEqual({ member: [OTHER_WARD, WARD], heads: [OTHER_WARD], leads: [OTHER_WARD] });
  });

  it('needs the role in the token as well, and the agency among the token’s', () => {
    expect(oversightOf(officer([Role.Specialist], [DISTRICT]), [{ agencyCode: DISTRICT, role: 'leader' }])).toMatchObject({ heads: [], leads: [] });
    expect(oversightOf(officer([Role.Leader], [WARD]), [{ agencyCode: DISTRICT, role: 'leader' }])).toMatchObject({ heads: [], leads: [] });
    expect(oversightOf(officer([Role.Leader], [DISTRICT]), [])).toEqual({ member: [DISTRICT], heads: [], leads: [] });
  });

  it('takes a head of desk or a division head as heads who lead nothing', () => {
    const head = officer([Role.HeadOfDesk, Role.DivisionHead], [WARD, DISTRICT]);
    const roles = [
      { agencyCode: WARD, role: 'head_of_desk' },
      { agencyCode: DISTRICT, role: 'division_head' },
      { agencyCode: DISTRICT, role: 'head_of_desk' },
    ];
    expect(oversightOf(head, roles)).toEqual({ member: [WARD, DISTRICT], heads: [WARD, DISTRICT], leads: [] });
  });

  it('gives a citizen or a machine nothing to oversee', () => {
    for (const kind of ['citizen', 'machine'] as const) {
      expect(oversightOf({ ...officer([Role.Leader], [WARD]), kind }, [{ agencyCode: WARD, role: 'leader' }])).toEqual({ member: [], heads: [], leads: [] });
    }
  });
});
