// Frozen: the data of migration 1764150000005, as it was applied. Later changes are new migrations.

/** An agency as the staff generator needs it. */
export interface StaffedAgency {
  readonly code: string;
  readonly kind: string;
  readonly level: string;
  readonly hasDesk: boolean;
}

export interface DemoOfficer {
  /** The token subject: `<agency code>.<role>.<n>`, e.g. `004.01.20.H26.receiver.1`. */
  readonly id: string;
  readonly fullName: string;
  readonly agencyCode: string;
  readonly role: string;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Phan'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Thanh', 'Ngọc', 'Quang', 'Hồng', 'Hữu', 'Mai', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Ngọc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vân',
  'Yến',
  'Thắng',
  'Hòa',
  'Nhung',
];

/** A Vietnamese name chosen from the id (FNV-1a), so the same officer has the same name on every machine. */
function nameFor(id: string): string {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return `${FAMILY[hash % FAMILY.length]} ${MIDDLE[(hash >>> 8) % MIDDLE.length]} ${GIVEN[(hash >>> 16) % GIVEN.length]}`;
}

/** How many officers of each role an agency gets, by what it does. */
function teamOf(agency: StaffedAgency): [role: string, count: number][] {
  const desk: [string, number][] = agency.hasDesk
    ? [
        ['receiver', 2],
        ['head_of_desk', 1],
        ['returner', 1],
      ]
    : [];
  if (agency.kind === 'people_committee' && agency.level === 'ward') return [...desk, ['specialist', 2], ['leader', 1]];
  if (agency.kind === 'people_committee') return [...desk, ['leader', 1]];
  if (agency.kind === 'committee_office')
    return [
      ['leader', 1],
      ['clerk', 1],
      ['specialist', 1],
    ];
  if (agency.kind.startsWith('department_')) return [...desk, ['leader', 1], ['division_head', 1], ['specialist', 2], ['clerk', 1]];
  return [...desk, ['division_head', 1], ['specialist', 2]]; // district divisions and branches
}

/**
 * Demo staff for every agency that has a one-stop desk or processes procedures, so any seeded procedure can be
 * walked with `npm run token -- --sub <officer id> --roles <role> --agencies <agency code>`. Invented people.
 */
export function demoStaff(agencies: readonly StaffedAgency[]): DemoOfficer[] {
  return agencies.flatMap((agency) =>
    teamOf(agency).flatMap(([role, count]) =>
      Array.from({ length: count }, (_, i) => {
        const id = `${agency.code}.${role}.${i + 1}`;
        return { id, fullName: nameFor(id), agencyCode: agency.code, role };
      }),
    ),
  );
}
