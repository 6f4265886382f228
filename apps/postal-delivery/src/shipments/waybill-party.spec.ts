import type { CatalogueArea } from '@motcua/contracts';
import { areaLine, waybillParty } from './waybill-party';

const areas = new Map<string, CatalogueArea>(
  [
    { code: '01', name: 'Thành phố Hà Nội', level: 'city', parentCode: null },
    { code: '001', name: 'Quận Ba Đình', level: 'district', parentCode: '01' },
    { code: '00016', name: 'Phường Ngọc Hà', level: 'ward', parentCode: '001' },
  ].map((area) => [area.code, area]),
);
const areaOf = (code: string) => areas.get(code);

describe('waybillParty', () => {
  it('adds the ward’s district and city codes, which the carrier routes by', () => {
    expect(waybillParty({ name: 'Đỗ Quang Huy', phone: '0987654321', street: 'Số 5 ngõ 12 phố Đội Cấn', wardCode: '00016' }, areaOf)).toEqual({
      name: 'Đỗ Quang Huy',
      phone: '0987654321',
      street: 'Số 5 ngõ 12 phố Đội Cấn',
      wardCode: '00016',
      districtCode: '001',
      provinceCode: '01',
    });
  });

  it('is null for a ward the catalogue does not know, or a code that is not a ward', () => {
    expect(waybillParty({ name: 'x', phone: '0987654321', street: 'y', wardCode: '99999' }, areaOf)).toBeNull();
    expect(waybillParty({ name: 'x', phone: '0987654321', street: 'y', wardCode: '001' }, areaOf)).toBeNull();
  });
});

describe('areaLine', () => {
  it('writes the ward, district and city as people do', () => {
    expect(areaLine('00016', areaOf)).toBe('Phường Ngọc Hà, Quận Ba Đình, Thành phố Hà Nội');
  });
});
