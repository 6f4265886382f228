// Frozen: the data of migration 1764150000004, as it was applied. Later changes are new migrations.

/**
 * The units that process procedures above the wards: the City People's Committee's office and the city
 * departments (sở) that run one-stop desks, named as they were in Hà Nội's 2020 three-level system; and in each
 * district the divisions (phòng) that process district procedures and the branch of the city's land registration
 * office.
 *
 * Seed agency codes in the QCVN 102:2016 shape, NOT the officially assigned identifiers: departments
 * `000.00.<NN>.H26`; district units `<KKK>.<DD>.21.H26` (DD the district's rank, as for its committee
 * `000.<DD>.20.H26`; Y1Y2 21 keeps them apart from the ward committees `<WWW>.<DD>.20.H26`).
 */
export interface UnitRow {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly level: 'city' | 'district';
  readonly parentCode: string;
  readonly areaCode: string;
  readonly hasDesk: boolean;
}

const CITY_COMMITTEE = '000.00.00.H26';

export const cityDepartments: UnitRow[] = (
  [
    ['01', 'committee_office', 'Văn phòng Ủy ban nhân dân Thành phố Hà Nội', false],
    ['02', 'department_transport', 'Sở Giao thông vận tải Hà Nội', true],
    ['03', 'department_health', 'Sở Y tế Hà Nội', true],
    ['04', 'department_construction', 'Sở Xây dựng Hà Nội', true],
    ['05', 'department_justice', 'Sở Tư pháp Hà Nội', true],
    ['06', 'department_natural_resources', 'Sở Tài nguyên và Môi trường Hà Nội', true],
    ['07', 'department_planning_investment', 'Sở Kế hoạch và Đầu tư Hà Nội', true],
    ['08', 'department_labour', 'Sở Lao động - Thương binh và Xã hội Hà Nội', true],
    ['09', 'department_industry_trade', 'Sở Công Thương Hà Nội', true],
    ['10', 'department_home_affairs', 'Sở Nội vụ Hà Nội', true],
    ['11', 'department_education', 'Sở Giáo dục và Đào tạo Hà Nội', true],
  ] as const
).map(([n, kind, name, hasDesk]) => ({
  code: `000.00.${n}.H26`,
  name,
  kind,
  level: 'city',
  parentCode: CITY_COMMITTEE,
  areaCode: '01',
  hasDesk,
}));

/**
 * The district units. Urban districts (quận) have an urban management division; rural districts (huyện) and the
 * town (thị xã) an economy and infrastructure division in its place, as in Hà Nội's organisation.
 */
export function districtDivisions(districts: { code: string; nameWithType: string; rank: string }[]): UnitRow[] {
  return districts.flatMap(({ code, nameWithType, rank }) => {
    const urban = nameWithType.startsWith('Quận');
    const of = nameWithType.charAt(0).toLowerCase() + nameWithType.slice(1);
    const units: [string, string, string][] = [
      ['001', 'justice_division', `Phòng Tư pháp ${of}`],
      ['002', 'natural_resources_division', `Phòng Tài nguyên và Môi trường ${of}`],
      urban ? ['003', 'urban_management_division', `Phòng Quản lý đô thị ${of}`] : ['003', 'economy_infrastructure_division', `Phòng Kinh tế và Hạ tầng ${of}`],
      ['004', 'economy_division', `Phòng Kinh tế ${of}`],
      ['005', 'land_registration_branch', `Chi nhánh Văn phòng đăng ký đất đai Hà Nội tại ${of}`],
    ];
    return units.map(([k, kind, name]) => ({
      code: `${k}.${rank}.21.H26`,
      name,
      kind,
      level: 'district' as const,
      // the branch belongs to the city's land registration office, under the Department of Natural Resources
      parentCode: kind === 'land_registration_branch' ? '000.00.06.H26' : `000.${rank}.20.H26`,
      areaCode: code,
      hasDesk: false,
    }));
  });
}
