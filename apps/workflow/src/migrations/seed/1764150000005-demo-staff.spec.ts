import { demoStaff } from './1764150000005-demo-staff';

describe('demo staff', () => {
  const staff = demoStaff([
    { code: '004.01.20.H26', kind: 'people_committee', level: 'ward', hasDesk: true },
    { code: '000.01.20.H26', kind: 'people_committee', level: 'district', hasDesk: true },
    { code: '001.01.21.H26', kind: 'justice_division', level: 'district', hasDesk: false },
    { code: '000.00.03.H26', kind: 'department_health', level: 'city', hasDesk: true },
  ]);
  const rolesAt = (agency: string) => staff.filter((o) => o.agencyCode === agency).map((o) => o.role);

  it('staffs a ward committee for its desk and for the birth registration it processes', () => {
    expect(rolesAt('004.01.20.H26')).toEqual(['receiver', 'receiver', 'head_of_desk', 'returner', 'specialist', 'specialist', 'leader']);
  });

  it('gives a division its head and specialists but no desk officers', () => {
    expect(rolesAt('001.01.21.H26')).toEqual(['division_head', 'specialist', 'specialist']);
  });

  it('names each officer by a stable id usable as a token subject, with a Vietnamese name', () => {
    expect(new Set(staff.map((o) => o.id)).size).toBe(staff.length);
    expect(staff[0]).toMatchObject({ id: '004.01.20.H26.receiver.1', agencyCode: '004.01.20.H26', role: 'receiver' });
    for (const officer of staff) expect(officer.fullName).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    expect(demoStaff([{ code: '004.01.20.H26', kind: 'people_committee', level: 'ward', hasDesk: true }])[0].fullName).toBe(staff[0].fullName);
  });
});
