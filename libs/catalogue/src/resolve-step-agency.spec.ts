import { type Directory, type DirectoryAgency, areaPath, resolveStepAgency } from './resolve-step-agency';

const agency = (code: string, kind: string, level: string, areaCode: string, validTo: string | null = null): DirectoryAgency => ({
  code,
  kind,
  level,
  areaCode,
  validFrom: '2018-01-01',
  validTo,
});

// Hà Nội (01) → quận Ba Đình (001) → phường Phúc Xá (00001), phường Trúc Bạch (00004)
const threeLevels: Directory = {
  parentOfArea: new Map([
    ['01', null],
    ['001', '01'],
    ['00001', '001'],
    ['00004', '001'],
  ]),
  agencies: [
    agency('000.00.00.H26', 'people_committee', 'city', '01'),
    agency('000.01.20.H26', 'people_committee', 'district', '001'),
    agency('001.01.20.H26', 'people_committee', 'ward', '00001'),
    agency('004.01.20.H26', 'people_committee', 'ward', '00004', '2025-06-30'),
  ],
};

const context = { receivingAgencyCode: '001.01.20.H26', applicantAreaCode: '00001', onDate: '2025-03-01' };

describe('resolving a step to its agency', () => {
  it('finds the ward committee of the applicant’s own ward', () => {
    expect(resolveStepAgency({ kind: 'competent', level: 'ward', agencyKind: 'people_committee' }, context, threeLevels)).toEqual({
      ok: true,
      agencyCode: '001.01.20.H26',
    });
  });

  it('climbs from the ward to the district for a district-level step (liên thông)', () => {
    expect(resolveStepAgency({ kind: 'competent', level: 'district', agencyKind: 'people_committee' }, context, threeLevels)).toEqual({
      ok: true,
      agencyCode: '000.01.20.H26',
    });
  });

  it('finds the one unit of any of several kinds, whichever an area has (quận and huyện name theirs differently)', () => {
    const withDivisions: Directory = {
      ...threeLevels,
      parentOfArea: new Map([...threeLevels.parentOfArea, ['271', '01'], ['09700', '271']]),
      agencies: [
        ...threeLevels.agencies,
        agency('003.01.21.H26', 'urban_management_division', 'district', '001'),
        agency('003.19.21.H26', 'economy_infrastructure_division', 'district', '271'),
      ],
    };
    const works = { kind: 'competent', level: 'district', agencyKind: ['urban_management_division', 'economy_infrastructure_division'] } as const;
    expect(resolveStepAgency(works, context, withDivisions)).toEqual({ ok: true, agencyCode: '003.01.21.H26' });
    expect(resolveStepAgency(works, { ...context, applicantAreaCode: '09700' }, withDivisions)).toEqual({ ok: true, agencyCode: '003.19.21.H26' });
    expect(resolveStepAgency({ ...works, agencyKind: ['urban_management_division'] }, { ...context, applicantAreaCode: '09700' }, withDivisions)).toMatchObject(
      {
        ok: false,
        code: 'ROUTING.NO_AGENCY',
      },
    );
  });

  it('returns the receiving desk’s agency for the receiving rule, wherever the applicant lives', () => {
    expect(resolveStepAgency({ kind: 'receiving' }, { ...context, receivingAgencyCode: 'X.H26' }, threeLevels)).toEqual({
      ok: true,
      agencyCode: 'X.H26',
    });
  });

  it('refuses to route to nobody: a unit no longer in force, an unknown area, a kind nobody has', () => {
    const onLaterDate = { ...context, applicantAreaCode: '00004', onDate: '2025-07-01' };
    expect(resolveStepAgency({ kind: 'competent', level: 'ward', agencyKind: 'people_committee' }, onLaterDate, threeLevels)).toMatchObject({
      ok: false,
      code: 'ROUTING.NO_AGENCY',
    });
    expect(
      resolveStepAgency({ kind: 'competent', level: 'ward', agencyKind: 'people_committee' }, { ...context, applicantAreaCode: '99999' }, threeLevels),
    ).toMatchObject({ ok: false, code: 'ROUTING.UNKNOWN_AREA' });
    expect(resolveStepAgency({ kind: 'competent', level: 'ward', agencyKind: 'justice_division' }, context, threeLevels)).toMatchObject({
      ok: false,
      code: 'ROUTING.NO_AGENCY',
    });
    expect(resolveStepAgency({ kind: 'fixed', agencyCode: 'NOPE' }, context, threeLevels)).toMatchObject({ ok: false });
  });

  it('refuses to pick between two candidates', () => {
    const twoCommittees = { ...threeLevels, agencies: [...threeLevels.agencies, agency('dup', 'people_committee', 'ward', '00001')] };
    expect(resolveStepAgency({ kind: 'competent', level: 'ward', agencyKind: 'people_committee' }, context, twoCommittees)).toMatchObject({
      ok: false,
      code: 'ROUTING.AMBIGUOUS',
    });
  });

  it('routes through a two-level hierarchy (province → commune) with no code change', () => {
    const twoLevels: Directory = {
      parentOfArea: new Map([
        ['01', null],
        ['00004', '01'],
      ]),
      agencies: [agency('P.H26', 'people_committee', 'province', '01'), agency('C.H26', 'people_committee', 'commune', '00004')],
    };
    const after2025 = { ...context, applicantAreaCode: '00004', onDate: '2025-07-01' };
    expect(resolveStepAgency({ kind: 'competent', level: 'commune', agencyKind: 'people_committee' }, after2025, twoLevels)).toEqual({
      ok: true,
      agencyCode: 'C.H26',
    });
    expect(resolveStepAgency({ kind: 'competent', level: 'province', agencyKind: 'people_committee' }, after2025, twoLevels)).toEqual({
      ok: true,
      agencyCode: 'P.H26',
    });
  });

  it('does not loop on a cycle in the area data', () => {
    expect(
      areaPath(
        'a',
        new Map([
          ['a', 'b'],
          ['b', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b']);
  });
});
