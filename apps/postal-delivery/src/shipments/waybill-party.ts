import type { CatalogueArea } from '@motcua/contracts';

/** One end of a waybill as the carrier routes it: who, a phone, the street, and the ward, district and province codes. */
export interface WaybillParty {
  readonly name: string;
  readonly phone: string;
  readonly street: string;
  readonly wardCode: string;
  readonly districtCode: string;
  readonly provinceCode: string;
}

/**
 * The ward's district and province from the catalogue's areas (statistics-office codes: ward → district → city), or
 * null when the ward is not a ward the catalogue knows: the carrier routes by all three codes.
 */
export function waybillParty(
  who: { name: string; phone: string; street: string; wardCode: string },
  areaOf: (code: string) => CatalogueArea | undefined,
): WaybillParty | null {
  const ward = areaOf(who.wardCode);
  const district = ward?.parentCode ? areaOf(ward.parentCode) : undefined;
  const province = district?.parentCode ? areaOf(district.parentCode) : undefined;
  if (!ward || !district || !province) return null;
  return { ...who, districtCode: district.code, provinceCode: province.code };
}

/** The street line of a desk without an address in the catalogue: its name, ward, district and city, as people write them. */
export function areaLine(wardCode: string, areaOf: (code: string) => CatalogueArea | undefined): string {
  const names: string[] = [];
  for (let area = areaOf(wardCode); area; area = area.parentCode ? areaOf(area.parentCode) : undefined) names.push(area.name);
  return names.join(', ');
}
