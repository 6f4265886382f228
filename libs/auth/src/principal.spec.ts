import { canActForAgency, hasRole, type Principal, Role } from './principal';

describe('agency scoping', () => {
  const wardOfficer: Principal = {
    subject: 'officer-7',
    kind: 'officer',
    roles: [Role.Receiver],
    agencies: ['000.01.21.H26'],
    scopes: [],
  };

  it('lets an officer act for their own agency only', () => {
    expect(canActForAgency(wardOfficer, '000.01.21.H26')).toBe(true);
    expect(canActForAgency(wardOfficer, '000.01.22.H26')).toBe(false);
  });

  it('lets a leader of the parent agency act in the subtree', () => {
    const districtLeader = { ...wardOfficer, roles: [Role.Leader], agencies: ['000.00.21.H26'] };
    expect(canActForAgency(districtLeader, '000.01.21.H26', ['000.00.21.H26', '000.00.00.H26'])).toBe(true);
    expect(canActForAgency(districtLeader, '000.01.21.H26', ['000.00.22.H26'])).toBe(false);
  });

  it('checks roles as any-of', () => {
    expect(hasRole(wardOfficer, Role.Leader, Role.Receiver)).toBe(true);
    expect(hasRole(wardOfficer, Role.Leader)).toBe(false);
  });
});
