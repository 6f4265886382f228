import { AGENCY_CODE_PATTERN } from '@motcua/contracts';
import { cityDepartments, districtDivisions } from './1764150000004-departments-and-divisions';

describe('city departments and district divisions', () => {
  const divisions = districtDivisions([
    { code: '001', nameWithType: 'Quận Ba Đình', rank: '01' },
    { code: '271', nameWithType: 'Huyện Ba Vì', rank: '19' },
  ]);

  it('names the departments that run one-stop desks, each with a unique code in the QCVN shape', () => {
    const kinds = cityDepartments.map((d) => d.kind);
    for (const kind of [
      'department_transport',
      'department_health',
      'department_construction',
      'department_justice',
      'department_natural_resources',
      'department_planning_investment',
      'department_labour',
      'department_industry_trade',
      'department_home_affairs',
      'department_education',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(cityDepartments.find((d) => d.kind === 'department_health')?.name).toBe('Sở Y tế Hà Nội');
    expect(new Set([...cityDepartments, ...divisions].map((u) => u.code)).size).toBe(cityDepartments.length + divisions.length);
    for (const unit of [...cityDepartments, ...divisions]) expect(unit.code).toMatch(AGENCY_CODE_PATTERN);
  });

  it('gives an urban district an urban management division and a rural one an economy and infrastructure division', () => {
    expect(divisions.filter((d) => d.areaCode === '001').map((d) => d.name)).toEqual([
      'Phòng Tư pháp quận Ba Đình',
      'Phòng Tài nguyên và Môi trường quận Ba Đình',
      'Phòng Quản lý đô thị quận Ba Đình',
      'Phòng Kinh tế quận Ba Đình',
      'Chi nhánh Văn phòng đăng ký đất đai Hà Nội tại quận Ba Đình',
    ]);
    expect(divisions.find((d) => d.areaCode === '271' && d.code.startsWith('003.'))).toMatchObject({
      kind: 'economy_infrastructure_division',
      name: 'Phòng Kinh tế và Hạ tầng huyện Ba Vì',
      parentCode: '000.19.20.H26',
    });
  });
});
